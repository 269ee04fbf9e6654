namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The radar an ACQ_ARM expects: it sets the pass-start window and the geometry that turns the 3 dB width into an angle.</summary>
    public enum ExpectedRadar : byte
    {
        /// <summary>NISAR L-band: PRF about 1650 Hz, ground speed 6.70 km/s, slant range 914–1019 km.</summary>
        Nisar = 0,

        /// <summary>Sentinel-1 IW: PRF 1451.6–1717.1 Hz in bursts, ground speed 6.78 km/s, slant range 815–911 km.</summary>
        Sentinel1 = 1,

        /// <summary>Any other emitter: a 1 kHz start window unless a PRF hint is given, and no angle conversion.</summary>
        Other = 2,
    }
}
