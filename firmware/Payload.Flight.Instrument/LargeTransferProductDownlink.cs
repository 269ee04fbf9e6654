using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.LargeTransfer;

namespace Payload.Flight.Instrument
{
    /// <summary>Sends the instrument's products, raw records and snapshots as ST[13] large messages.</summary>
    public sealed class LargeTransferProductDownlink : IProductDownlink
    {
        private readonly LargePacketSender _sender;

        /// <summary>Adapts <paramref name="sender"/>.</summary>
        public LargeTransferProductDownlink(LargePacketSender sender)
        {
            _sender = sender;
        }

        /// <summary>True while a message or a resend is on its way (one at a time).</summary>
        public bool IsBusy { get { return _sender.IsActive || _sender.IsResending; } }

        /// <summary>Starts a transfer; false when busy or the message does not fit.</summary>
        public bool TryStart(ushort transactionId, byte[] source, int offset, int length)
        {
            return _sender.TryStart(transactionId, source, offset, length) == TransferStatus.Started;
        }
    }
}
