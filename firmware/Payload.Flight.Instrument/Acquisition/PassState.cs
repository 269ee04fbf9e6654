namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Where the acquisition of a radar pass stands (parameter acq.state).</summary>
    public enum PassState : byte
    {
        /// <summary>Nothing armed: records that arrive are counted and discarded.</summary>
        Idle = 0,

        /// <summary>ACQ_ARM received: waiting for a run of pulses that looks like the expected radar.</summary>
        Armed = 1,

        /// <summary>Measuring: every record goes to the pass products and, decimated, to the raw downlink.</summary>
        InPass = 2,

        /// <summary>The pass ended: products are computed and handed to ST[13], with the rest of the raw records.</summary>
        ProductReady = 3,
    }
}
