using Payload.Flight.Commanding;
using Payload.Flight.Config;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Functions;
using Payload.Flight.Housekeeping;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Scheduling;
using Payload.Flight.Status;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;

namespace Payload.Flight
{
    /// <summary>The payload's one dictionary: every concept adds its declarations here, in a fixed order.</summary>
    /// <remarks>The device builds it at boot; the host exports it to JSON and XTCE; both hash the same declarations.</remarks>
    public static class FlightDictionary
    {
        /// <summary>Core housekeeping: identity, mode, executive health.</summary>
        public const byte CoreStructure = 1;
        /// <summary>Commanding and telemetry flow.</summary>
        public const byte LinkStructure = 2;

        /// <summary>Builds the complete dictionary of the flight core.</summary>
        public static MissionDictionary Build()
        {
            var dictionary = new DictionaryBuilder();
            Declare(dictionary);
            return dictionary.Build();
        }

        /// <summary>Adds the flight core's declarations, so an application (the instrument) can add its own after them.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            SystemStatus.Declare(dictionary);
            FlightExecutive.Declare(dictionary, FlightConfiguration.RateGroups());
            CommandingDictionary.Declare(dictionary);
            UplinkMonitor.Declare(dictionary);
            ModeManager.Declare(dictionary);
            Downlink.Declare(dictionary);
            PacketStore.Declare(dictionary);
            LargePacketSender.Declare(dictionary);
            EventReporter.Declare(dictionary);
            HousekeepingService.Declare(dictionary);
            RecordStore.Declare(dictionary);
            ParameterService.Declare(dictionary);
            TimeService.Declare(dictionary);
            TimeBasedSchedule.Declare(dictionary, FlightConfiguration.ScheduleMaxCommandLength);
            ConnectionTestService.Declare(dictionary);
            FunctionRegistry.Declare(dictionary);

            dictionary.Add(new HousekeepingStructureDefinition(CoreStructure, "HK_CORE", new ushort[]
            {
                SystemStatus.DictionaryHashParameter, SystemStatus.UptimeParameter, SystemStatus.SoftwareVersionParameter,
                ModeManager.ModeParameter, TimeService.SynchronisedParameter,
                FlightExecutive.FrameCountParameter, FlightExecutive.FrameSlipsParameter, FlightExecutive.WatchdogWithheldParameter,
                FlightExecutive.GroupParameterBase, FlightExecutive.GroupParameterBase + 1,
                FlightExecutive.GroupParameterBase + 10, FlightExecutive.GroupParameterBase + 11,
                FlightExecutive.GroupParameterBase + 20, FlightExecutive.GroupParameterBase + 21,
                FlightExecutive.GroupParameterBase + 10 * FlightConfiguration.CommandGroup,
                FlightExecutive.GroupParameterBase + 10 * FlightConfiguration.CommandGroup + 1,
                EventReporter.RaisedParameter, EventReporter.SuppressedParameter,
            }, FlightConfiguration.FramesPerSecond, true, "Identity, mode, time and executive health, every second"));
            dictionary.Add(new HousekeepingStructureDefinition(LinkStructure, "HK_LINK", new ushort[]
            {
                CommandingDictionary.AcceptedCount, CommandingDictionary.RejectedCount, CommandingDictionary.CompletedCount,
                CommandingDictionary.FailedCount, CommandingDictionary.TimeoutCount, CommandingDictionary.MalformedCount,
                UplinkMonitor.FramesParameter, UplinkMonitor.DiscardedParameter,
                Downlink.BytesSentParameter, Downlink.UtilisationParameter, Downlink.LinkUpParameter,
                PacketStore.PacketsHeldParameter, PacketStore.OverwrittenParameter,
                TimeBasedSchedule.UsedParameter,
            }, 5 * FlightConfiguration.FramesPerSecond, true, "Commanding and telemetry flow, every five seconds"));
        }
    }
}
