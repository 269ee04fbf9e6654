namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Where the instrument hands its messages (pass products, raw pulse records, snapshots) for ST[13] large packet transfer.</summary>
    /// <remarks>
    /// One transfer at a time. The downlink copies the message at <see cref="TryStart"/>, so the caller reuses its buffer
    /// at once. A false return while <see cref="IsBusy"/> is still true means "try again in a later frame"; a false
    /// return while it is not busy means the message was refused for good (too long, bad range) and is dropped.
    /// The composition adapts the flight core's LargePacketSender (TransferStatus.Started is true; IsActive or
    /// IsResending is busy).
    /// </remarks>
    public interface IProductDownlink
    {
        /// <summary>Copies <paramref name="length"/> octets of <paramref name="source"/> from <paramref name="offset"/> and starts their transfer as <paramref name="transactionId"/>; false when not started.</summary>
        bool TryStart(ushort transactionId, byte[] source, int offset, int length);

        /// <summary>True while a transfer is under way and no other can start.</summary>
        bool IsBusy { get; }
    }
}
