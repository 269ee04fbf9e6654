namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>What one <see cref="DigitizerDriver.OnDataReady"/> did with the FIFO.</summary>
    public enum DigitizerBlockResult : byte
    {
        /// <summary>A block of one or more records was read and appended.</summary>
        Records = 0,

        /// <summary>The burst was valid and held no record.</summary>
        Empty = 1,

        /// <summary>The burst was damaged; the re-read (FIFO_REPEAT) returned the block, which was appended.</summary>
        Recovered = 2,

        /// <summary>The burst was damaged and had popped nothing (the re-read returned the block before it): the records are still in the FIFO.</summary>
        NotCommitted = 3,

        /// <summary>The burst and its re-read were both damaged: the block is dropped and its records are counted lost at the next good block.</summary>
        Dropped = 4,

        /// <summary>The chip did not answer (MISO held) to the burst or to its re-read.</summary>
        NoResponse = 5,
    }
}
