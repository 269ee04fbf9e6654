namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>What made FDIR act on the digitizer: first argument of ACQ_DIGITIZER_FAULT.</summary>
    public enum DigitizerFaultReason : byte
    {
        /// <summary>No fault.</summary>
        None = 0,

        /// <summary>DigitizerDriver.IsResponding turned false: failed frames in a row (a lock-up holds MISO high).</summary>
        NotResponding = 1,

        /// <summary>More CRC errors than acq.fdir.crc_limit within acq.fdir.crc_window_s.</summary>
        CrcErrors = 2,

        /// <summary>The chip lost its configuration: it reset itself, or a configuration failed half way.</summary>
        ConfigurationLost = 3,

        /// <summary>DRDY keeps asserting with an empty FIFO.</summary>
        StuckDataReady = 4,

        /// <summary>The SPI or GPIO layer threw.</summary>
        BusException = 5,

        /// <summary>The boot bring-up (reset, self-test, configuration) failed.</summary>
        BringUpFailed = 6,
    }
}
