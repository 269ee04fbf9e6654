namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Nominal numbers of each <see cref="ExpectedRadar"/> (DESIGN.md §2), used when ACQ_ARM leaves them at 0.</summary>
    public static class RadarPreset
    {
        /// <summary>The PRF that sizes the pass-start window, Hz: NISAR's nominal, Sentinel-1's lowest sub-swath (IW2), 1 kHz otherwise.</summary>
        public static int NominalPrfHz(ExpectedRadar radar)
        {
            switch (radar)
            {
                case ExpectedRadar.Nisar:
                    return 1650;
                case ExpectedRadar.Sentinel1:
                    return 1451;
                default:
                    return 1000;
            }
        }

        /// <summary>Ground speed of the beam footprint, m/s; 0 (no angle conversion) for an unknown emitter.</summary>
        public static int GroundSpeedMps(ExpectedRadar radar)
        {
            switch (radar)
            {
                case ExpectedRadar.Nisar:
                    return 6700;
                case ExpectedRadar.Sentinel1:
                    return 6780;
                default:
                    return 0;
            }
        }

        /// <summary>Slant range at closest approach in the middle of the swath, m; 0 for an unknown emitter.</summary>
        public static int SlantRangeM(ExpectedRadar radar)
        {
            switch (radar)
            {
                case ExpectedRadar.Nisar:
                    return 960000;
                case ExpectedRadar.Sentinel1:
                    return 860000;
                default:
                    return 0;
            }
        }
    }
}
