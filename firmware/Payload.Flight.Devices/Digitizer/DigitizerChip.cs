namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Fixed properties of the pulse digitizer: identity, clocks, sizes, limits and register reset values.</summary>
    /// <remarks>The driver, the simulated board's chip model and the tests all take these numbers from here.</remarks>
    public static class DigitizerChip
    {
        /// <summary>Part number in ID bits 31..16: 0x5044, "PD".</summary>
        public const int PartNumber = 0x5044;

        /// <summary>Major interface version in ID bits 15..8; the driver refuses any other (frames or layouts changed).</summary>
        public const int MajorVersion = 1;

        /// <summary>Minor version in ID bits 7..0: compatible additions only, so the driver accepts any.</summary>
        public const int MinorVersion = 0;

        /// <summary>The ID register's value for this revision: 0x50440100.</summary>
        public const long Id = ((long)PartNumber << 16) | (MajorVersion << 8) | MinorVersion;

        /// <summary>The TOA counter's frequency: 80 MHz, 12.5 ns per tick.</summary>
        public const long TicksPerSecond = 80000000;

        /// <summary>TOA ticks per microsecond.</summary>
        public const int TicksPerMicrosecond = 80;

        /// <summary>The TOA counter is 48 bits wide and wraps to 0 (after about 40.7 days).</summary>
        public const long ToaMask = 0xFFFFFFFFFFFFL;

        /// <summary>FIFO depth in records.</summary>
        public const int FifoDepth = 1024;

        /// <summary>Largest MAX a FIFO burst accepts (the FIFO depth).</summary>
        public const int MaxBurstRecords = FifoDepth;

        /// <summary>Samples in a snapshot.</summary>
        public const int SnapshotSamples = 512;

        /// <summary>Samples in a snapshot taken before the selected pulse's leading edge.</summary>
        public const int SnapshotPreTriggerSamples = 64;

        /// <summary>Snapshot (and capture ADC) sample rate: 10 MSPS.</summary>
        public const int SampleRateHz = 10000000;

        /// <summary>TOA ticks per snapshot sample (80 MHz / 10 MSPS).</summary>
        public const int TicksPerSample = 8;

        /// <summary>Octets per snapshot sample (16-bit, most significant octet first).</summary>
        public const int SampleSize = 2;

        /// <summary>Fastest SPI clock the chip accepts (mode 0).</summary>
        public const int MaxSpiClockHz = 20000000;

        /// <summary>Reset value of THRESHOLD: the top code, so nothing is detected until the threshold is configured.</summary>
        public const int ResetThreshold = 0xFFFF;

        /// <summary>Reset value of WATERMARK, in records.</summary>
        public const int ResetWatermark = 64;

        /// <summary>Reset value of MAX_LATENCY: 800000 ticks, 10 ms.</summary>
        public const long ResetMaxLatency = 800000;

        /// <summary>Reset value of MIN_WIDTH: 8 ticks, 100 ns.</summary>
        public const int ResetMinWidth = 8;

        /// <summary>STATUS after reset: FifoEmpty | ResetOccurred.</summary>
        public const int ResetStatus = 0x42;

        /// <summary>Time DRDY is released (high) after every burst frame, in TOA ticks (1 µs), so an edge-triggered host sees a fresh falling edge when the condition still holds.</summary>
        public const int DrdyReleaseTicks = 80;

        /// <summary>Largest value MAX_LATENCY holds (32 bits: about 53.7 s).</summary>
        public const long MaxLatencyLimit = 0xFFFFFFFFL;
    }
}
