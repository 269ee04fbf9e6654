using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;

namespace Payload.Flight.LargeTransfer
{
    /// <summary>
    /// PUS ST[13] large packet transfer, downlink direction: splits a message longer than one packet (a pass product,
    /// raw pulse records, a snapshot) into TM[13,1] first, TM[13,2] intermediate and TM[13,3] last parts, and queues
    /// them in the Bulk class as fast as it has room, so the downlink paces them behind urgent and routine telemetry.
    /// </summary>
    /// <remarks>
    /// <para><b>Copy.</b> <see cref="TryStart"/> copies the message into a buffer allocated at boot (its capacity is a
    /// constructor argument), so the producer may reuse its own buffer at once, and the message stays here for
    /// <see cref="TryResend"/> after the transfer completes, until the next transfer starts or the ground aborts it.</para>
    /// <para><b>Parts.</b> Application data of each part: large message transaction identifier (u16), part sequence
    /// number (u16, from 1), part data. Part k carries octets (k−1)·partSize up to k·partSize of the message. Every
    /// transfer has at least two parts, because PUS-C defines a large message by its first and last parts: a message of
    /// partSize octets or fewer (empty included) goes as one TM[13,1] with all its data followed by an empty TM[13,3],
    /// so the ground needs no special case. Parts per message: max(2, ⌈length / partSize⌉).</para>
    /// <para><b>Pacing.</b> Each <see cref="Run"/> queues parts while the Bulk class has a free slot, at most
    /// partsPerFrame of them, resent parts first. A part is sent only when its slot is free, so the downlink refuses one
    /// only when it diverts it to a store that refuses it (link down, STOP_WHEN_FULL); that part is tried again next
    /// frame with the same part number: no part is ever skipped. Run it every minor frame, after the command dispatcher
    /// (a resend or abort takes effect in the same frame) and before the downlink (parts go out in the frame they are
    /// queued).</para>
    /// <para><b>Packet store.</b> The constructor has the downlink store every ST[13] packet
    /// (<see cref="Downlink.StoreServiceAlways"/>), so while the store is enabled each part, and each resent part, is kept
    /// in the ST[15] store until deleted or overwritten. While the link is down, parts follow the downlink's rules: with
    /// Bulk in tm.store_when_down_mask (the default) they go only to the store, partsPerFrame per frame, and the transfer
    /// completes with nothing on the wire (the ground replays them); with that bit clear they wait in the Bulk queue for
    /// the link.</para>
    /// <para><b>Recovering a part.</b> While the message is held, TC[13,129] LARGE_TRANSFER_RESEND sends parts again from
    /// the copy. Afterwards, TC[15,128] STORE_DOWNLINK_SEQ: a missing part's packet sequence count lies strictly between
    /// those of the nearest parts received before and after it; replay that range and keep the ST[13] packets with the
    /// transaction identifier.</para>
    /// <para><b>Completion.</b> A transfer is completed (event LARGE_TRANSFER_COMPLETED) when its last part is queued,
    /// not when it is on the wire. One transfer at a time and one resend at a time; no transfer starts while a resend
    /// runs, because the resend reads the buffer. PUS-C has no downlink abort report (PUS-A's TM[13,4] is gone), so an
    /// abort is reported by the event LARGE_TRANSFER_ABORTED.</para>
    /// <para>Not thread-safe: call <see cref="TryStart"/> and <see cref="Abort"/> from the executive's thread.</para>
    /// </remarks>
    public sealed class LargePacketSender : IRateGroupMember
    {
        /// <summary>PUS service type of large packet transfer.</summary>
        public const byte Service = 13;
        /// <summary>TM[13,1] first downlink part report.</summary>
        public const byte FirstPartSubtype = 1;
        /// <summary>TM[13,2] intermediate downlink part report.</summary>
        public const byte IntermediatePartSubtype = 2;
        /// <summary>TM[13,3] last downlink part report.</summary>
        public const byte LastPartSubtype = 3;
        /// <summary>TC[13,128] LARGE_TRANSFER_ABORT (mission-specific).</summary>
        public const byte AbortSubtype = 128;
        /// <summary>TC[13,129] LARGE_TRANSFER_RESEND (mission-specific).</summary>
        public const byte ResendSubtype = 129;

        /// <summary>Octets before the part data: transaction identifier (u16) and part sequence number (u16).</summary>
        public const int HeaderLength = 4;
        /// <summary>Largest part that fits a TM packet of <see cref="PacketLimits.MaxPacketLength"/> octets.</summary>
        public const int MaxPartSize = PacketLimits.MaxTelemetryApplicationDataLength - HeaderLength;
        /// <summary>Default part: a 925-octet packet, 96% payload, leaving room under the 1024-octet limit.</summary>
        public const int DefaultPartSize = 896;
        /// <summary>Most parts of one message (the part sequence number is a u16 from 1).</summary>
        public const int MaxParts = 65535;
        /// <summary>Minor frames a resend may take before the dispatcher times it out (as a store replay).</summary>
        public const int ResendTimeoutTicks = PacketStore.ReplayTimeoutTicks;

        /// <summary>Transfers started since boot.</summary>
        public const ushort StartedParameter = 650;
        /// <summary>Transfers whose last part was queued since boot.</summary>
        public const ushort CompletedParameter = 651;
        /// <summary>Transfers aborted since boot.</summary>
        public const ushort AbortedParameter = 652;
        /// <summary>Parts queued by transfers since boot (resends apart).</summary>
        public const ushort PartsSentParameter = 653;
        /// <summary>Parts queued again by resends since boot.</summary>
        public const ushort PartsResentParameter = 654;
        /// <summary>1 while a transfer is under way.</summary>
        public const ushort ActiveParameter = 655;
        /// <summary>Transaction identifier of the transfer under way, or of the last one started.</summary>
        public const ushort ActiveIdParameter = 656;
        /// <summary>Octets of the transfer under way not yet queued.</summary>
        public const ushort OctetsPendingParameter = 657;

        /// <summary>A transfer started.</summary>
        public const ushort StartedEvent = 650;
        /// <summary>A transfer's last part was queued.</summary>
        public const ushort CompletedEvent = 651;
        /// <summary>A transfer was aborted before its last part was queued.</summary>
        public const ushort AbortedEvent = 652;

        private readonly Downlink _downlink;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly byte[] _message;
        private readonly byte[] _part;
        private readonly int _partSize;
        private readonly int _partsPerFrame;
        private readonly int _startedIndex;
        private readonly int _completedIndex;
        private readonly int _abortedIndex;
        private readonly int _partsSentIndex;
        private readonly int _partsResentIndex;
        private readonly int _activeIndex;
        private readonly int _activeIdIndex;
        private readonly int _octetsPendingIndex;
        private bool _held;
        private ushort _id;
        private int _length;
        private int _parts;
        private bool _active;
        private int _nextPart = 1;
        private bool _resending;
        private int _resendNext;
        private int _resendLast;
        private long _started;
        private long _completed;
        private long _aborted;
        private long _partsSent;
        private long _partsResent;

        /// <summary>
        /// Creates an idle sender of messages up to <paramref name="capacity"/> octets in parts of <paramref name="partSize"/>
        /// octets, queueing at most <paramref name="partsPerFrame"/> parts per run, and has the downlink store every ST[13] packet.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The part size is not 1..<see cref="MaxPartSize"/>, the capacity is negative or needs more than <see cref="MaxParts"/> parts, or partsPerFrame is below 1.</exception>
        /// <exception cref="ArgumentException">The dictionary behind <paramref name="parameters"/> lacks the sender's parameters (<see cref="Declare"/>).</exception>
        public LargePacketSender(Downlink downlink, IEventSink events, ParameterTable parameters, int capacity, int partSize, int partsPerFrame)
        {
            if (partSize < 1 || partSize > MaxPartSize) throw new ArgumentOutOfRangeException(nameof(partSize));
            if (capacity < 0 || PartsFor(capacity, partSize) > MaxParts) throw new ArgumentOutOfRangeException(nameof(capacity));
            if (partsPerFrame < 1) throw new ArgumentOutOfRangeException(nameof(partsPerFrame));
            _downlink = downlink;
            _events = events;
            _parameters = parameters;
            _message = new byte[capacity];
            _part = new byte[HeaderLength + partSize];
            _partSize = partSize;
            _partsPerFrame = partsPerFrame;
            _startedIndex = IndexOf(parameters, StartedParameter);
            _completedIndex = IndexOf(parameters, CompletedParameter);
            _abortedIndex = IndexOf(parameters, AbortedParameter);
            _partsSentIndex = IndexOf(parameters, PartsSentParameter);
            _partsResentIndex = IndexOf(parameters, PartsResentParameter);
            _activeIndex = IndexOf(parameters, ActiveParameter);
            _activeIdIndex = IndexOf(parameters, ActiveIdParameter);
            _octetsPendingIndex = IndexOf(parameters, OctetsPendingParameter);
            downlink.StoreServiceAlways(Service);
        }

        /// <summary>Adds the ST[13] commands, the sender's parameters and its events.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new CommandDefinition("LARGE_TRANSFER_ABORT", Service, AbortSubtype,
                "Stops the large transfer, or the resend, of a transaction and releases its message; parts already queued still go down",
                new ArgumentDefinition[] { TransactionArgument() }, ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("LARGE_TRANSFER_RESEND", Service, ResendSubtype,
                "Sends parts first_part to last_part of the held message again, ahead of the transfer under way; completes when the last is queued",
                new ArgumentDefinition[] {
                    TransactionArgument(),
                    new ArgumentDefinition("first_part", DataType.UInt16, "", 1, MaxParts, "First part sequence number to send again"),
                    new ArgumentDefinition("last_part", DataType.UInt16, "", 1, MaxParts, "Last part sequence number to send again, not before first_part") },
                ModeMask.Any, ResendTimeoutTicks));

            dictionary.Add(new ParameterDefinition(StartedParameter, "lt.started", DataType.UInt32, "", "Large transfers started since boot"));
            dictionary.Add(new ParameterDefinition(CompletedParameter, "lt.completed", DataType.UInt32, "", "Large transfers whose last part was queued since boot"));
            dictionary.Add(new ParameterDefinition(AbortedParameter, "lt.aborted", DataType.UInt32, "", "Large transfers aborted since boot"));
            dictionary.Add(new ParameterDefinition(PartsSentParameter, "lt.parts_sent", DataType.UInt32, "", "ST[13] parts queued by transfers since boot"));
            dictionary.Add(new ParameterDefinition(PartsResentParameter, "lt.parts_resent", DataType.UInt32, "", "ST[13] parts queued again by resends since boot"));
            dictionary.Add(new ParameterDefinition(ActiveParameter, "lt.active", DataType.Boolean, "", "1 while a large transfer is under way"));
            dictionary.Add(new ParameterDefinition(ActiveIdParameter, "lt.active_id", DataType.UInt16, "",
                "Transaction identifier of the large transfer under way, or of the last one started"));
            dictionary.Add(new ParameterDefinition(OctetsPendingParameter, "lt.octets_pending", DataType.UInt32, "octets",
                "Octets of the large transfer under way not yet queued"));

            dictionary.Add(new EventDefinition(StartedEvent, "LARGE_TRANSFER_STARTED", Severity.Informative, "A large transfer started",
                new ArgumentDefinition[] {
                    TransactionArgument(),
                    new ArgumentDefinition("length", DataType.UInt32, "octets", "Octets of the message"),
                    new ArgumentDefinition("parts", DataType.UInt16, "", "Parts it goes down in") }));
            dictionary.Add(new EventDefinition(CompletedEvent, "LARGE_TRANSFER_COMPLETED", Severity.Informative,
                "The last part of a large transfer was queued for downlink",
                new ArgumentDefinition[] { TransactionArgument(), new ArgumentDefinition("parts", DataType.UInt16, "", "Parts sent") }));
            dictionary.Add(new EventDefinition(AbortedEvent, "LARGE_TRANSFER_ABORTED", Severity.Low,
                "A large transfer was aborted before its last part was queued",
                new ArgumentDefinition[] {
                    TransactionArgument(),
                    new ArgumentDefinition("parts_queued", DataType.UInt16, "", "Parts queued before the abort"),
                    new ArgumentDefinition("parts", DataType.UInt16, "", "Parts of the whole message") }));
        }

        /// <summary>Parts a message of <paramref name="length"/> octets goes down in: max(2, ⌈length / partSize⌉).</summary>
        public static int PartsFor(int length, int partSize)
        {
            int parts = (int)(((long)length + partSize - 1) / partSize);
            return parts < 2 ? 2 : parts;
        }

        /// <summary>Octets of message data per part.</summary>
        public int PartSize { get { return _partSize; } }

        /// <summary>Longest message the sender takes.</summary>
        public int Capacity { get { return _message.Length; } }

        /// <summary>True while a transfer is under way (its last part not yet queued).</summary>
        public bool IsActive { get { return _active; } }

        /// <summary>True while a resend is under way.</summary>
        public bool IsResending { get { return _resending; } }

        /// <summary>True while a message is held for resends: from its start until the next start or an abort.</summary>
        public bool IsHolding { get { return _held; } }

        /// <summary>True when the last resend stopped because of an abort rather than because its last part was queued.</summary>
        public bool ResendCancelled { get; private set; }

        /// <summary>Transaction identifier of the message held (meaningful while <see cref="IsHolding"/>).</summary>
        public ushort TransactionId { get { return _id; } }

        /// <summary>Parts of the message held.</summary>
        public int PartCount { get { return _parts; } }

        /// <summary>Parts of the message held queued so far.</summary>
        public int PartsQueued { get { return _nextPart - 1; } }

        /// <summary>Octets of the transfer under way not yet queued.</summary>
        public int OctetsPending
        {
            get
            {
                if (!_active) return 0;
                int queued = (_nextPart - 1) * _partSize;
                return queued >= _length ? 0 : _length - queued;
            }
        }

        /// <summary>
        /// Copies <paramref name="length"/> octets of <paramref name="source"/> from <paramref name="offset"/> and starts
        /// their transfer as transaction <paramref name="transactionId"/>; the source may be reused as soon as this returns.
        /// </summary>
        public TransferStatus TryStart(ushort transactionId, byte[] source, int offset, int length)
        {
            if (_active || _resending) return TransferStatus.Busy;
            if (source == null || offset < 0 || length < 0 || offset > source.Length - length) return TransferStatus.InvalidRange;
            if (length > _message.Length) return TransferStatus.TooLong;

            Array.Copy(source, offset, _message, 0, length);
            _held = true;
            _id = transactionId;
            _length = length;
            _parts = PartsFor(length, _partSize);
            _nextPart = 1;
            _active = true;
            _started++;
            _events.Raise(StartedEvent, transactionId, length, _parts);
            Publish();
            return TransferStatus.Started;
        }

        /// <summary>Queues parts <paramref name="firstPart"/> to <paramref name="lastPart"/> of the held message again, ahead of the transfer under way.</summary>
        /// <remarks>Only parts already queued can be resent; the others are coming anyway.</remarks>
        public TransferStatus TryResend(ushort transactionId, int firstPart, int lastPart)
        {
            if (!_held || transactionId != _id) return TransferStatus.UnknownTransaction;
            if (_resending) return TransferStatus.Busy;
            if (firstPart < 1 || lastPart < firstPart || lastPart > PartsQueued) return TransferStatus.InvalidRange;

            _resendNext = firstPart;
            _resendLast = lastPart;
            _resending = true;
            ResendCancelled = false;
            return TransferStatus.Started;
        }

        /// <summary>Stops the transfer and any resend of <paramref name="transactionId"/> and releases its message; false when neither was under way.</summary>
        /// <remarks>Parts already queued still go down. LARGE_TRANSFER_ABORTED is raised when the transfer itself was under way.</remarks>
        public bool Abort(ushort transactionId)
        {
            if (!_held || transactionId != _id || (!_active && !_resending)) return false;

            if (_active)
            {
                _active = false;
                _aborted++;
                _events.Raise(AbortedEvent, _id, _nextPart - 1, _parts);
            }

            if (_resending)
            {
                _resending = false;
                ResendCancelled = true;
            }

            _held = false;
            Publish();
            return true;
        }

        /// <summary>Stops the resend under way (its command timed out); the transfer, if any, goes on.</summary>
        public void CancelResend()
        {
            if (_resending)
            {
                _resending = false;
                ResendCancelled = true;
            }
        }

        /// <summary>One minor frame: queues resent parts, then the transfer's next parts, while the Bulk class has room.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            int budget = _partsPerFrame;
            while (budget > 0 && (_resending || _active) && _downlink.FreeSlots(TelemetryClass.Bulk) > 0)
            {
                if (!QueuePart(_resending ? _resendNext : _nextPart))
                {
                    break;
                }

                budget--;
                if (_resending)
                {
                    _partsResent++;
                    _resendNext++;
                    _resending = _resendNext <= _resendLast;
                }
                else
                {
                    _partsSent++;
                    _nextPart++;
                    if (_nextPart > _parts)
                    {
                        _active = false;
                        _completed++;
                        _events.Raise(CompletedEvent, _id, _parts);
                    }
                }
            }

            Publish();
        }

        private bool QueuePart(int part)
        {
            int start = (part - 1) * _partSize;
            int count = _length - start;
            if (count > _partSize) count = _partSize;
            if (count < 0) count = 0;

            byte subtype = part == 1 ? FirstPartSubtype : (part == _parts ? LastPartSubtype : IntermediatePartSubtype);
            BigEndian.WriteUInt16(_part, 0, _id);
            BigEndian.WriteUInt16(_part, 2, part);
            if (count > 0)
            {
                Array.Copy(_message, start, _part, HeaderLength, count);
            }

            return _downlink.Send(TelemetryClass.Bulk, Service, subtype, _part, 0, HeaderLength + count);
        }

        private void Publish()
        {
            _parameters.SetAt(_startedIndex, _started);
            _parameters.SetAt(_completedIndex, _completed);
            _parameters.SetAt(_abortedIndex, _aborted);
            _parameters.SetAt(_partsSentIndex, _partsSent);
            _parameters.SetAt(_partsResentIndex, _partsResent);
            _parameters.SetAt(_activeIndex, _active ? 1 : 0);
            _parameters.SetAt(_activeIdIndex, _id);
            _parameters.SetAt(_octetsPendingIndex, OctetsPending);
        }

        private static ArgumentDefinition TransactionArgument()
        {
            return new ArgumentDefinition("transaction_id", DataType.UInt16, "", "Large message transaction identifier");
        }

        private static int IndexOf(ParameterTable parameters, ushort id)
        {
            int index = parameters.IndexOf(id);
            if (index < 0) throw new ArgumentException("parameter " + id.ToString() + " is not declared");
            return index;
        }
    }
}
