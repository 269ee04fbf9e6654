namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The ranges of the digitizer's acquisition settings and the one check that ACQ_CONFIGURE and the boot restore both apply.</summary>
    /// <remarks>
    /// The configured set lives in the persisted, read-only parameters acq.cfg.* (see <see cref="AcquisitionDictionary"/>):
    /// a stored set may come from an older build with other ranges or another block size, so the boot restore must
    /// refuse what ACQ_CONFIGURE would refuse today. Field numbers are ACQ_CONFIGURE's argument indexes, so a refusal
    /// names the same field in an ST[1] failure report and in ACQ_CONFIG_REFUSED.
    /// </remarks>
    public static class AcquisitionConfiguration
    {
        /// <summary>Result of <see cref="Check"/> for a valid set.</summary>
        public const int Valid = -1;

        /// <summary>Field (argument index) of the comparator threshold.</summary>
        public const int ThresholdField = 0;
        /// <summary>Field (argument index) of the FIFO watermark.</summary>
        public const int WatermarkField = 1;
        /// <summary>Field (argument index) of MAX_LATENCY.</summary>
        public const int MaxLatencyField = 2;
        /// <summary>Field (argument index) of MIN_WIDTH.</summary>
        public const int MinWidthField = 3;

        /// <summary>Largest threshold, peak-code units.</summary>
        public const int MaxThreshold = 65535;
        /// <summary>Smallest watermark, records.</summary>
        public const int MinWatermark = 1;
        /// <summary>Largest watermark the chip takes, records (its FIFO depth); the driver's block size bounds it further.</summary>
        public const int MaxWatermark = 1024;
        /// <summary>Shortest MAX_LATENCY, ticks (100 µs).</summary>
        public const long MinMaxLatencyTicks = 8000;
        /// <summary>Longest MAX_LATENCY, ticks (1 s).</summary>
        public const long MaxMaxLatencyTicks = 80000000;
        /// <summary>Largest MIN_WIDTH, ticks.</summary>
        public const int MaxMinWidthTicks = 65535;

        /// <summary>The first field of the set that is out of range (a watermark above <paramref name="blockRecords"/> included), or <see cref="Valid"/>.</summary>
        public static int Check(long threshold, long watermark, long maxLatencyTicks, long minWidthTicks, int blockRecords)
        {
            if (threshold < 0 || threshold > MaxThreshold)
            {
                return ThresholdField;
            }

            if (watermark < MinWatermark || watermark > MaxWatermark || watermark > blockRecords)
            {
                return WatermarkField;
            }

            if (maxLatencyTicks < MinMaxLatencyTicks || maxLatencyTicks > MaxMaxLatencyTicks)
            {
                return MaxLatencyField;
            }

            return minWidthTicks < 0 || minWidthTicks > MaxMinWidthTicks ? MinWidthField : Valid;
        }
    }
}
