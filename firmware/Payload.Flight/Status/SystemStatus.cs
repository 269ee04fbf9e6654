using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Parameters;

namespace Payload.Flight.Status
{
    /// <summary>The payload's identity and liveness: the boot event with the dictionary hash, and uptime.</summary>
    public sealed class SystemStatus : IRateGroupMember
    {
        /// <summary>Hash of the dictionary the software was built with; the ground refuses a mismatch.</summary>
        public const ushort DictionaryHashParameter = 1;
        /// <summary>Seconds since boot.</summary>
        public const ushort UptimeParameter = 2;
        /// <summary>Software version, major × 256 + minor.</summary>
        public const ushort SoftwareVersionParameter = 3;
        /// <summary>Raised once at the end of boot.</summary>
        public const ushort BootEvent = 1;
        /// <summary>Version reported in the boot event and housekeeping.</summary>
        public const int SoftwareVersion = 0x0100;

        private readonly ParameterTable _parameters;
        private readonly long _bootMicroseconds;

        /// <summary>Publishes the identity parameters.</summary>
        public SystemStatus(MissionDictionary dictionary, ParameterTable parameters, long bootMicroseconds)
        {
            _parameters = parameters;
            _bootMicroseconds = bootMicroseconds;
            parameters.Set(DictionaryHashParameter, dictionary.Hash);
            parameters.Set(SoftwareVersionParameter, SoftwareVersion);
        }

        /// <summary>Adds the system declarations.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(DictionaryHashParameter, "sys.dictionary_hash", DataType.UInt32, "", "Hash of the on-board dictionary"));
            dictionary.Add(new ParameterDefinition(UptimeParameter, "sys.uptime", DataType.UInt32, "s", "Seconds since boot"));
            dictionary.Add(new ParameterDefinition(SoftwareVersionParameter, "sys.version", DataType.UInt16, "", "Software version (major × 256 + minor)"));
            dictionary.Add(new EventDefinition(BootEvent, "SYS_BOOT", Severity.Informative, "The flight software booted", new ArgumentDefinition[]
            {
                new ArgumentDefinition("dictionary_hash", DataType.UInt32, "", "Hash of the on-board dictionary"),
                new ArgumentDefinition("version", DataType.UInt16, "", "Software version"),
            }));
        }

        /// <summary>Raises the boot event; called once when every component is ready.</summary>
        public void AnnounceBoot(IEventSink events)
        {
            events.Raise(BootEvent, _parameters.Get(DictionaryHashParameter), SoftwareVersion);
        }

        /// <summary>Updates uptime.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            _parameters.Set(UptimeParameter, (nowMicroseconds - _bootMicroseconds) / 1000000);
        }
    }
}
