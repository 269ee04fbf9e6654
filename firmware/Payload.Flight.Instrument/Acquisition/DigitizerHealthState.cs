namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The digitizer as FDIR sees it (parameter acq.dig.state).</summary>
    public enum DigitizerHealthState : byte
    {
        /// <summary>Not brought up yet (boot, or after ACQ_RESET cleared a degraded digitizer): reset, self-test and configuration are due.</summary>
        BringUp = 0,

        /// <summary>Configured and answering: blocks are read.</summary>
        Operational = 1,

        /// <summary>A recovery failed; the next reset, self-test and configuration is due after the retry interval.</summary>
        Recovering = 2,

        /// <summary>acq.fdir.max_recoveries recoveries in a row failed: FDIR stopped trying until ACQ_RESET.</summary>
        Degraded = 3,
    }
}
