using System;
using Payload.Flight.Events;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Hands the instrument's messages to the product downlink, one at a time: pass products first, then a snapshot, then raw chunks.</summary>
    /// <remarks>
    /// Each message is built once in its own pre-allocated buffer and offered every frame until the downlink takes it
    /// (the downlink copies it). A message the downlink refuses for good (not busy, yet not started) is dropped,
    /// counted in <see cref="Refused"/> and reported by ACQ_DOWNLINK_REFUSED, so a misconfigured sender can never hold
    /// a pass in ProductReady. Transaction identifiers count from 1 and skip 0.
    /// </remarks>
    public sealed class ProductDelivery
    {
        // Outcomes of offering a message to the downlink.
        private const int Waiting = 0;
        private const int Started = 1;
        private const int RefusedForGood = 2;

        private readonly IProductDownlink _downlink;
        private readonly IEventSink _events;
        private readonly RawRecordStream _raw;
        private readonly byte[] _products = new byte[AcquisitionMessage.ProductsLength];
        private readonly byte[] _snapshot = new byte[AcquisitionMessage.SnapshotMaxLength];
        private readonly byte[] _chunk;
        private int _nextTransaction = 1;

        private bool _productsPending;
        private ushort _productsTransaction;
        private long _productsPulses;
        private long _productsPeakMilliseconds;

        private bool _snapshotPending;
        private bool _snapshotAccepted;
        private int _snapshotLength;
        private ushort _snapshotTransaction;
        private long _snapshotCapture;
        private long _snapshotToaMilliseconds;

        private bool _chunkPending;
        private int _chunkLength;
        private ushort _chunkTransaction;

        private ushort _lastTransaction;
        private long _refused;
        private long _chunksSent;

        /// <summary>Creates the delivery of <paramref name="raw"/>'s chunks and of the products and snapshots queued here.</summary>
        public ProductDelivery(IProductDownlink downlink, IEventSink events, RawRecordStream raw)
        {
            if (downlink == null)
            {
                throw new ArgumentNullException(nameof(downlink));
            }

            _downlink = downlink;
            _events = events;
            _raw = raw;
            _chunk = new byte[raw.MaxChunkLength];
        }

        /// <summary>True while a products message waits for the downlink.</summary>
        public bool ProductsPending { get { return _productsPending; } }

        /// <summary>True while a snapshot message waits for the downlink.</summary>
        public bool SnapshotPending { get { return _snapshotPending; } }

        /// <summary>True when the last snapshot queued was started by the downlink (false: refused or cancelled).</summary>
        public bool SnapshotAccepted { get { return _snapshotAccepted; } }

        /// <summary>True while a raw chunk taken from the stream waits for the downlink.</summary>
        public bool ChunkPending { get { return _chunkPending; } }

        /// <summary>Transaction of the last products message queued.</summary>
        public ushort ProductsTransaction { get { return _productsTransaction; } }

        /// <summary>Transaction of the last message the downlink started.</summary>
        public ushort LastTransaction { get { return _lastTransaction; } }

        /// <summary>Messages the downlink refused for good, since boot.</summary>
        public long Refused { get { return _refused; } }

        /// <summary>Raw chunks the downlink started, since boot.</summary>
        public long ChunksSent { get { return _chunksSent; } }

        /// <summary>The snapshot message buffer, for <see cref="SnapshotCapture"/> to fill before <see cref="QueueSnapshot"/>.</summary>
        public byte[] SnapshotBuffer { get { return _snapshot; } }

        /// <summary>Encodes the products of pass <paramref name="passNumber"/> with the acquisition trailer and queues them; returns their transaction.</summary>
        public ushort QueueProducts(int passNumber, PassProducts products, PassEndReason reason, ExpectedRadar radar, int decimation,
            long recordsLost, long rawDropped)
        {
            int trailer = AcquisitionMessage.ProductsTrailerOffset;
            AcquisitionMessage.WriteHeader(_products, 0, AcquisitionMessage.ProductsKind, passNumber);
            products.Encode(_products, AcquisitionMessage.ProductsOffset);
            _products[trailer] = (byte)reason;
            _products[trailer + 1] = (byte)radar;
            BigEndian.WriteUInt16(_products, trailer + 2, decimation);
            BigEndian.WriteUInt32(_products, trailer + 4, AcquisitionMessage.ClampU32(recordsLost));
            BigEndian.WriteUInt32(_products, trailer + 8, AcquisitionMessage.ClampU32(rawDropped));
            _productsTransaction = NextTransaction();
            _productsPulses = products.PulseCount;
            _productsPeakMilliseconds = products.PeakToa / AcquisitionController.TicksPerMillisecond;
            _productsPending = true;
            return _productsTransaction;
        }

        /// <summary>Queues the snapshot message of <paramref name="length"/> octets written in <see cref="SnapshotBuffer"/>; returns its transaction.</summary>
        public ushort QueueSnapshot(int length, int captureNumber, long toaTicks)
        {
            _snapshotLength = length;
            _snapshotCapture = captureNumber;
            _snapshotToaMilliseconds = toaTicks / AcquisitionController.TicksPerMillisecond;
            _snapshotTransaction = NextTransaction();
            _snapshotAccepted = false;
            _snapshotPending = true;
            return _snapshotTransaction;
        }

        /// <summary>Drops the products waiting for the downlink, if any.</summary>
        public void CancelProducts()
        {
            _productsPending = false;
        }

        /// <summary>Drops the snapshot waiting for the downlink, if any.</summary>
        public void CancelSnapshot()
        {
            _snapshotPending = false;
            _snapshotAccepted = false;
        }

        /// <summary>Drops the raw chunk waiting for the downlink, if any (the stream is cancelled separately).</summary>
        public void CancelChunk()
        {
            _chunkPending = false;
        }

        /// <summary>One frame: offers the most urgent waiting message to the downlink (at most one start per frame).</summary>
        public void Run()
        {
            if (_downlink.IsBusy)
            {
                return;
            }

            int outcome;
            if (_productsPending)
            {
                outcome = Offer(AcquisitionMessage.ProductsKind, _productsTransaction, _products, AcquisitionMessage.ProductsLength);
                if (outcome != Waiting)
                {
                    _productsPending = false;
                    if (outcome == Started)
                    {
                        _events.Raise(AcquisitionDictionary.ProductsReadyEvent, _productsTransaction, _productsPulses, _productsPeakMilliseconds);
                    }
                }

                return;
            }

            if (_snapshotPending)
            {
                outcome = Offer(AcquisitionMessage.SnapshotKind, _snapshotTransaction, _snapshot, _snapshotLength);
                if (outcome != Waiting)
                {
                    _snapshotPending = false;
                    _snapshotAccepted = outcome == Started;
                    if (_snapshotAccepted)
                    {
                        _events.Raise(AcquisitionDictionary.SnapshotCapturedEvent, _snapshotTransaction, _snapshotCapture, _snapshotToaMilliseconds);
                    }
                }

                return;
            }

            if (!_chunkPending)
            {
                _chunkLength = _raw.TryTakeChunk(_chunk, 0);
                if (_chunkLength == 0)
                {
                    return;
                }

                _chunkPending = true;
                _chunkTransaction = NextTransaction();
            }

            outcome = Offer(AcquisitionMessage.RawRecordsKind, _chunkTransaction, _chunk, _chunkLength);
            if (outcome != Waiting)
            {
                _chunkPending = false;
                if (outcome == Started)
                {
                    _chunksSent++;
                }
            }
        }

        private int Offer(byte kind, ushort transaction, byte[] message, int length)
        {
            if (_downlink.TryStart(transaction, message, 0, length))
            {
                _lastTransaction = transaction;
                return Started;
            }

            if (_downlink.IsBusy)
            {
                return Waiting;
            }

            _refused++;
            _events.Raise(AcquisitionDictionary.DownlinkRefusedEvent, kind, transaction, length);
            return RefusedForGood;
        }

        private ushort NextTransaction()
        {
            ushort id = (ushort)_nextTransaction;
            _nextTransaction = _nextTransaction == 0xFFFF ? 1 : _nextTransaction + 1;
            return id;
        }
    }
}
