namespace Payload.Flight.Storage
{
    /// <summary>What the packet store does with a new packet when it has no room (TC[15,129] STORE_SET_POLICY).</summary>
    public enum StoreOverflowPolicy : byte
    {
        /// <summary>Deletes the oldest packets until the new one fits, counting each as overwritten.</summary>
        Circular = 0,
        /// <summary>Keeps what is stored and refuses the new packet, counting it as refused.</summary>
        StopWhenFull = 1,
    }
}
