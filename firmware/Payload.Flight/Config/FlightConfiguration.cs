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

        /// <summary>Default link speed (UART 8N1: ten bits per octet); a board may open the link faster (up to 921600).</summary>
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

        /// <summary>Telemetry packets that may wait in the urgent class (verification, high-severity events).</summary>
        public const int UrgentQueueCapacity = 32;

        /// <summary>Telemetry packets that may wait in the routine class (housekeeping, events, reports).</summary>
        public const int RoutineQueueCapacity = 32;

        /// <summary>Telemetry packets that may wait in the bulk class (products, replays).</summary>
        public const int BulkQueueCapacity = 8;

        /// <summary>Octets of the ST[15] packet store.</summary>
        public const int PacketStoreBytes = 256 * 1024;

        /// <summary>Packets the ST[15] packet store can index.</summary>
        public const int PacketStorePackets = 4096;

        /// <summary>Replayed packets between two ST[1] progress reports.</summary>
        public const int ReplayPacketsPerProgressReport = 100;

        /// <summary>Octets of the largest ST[13] large message (products, raw-record chunks, snapshots), held until the next one.</summary>
        public const int LargeTransferCapacity = 64 * 1024;

        /// <summary>Octets of message data per ST[13] part (a 925-octet packet).</summary>
        public const int LargeTransferPartSize = 896;

        /// <summary>Minor frames of one event throttle window (10 s).</summary>
        public const int EventThrottleWindowFrames = 1000;

        /// <summary>Time-tagged commands the ST[11] schedule holds.</summary>
        public const int ScheduleCapacity = 32;

        /// <summary>Longest time-tagged command the schedule holds (slots are allocated at boot).</summary>
        public const int ScheduleMaxCommandLength = 128;

        /// <summary>Time-tagged commands released per minor frame at most.</summary>
        public const int ScheduleReleasesPerFrame = 4;

        /// <summary>Flash alignment of each persisted record slot, so a slot never shares an erase sector.</summary>
        public const int RecordSlotAlignment = 4096;

        /// <summary>Seconds between two saves of on-board time.</summary>
        public const int TimePersistIntervalSeconds = 600;

        /// <summary>Rate group that runs every minor frame: dispatcher, schedule, housekeeping, downlink.</summary>
        public const byte FrameGroup = 0;

        /// <summary>Rate group of work at 10 Hz.</summary>
        public const byte MediumGroup = 1;

        /// <summary>Rate group of slow bookkeeping (1 Hz).</summary>
        public const byte SlowGroup = 2;

        /// <summary>Rate group run on demand when telecommands arrive: starts them and releases their reports at once.</summary>
        public const byte CommandGroup = 3;

        /// <summary>
        /// The rate-group table: 100, 10 and 1 Hz, each with a deadline inside its period, offset so they share few frames;
        /// and the command group, which the link step runs whenever a frame arrives.
        /// </summary>
        public static RateGroupDefinition[] RateGroups()
        {
            return new RateGroupDefinition[]
            {
                new RateGroupDefinition(FrameGroup, "rg100hz", 1, 0, 4000),
                new RateGroupDefinition(MediumGroup, "rg10hz", 10, 1, 20000),
                new RateGroupDefinition(SlowGroup, "rg1hz", 100, 3, 100000),
                new RateGroupDefinition(CommandGroup, "rgcmd", 0, 0, 4000),
            };
        }
    }
}
