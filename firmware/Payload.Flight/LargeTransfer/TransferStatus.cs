namespace Payload.Flight.LargeTransfer
{
    /// <summary>The answer of <see cref="LargePacketSender"/> to a request to start a transfer or a resend.</summary>
    public enum TransferStatus : byte
    {
        /// <summary>Accepted: the parts go down from the next run of the sender.</summary>
        Started = 0,
        /// <summary>A transfer or a resend is under way; try again in a later frame.</summary>
        Busy = 1,
        /// <summary>The message is longer than the sender's buffer.</summary>
        TooLong = 2,
        /// <summary>The source range does not lie in the source array, or the resend range is empty or not yet sent.</summary>
        InvalidRange = 3,
        /// <summary>No message with this transaction identifier is held.</summary>
        UnknownTransaction = 4,
    }
}
