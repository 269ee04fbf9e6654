namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>One detected radar pulse as the digitizer reports it: the contract between the chip, the driver, the pass products and the ground.</summary>
    /// <remarks>
    /// On the wire and in the record ring a record is 12 octets, every field most significant octet first:
    /// <code>
    /// offset  size  field      unit / meaning
    ///   0      6    TOA        ticks of the 48-bit 80 MHz counter (12.5 ns) at the leading edge (threshold crossing)
    ///   6      2    WIDTH      ticks from leading to trailing edge, 0..65535 (Truncated when longer)
    ///   8      2    PEAK       largest envelope code during the pulse, 0..65535, growing with received power
    ///  10      1    FLAGS      PulseFlags
    ///  11      1    SEQUENCE   low 8 bits of PULSE_COUNT when the pulse was accepted: gaps show pulses lost to overflow
    /// </code>
    /// Peak codes grow with power: the capture core inverts the AD8318's falling output (code = 65535 - ADC code),
    /// so codes are linear in dB with a positive slope. THRESHOLD and snapshot samples use the same orientation.
    /// </remarks>
    public struct PulseRecord
    {
        /// <summary>Octets per record.</summary>
        public const int Size = 12;

        /// <summary>Offset of the 48-bit TOA.</summary>
        public const int ToaOffset = 0;

        /// <summary>Offset of the 16-bit width.</summary>
        public const int WidthOffset = 6;

        /// <summary>Offset of the 16-bit peak code.</summary>
        public const int PeakOffset = 8;

        /// <summary>Offset of the flag octet.</summary>
        public const int FlagsOffset = 10;

        /// <summary>Offset of the sequence octet.</summary>
        public const int SequenceOffset = 11;

        /// <summary>Largest width and peak code (16 bits).</summary>
        public const int MaxField16 = 0xFFFF;

        /// <summary>Time of arrival in 80 MHz ticks (0..2^48-1).</summary>
        public long ToaTicks;

        /// <summary>Width in 80 MHz ticks (0..65535).</summary>
        public int WidthTicks;

        /// <summary>Peak envelope code (0..65535), growing with power.</summary>
        public int PeakCode;

        /// <summary>Saturated, truncated, overlapping, after-overflow and snapshot flags.</summary>
        public PulseFlags Flags;

        /// <summary>Low 8 bits of the chip's pulse counter (0..255).</summary>
        public int Sequence;

        /// <summary>Creates a record from its fields (not range-checked: the codec keeps the low bits of each).</summary>
        public PulseRecord(long toaTicks, int widthTicks, int peakCode, PulseFlags flags, int sequence)
        {
            ToaTicks = toaTicks;
            WidthTicks = widthTicks;
            PeakCode = peakCode;
            Flags = flags;
            Sequence = sequence;
        }
    }
}
