using Payload.Flight.Executive;

namespace Payload.Flight.Config
{
    /// <summary>The flight software's tunables in one place: identities, timing, link budget and table sizes.</summary>
    public static class FlightConfiguration
    {
        /// <summary>APID of the payload's application process (telecommands to it, telemetry from it).</summary>
        public const ushort Apid = 0x064;

        /// <summary>PUS destination ID of the ground in telemetry.</summary>
        public const ushort GroundId = 1;

        /// <summary>Minor frame (base tick) period: 100 Hz.</summary>
        public const long MinorFrameMicroseconds = 10000;

        /// <summary>Minor frames per second.</summary>
        public const int FramesPerSecond = 100;

        /// <summary>Default link speed (UART 8N1: ten bits per octet).</summary>
        public const int LinkBaudRate = 115200;

        /// <summary>Share of the link the payload may use, in percent.</summary>
        public const int LinkAllocationPercent = 100;

        /// <summary>Telecommands that may wait for dispatch.</summary>
        public const int CommandQueueCapacity = 8;

        /// <summary>Commands that may run over several frames at once.</summary>
        public const int MaxRunningCommands = 4;

        /// <summary>Commands the dispatcher starts per cycle.</summary>
        public const int CommandStartsPerCycle = 4;

        /// <summary>Longest frame the link deframer accepts (a space packet of the maximum length, COBS-encoded).</summary>
        public const int MaxFrameLength = 1100;

        /// <summary>Rate group that runs every minor frame: dispatcher, schedule, housekeeping, downlink.</summary>
        public const byte FrameGroup = 0;

        /// <summary>Rate group of work at 10 Hz.</summary>
        public const byte MediumGroup = 1;

        /// <summary>Rate group of slow bookkeeping (1 Hz).</summary>
        public const byte SlowGroup = 2;

        /// <summary>The rate-group table: 100, 10 and 1 Hz, each with a deadline inside its period, offset so they share few frames.</summary>
        public static RateGroupDefinition[] RateGroups()
        {
            return new RateGroupDefinition[]
            {
                new RateGroupDefinition(FrameGroup, "rg100hz", 1, 0, 4000),
                new RateGroupDefinition(MediumGroup, "rg10hz", 10, 1, 20000),
                new RateGroupDefinition(SlowGroup, "rg1hz", 100, 3, 100000),
            };
        }
    }
}
