namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Why a pass (or an arming) ended: argument of ACQ_PASS_ENDED and parameter acq.last.end_reason.</summary>
    public enum PassEndReason : byte
    {
        /// <summary>The pass lasted its full pass_timeout_s.</summary>
        Timeout = 0,

        /// <summary>No pulse for acq.los_timeout_ms after the main lobe had been seen.</summary>
        LossOfSignal = 1,

        /// <summary>ACQ_STOP.</summary>
        Stopped = 2,

        /// <summary>The digitizer failed and FDIR gave up (degraded), or its records could not be placed in time any more.</summary>
        DigitizerFault = 3,

        /// <summary>The payload left ACQUIRE.</summary>
        ModeExit = 4,

        /// <summary>Armed for max_wait_s without a pass starting; nothing was measured.</summary>
        NoSignal = 5,

        /// <summary>The pass filled the products' pulse capacity.</summary>
        Capacity = 6,

        /// <summary>ACQ_RESET: the pass and its products were discarded.</summary>
        Reset = 7,
    }
}
