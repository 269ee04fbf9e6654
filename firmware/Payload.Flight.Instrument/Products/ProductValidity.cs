namespace Payload.Flight.Instrument.Products
{
    /// <summary>Bits of <see cref="PassProducts.Validity"/>: which groups of products were computed (a clear bit: the group is 0).</summary>
    /// <remarks>Constants rather than an enum: the device's mscorlib has no FlagsAttribute, and the bits go on the wire.</remarks>
    public static class ProductValidity
    {
        /// <summary>A PRI cluster was found: PRI, PRF, jitter, missed pulses, expected count.</summary>
        public const int Pri = 1;

        /// <summary>Pulse width mean and spread.</summary>
        public const int Width = 2;

        /// <summary>Parabola fit: peak time, peak level, 3 dB width in time.</summary>
        public const int Fit = 4;

        /// <summary>3 dB width in degrees (the fit and a non-zero ground speed and slant range).</summary>
        public const int Beamwidth = 8;

        /// <summary>Left (before the peak) first-sidelobe level.</summary>
        public const int SidelobeLeft = 16;

        /// <summary>Right (after the peak) first-sidelobe level.</summary>
        public const int SidelobeRight = 32;

        /// <summary>Amplitude spread (pulse-to-pulse).</summary>
        public const int AmplitudeSpread = 64;

        /// <summary>Warning: pulses were rejected (capacity, TOA going backwards) or fell beyond the last bin.</summary>
        public const int Truncated = 128;
    }
}
