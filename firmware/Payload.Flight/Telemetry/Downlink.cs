using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Executive;
using Payload.Flight.Hardware;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Time;

namespace Payload.Flight.Telemetry
{
    /// <summary>
    /// The downlink arbiter: packetises telemetry into one queue per priority class, and every minor frame releases
    /// COBS frames to the link transmitter, highest class first, within a byte budget derived from the link rate.
    /// While the link is down it diverts telemetry to the packet store.
    /// </summary>
    /// <remarks>
    /// <para><b>Pacing.</b> A token bucket earns the link rate (bytes/s) from the frame times; its cap is zero, because a
    /// UART that sat idle cannot send faster afterwards, so minus the tokens is the predicted backlog in the transmitter
    /// (bytes handed over but not yet on the wire). Each frame, packets are released while that backlog is below one
    /// minor frame of bytes (the overdraft): the transmitter then always holds enough to stay busy until the next frame,
    /// which is what keeps a 1 KB bulk stream above 95% of the rate although a frame earns only about 115 bytes at 115200
    /// baud. Bytes handed over up to any instant t never exceed rate × t + one minor frame of bytes + one maximum frame.</para>
    /// <para><b>Urgent packets.</b> Classes are served in strict priority (Urgent, Routine, Bulk), and a bulk packet is
    /// released only once the bulk packet released before it is predicted to have started on the wire. So at no instant
    /// does the transmitter hold more than one bulk packet that has not started, and an urgent packet submitted at any
    /// instant is transmitted after at most one bulk packet that had not begun transmission when it was submitted (plus
    /// the remainder of the one being transmitted then, which no one can interrupt). The bulk bytes ahead of it never
    /// exceed one frame of bytes plus one maximum packet, so at 115200 baud an urgent packet has left the wire within
    /// about 100 ms of its submission, plus whatever urgent and routine traffic was ahead of it.
    /// The prediction rounds down, so it holds whenever the link drains at least as fast as the configured rate; configure
    /// the rate at or below the true line rate. The Downlink benchmark counts, for each urgent packet, the bulk frames
    /// whose transmission started after its submission and before its own.</para>
    /// <para><b>Link down.</b> Nothing is transmitted. A packet whose class is in the parameter tm.store_when_down_mask
    /// (bit n = <see cref="TelemetryClass"/> n; default all) goes to the packet store instead of its queue while the store
    /// is enabled; otherwise it is queued and waits for the link (dropped and counted when its queue is full). Packets
    /// already queued stay queued. A packet whose class is in tm.store_always_mask (default Urgent), or whose service type
    /// was named in <see cref="StoreServiceAlways"/> (ST[13] large-transfer parts, which the ground may need again), is also
    /// stored while the link is up. Packets queued by <see cref="TryQueuePacket"/> (store replays) are never stored again.</para>
    /// <para>Not thread-safe: the board must not run <see cref="Send"/> and <see cref="Run"/> concurrently.</para>
    /// </remarks>
    public sealed class Downlink : ITelemetrySink, IDownlinkQueue, IRateGroupMember
    {
        /// <summary>Number of priority classes.</summary>
        public const int ClassCount = 3;

        /// <summary>Message types the packetiser counts separately (more share one counter).</summary>
        public const int MessageTypeCapacity = 64;

        /// <summary>Octets handed to the link since boot.</summary>
        public const ushort BytesSentParameter = 300;
        /// <summary>Packets sent in class n are counted by parameter 301 + n.</summary>
        public const ushort SentParameterBase = 301;
        /// <summary>Packets dropped in class n (queue full, or too long to encode) are counted by parameter 304 + n.</summary>
        public const ushort DroppedParameterBase = 304;
        /// <summary>Packets waiting in class n: parameter 307 + n.</summary>
        public const ushort DepthParameterBase = 307;
        /// <summary>Link use over the last second, in per-mille of the configured rate.</summary>
        public const ushort UtilisationParameter = 310;
        /// <summary>1 while the link is up.</summary>
        public const ushort LinkUpParameter = 311;
        /// <summary>Settable: classes diverted to the packet store while the link is down (bit n = class n).</summary>
        public const ushort StoreWhenDownMaskParameter = 312;
        /// <summary>Settable: classes also stored while the link is up (bit n = class n).</summary>
        public const ushort StoreAlwaysMaskParameter = 313;
        /// <summary>Packets diverted to the packet store because the link was down.</summary>
        public const ushort DivertedParameter = 314;

        /// <summary>All three classes, the default of tm.store_when_down_mask.</summary>
        public const byte AllClasses = 0x07;
        /// <summary>Urgent only, the default of tm.store_always_mask.</summary>
        public const byte UrgentOnly = 1 << (int)TelemetryClass.Urgent;

        private const long MicrosecondsPerSecond = 1000000;
        private const int BulkIndex = (int)TelemetryClass.Bulk;

        private readonly TelemetryPacketizer _packetizer;
        private readonly ILinkTransmitter _link;
        private readonly TokenBucket _bucket;
        private readonly PacketQueue[] _queues;
        private readonly PacketStore _store;
        private readonly ParameterTable _parameters;
        private readonly byte[] _packet = new byte[PacketLimits.MaxPacketLength];
        private readonly byte[] _frame = new byte[PacketLimits.MaxFrameLength];
        private readonly long[] _sent = new long[ClassCount];
        private readonly long[] _dropped = new long[ClassCount];
        private readonly int[] _sentIndex = new int[ClassCount];
        private readonly int[] _droppedIndex = new int[ClassCount];
        private readonly int[] _depthIndex = new int[ClassCount];
        private readonly bool[] _storeAlwaysServices = new bool[256];
        private readonly int _bytesSentIndex;
        private readonly int _utilisationIndex;
        private readonly int _linkUpIndex;
        private readonly int _whenDownMaskIndex;
        private readonly int _alwaysMaskIndex;
        private readonly int _divertedIndex;
        private long _handed;
        private long _lastBulkStart = -1;
        private long _diverted;
        private bool _linkUp = true;
        private bool _windowStarted;
        private long _windowStartMicroseconds;
        private long _windowStartDrained;

        /// <summary>Creates the arbiter with its queues (slots per class) and budget; <paramref name="store"/> may be null when there is no packet store.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The rate or the frame period is not positive, or a capacity is below 1.</exception>
        /// <exception cref="ArgumentException">The dictionary behind <paramref name="parameters"/> lacks the downlink's parameters (<see cref="Declare"/>).</exception>
        public Downlink(ushort apid, ushort destinationId, OnboardTime time, ILinkTransmitter link, int linkBytesPerSecond, long minorFrameMicroseconds,
            int urgentCapacity, int routineCapacity, int bulkCapacity, ParameterTable parameters, PacketStore store)
        {
            if (minorFrameMicroseconds <= 0) throw new ArgumentOutOfRangeException(nameof(minorFrameMicroseconds));
            if (linkBytesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(linkBytesPerSecond));
            _packetizer = new TelemetryPacketizer(apid, destinationId, time, MessageTypeCapacity);
            _link = link;
            // One minor frame of bytes, rounded up, keeps the transmitter busy until the next frame.
            long frameBytes = ((linkBytesPerSecond * minorFrameMicroseconds) + MicrosecondsPerSecond - 1) / MicrosecondsPerSecond;
            _bucket = new TokenBucket(linkBytesPerSecond, 0, frameBytes);
            _queues = new PacketQueue[ClassCount];
            _queues[(int)TelemetryClass.Urgent] = new PacketQueue(urgentCapacity, PacketLimits.MaxPacketLength);
            _queues[(int)TelemetryClass.Routine] = new PacketQueue(routineCapacity, PacketLimits.MaxPacketLength);
            _queues[BulkIndex] = new PacketQueue(bulkCapacity, PacketLimits.MaxPacketLength);
            _store = store;
            _parameters = parameters;
            for (int c = 0; c < ClassCount; c++)
            {
                _sentIndex[c] = IndexOf(parameters, (ushort)(SentParameterBase + c));
                _droppedIndex[c] = IndexOf(parameters, (ushort)(DroppedParameterBase + c));
                _depthIndex[c] = IndexOf(parameters, (ushort)(DepthParameterBase + c));
            }
            _bytesSentIndex = IndexOf(parameters, BytesSentParameter);
            _utilisationIndex = IndexOf(parameters, UtilisationParameter);
            _linkUpIndex = IndexOf(parameters, LinkUpParameter);
            _whenDownMaskIndex = IndexOf(parameters, StoreWhenDownMaskParameter);
            _alwaysMaskIndex = IndexOf(parameters, StoreAlwaysMaskParameter);
            _divertedIndex = IndexOf(parameters, DivertedParameter);
            parameters.SetAt(_linkUpIndex, 1);
        }

        /// <summary>Adds the downlink's parameters.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            string[] names = new string[] { "urgent", "routine", "bulk" };
            dictionary.Add(new ParameterDefinition(BytesSentParameter, "tm.bytes_sent", DataType.UInt32, "octets", "Octets handed to the link since boot"));
            for (int c = 0; c < ClassCount; c++)
            {
                dictionary.Add(new ParameterDefinition((ushort)(SentParameterBase + c), "tm." + names[c] + ".sent", DataType.UInt32, "",
                    "Packets of the " + names[c] + " class handed to the link since boot"));
                var dropped = new ParameterDefinition((ushort)(DroppedParameterBase + c), "tm." + names[c] + ".dropped", DataType.UInt32, "",
                    "Packets of the " + names[c] + " class dropped because its queue was full");
                if (c != BulkIndex)
                {
                    // Bulk producers may overrun by design; a lost verification report or housekeeping packet may not.
                    dropped.HighLimit = 0;
                }
                dictionary.Add(dropped);
                dictionary.Add(new ParameterDefinition((ushort)(DepthParameterBase + c), "tm." + names[c] + ".depth", DataType.UInt16, "",
                    "Packets of the " + names[c] + " class waiting for the link"));
            }
            dictionary.Add(new ParameterDefinition(UtilisationParameter, "tm.utilisation", DataType.UInt16, "permille",
                "Link use over the last second, per mille of the configured rate"));
            dictionary.Add(new ParameterDefinition(LinkUpParameter, "tm.link_up", DataType.Boolean, "", "1 while the link to the spacecraft is up"));
            dictionary.Add(MaskParameter(StoreWhenDownMaskParameter, "tm.store_when_down_mask", AllClasses,
                "Classes diverted to the packet store while the link is down (bit 0 urgent, 1 routine, 2 bulk)"));
            dictionary.Add(MaskParameter(StoreAlwaysMaskParameter, "tm.store_always_mask", UrgentOnly,
                "Classes also stored while the link is up (bit 0 urgent, 1 routine, 2 bulk)"));
            dictionary.Add(new ParameterDefinition(DivertedParameter, "tm.diverted", DataType.UInt32, "",
                "Packets sent to the packet store instead of the link because the link was down"));
        }

        /// <summary>True while the link is up.</summary>
        public bool LinkUp { get { return _linkUp; } }

        /// <summary>Octets handed to the link since boot.</summary>
        public long BytesSent { get { return _handed; } }

        /// <summary>Packets diverted to the store while the link was down.</summary>
        public long Diverted { get { return _diverted; } }

        /// <summary>Sequence count the next packet will carry.</summary>
        public ushort NextSequenceCount { get { return _packetizer.NextSequenceCount; } }

        /// <summary>The board or FDIR reports the link state; while down nothing is transmitted.</summary>
        public void SetLinkUp(bool up)
        {
            _linkUp = up;
            _parameters.SetAt(_linkUpIndex, up ? 1 : 0);
        }

        /// <summary>Packets of PUS service type <paramref name="service"/> are also stored while the link is up, whatever their class; a boot-time rule.</summary>
        public void StoreServiceAlways(byte service)
        {
            _storeAlwaysServices[service] = true;
        }

        /// <summary>Packets handed to the link in a class since boot.</summary>
        public long Sent(TelemetryClass priority)
        {
            return _sent[(int)priority];
        }

        /// <summary>Packets dropped in a class since boot.</summary>
        public long Dropped(TelemetryClass priority)
        {
            return _dropped[(int)priority];
        }

        /// <summary>Packets waiting in a class.</summary>
        public int Depth(TelemetryClass priority)
        {
            return _queues[(int)priority].Count;
        }

        /// <summary>Free slots in a class's queue, so a producer of bulk data can pace itself instead of being dropped.</summary>
        public int FreeSlots(TelemetryClass priority)
        {
            return _queues[(int)priority].FreeSlots;
        }

        /// <summary>Packetises and queues (or, link down, stores) a TM packet; false when it was dropped or the store refused it.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="priority"/> is not a class.</exception>
        public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count)
        {
            int c = (int)priority;
            if (c < 0 || c >= ClassCount) throw new ArgumentOutOfRangeException(nameof(priority));
            int length = _packetizer.Encode(service, subtype, applicationData, offset, count, _packet, 0);
            if (length == 0)
            {
                _dropped[c]++;
                return false;
            }

            int bit = 1 << c;
            bool storing = _store != null && _store.Enabled;
            if (!_linkUp && storing && (_parameters.ValueAt(_whenDownMaskIndex) & bit) != 0)
            {
                _diverted++;
                _parameters.SetAt(_divertedIndex, _diverted);
                return _store.Append(_packet, 0, length);
            }

            if (storing && ((_parameters.ValueAt(_alwaysMaskIndex) & bit) != 0 || _storeAlwaysServices[service]))
            {
                _store.Append(_packet, 0, length);
            }

            if (_queues[c].TryEnqueue(_packet, 0, length))
            {
                return true;
            }

            _dropped[c]++;
            return false;
        }

        /// <summary>Queues an already built packet unchanged (a store replay); false when the class's queue is full.</summary>
        public bool TryQueuePacket(TelemetryClass priority, byte[] packet, int offset, int count)
        {
            return _queues[(int)priority].TryEnqueue(packet, offset, count);
        }

        /// <summary>One minor frame: earns the budget and releases frames while it allows.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            _bucket.Refill(nowMicroseconds);
            if (_linkUp)
            {
                while (_bucket.MayRelease)
                {
                    int c = HighestWaitingClass();
                    if (c < 0 || (c == BulkIndex && _lastBulkStart > Drained))
                    {
                        break;
                    }

                    Release(c);
                }
            }

            Publish(nowMicroseconds);
        }

        // Bytes predicted to be on the wire: the bucket's cap is zero, so minus its tokens is the backlog.
        private long Drained { get { return _handed + _bucket.Tokens; } }

        private int HighestWaitingClass()
        {
            for (int c = 0; c < ClassCount; c++)
            {
                if (_queues[c].Count > 0) return c;
            }
            return -1;
        }

        private void Release(int c)
        {
            PacketQueue queue = _queues[c];
            int length = Cobs.EncodeFrame(queue.Buffer, queue.HeadOffset, queue.HeadLength, _frame, 0);
            queue.RemoveHead();
            if (c == BulkIndex)
            {
                _lastBulkStart = _handed;
            }

            _link.Transmit(_frame, 0, length);
            _bucket.Spend(length);
            _handed += length;
            _sent[c]++;
        }

        private void Publish(long nowMicroseconds)
        {
            for (int c = 0; c < ClassCount; c++)
            {
                _parameters.SetAt(_sentIndex[c], _sent[c]);
                _parameters.SetAt(_droppedIndex[c], _dropped[c]);
                _parameters.SetAt(_depthIndex[c], _queues[c].Count);
            }
            _parameters.SetAt(_bytesSentIndex, _handed);

            if (!_windowStarted)
            {
                _windowStarted = true;
                _windowStartMicroseconds = nowMicroseconds;
                _windowStartDrained = Drained;
                return;
            }

            long elapsed = nowMicroseconds - _windowStartMicroseconds;
            if (elapsed >= MicrosecondsPerSecond)
            {
                long drained = Drained;
                long perMille = (drained - _windowStartDrained) * 1000 * MicrosecondsPerSecond / (_bucket.BytesPerSecond * elapsed);
                _parameters.SetAt(_utilisationIndex, perMille);
                _windowStartMicroseconds = nowMicroseconds;
                _windowStartDrained = drained;
            }
        }

        private static ParameterDefinition MaskParameter(ushort id, string name, byte defaultValue, string description)
        {
            var mask = new ParameterDefinition(id, name, DataType.UInt8, "", description);
            mask.Settable = true;
            mask.Persisted = true;
            mask.DefaultValue = defaultValue;
            mask.Minimum = 0;
            mask.Maximum = AllClasses;
            return mask;
        }

        private static int IndexOf(ParameterTable parameters, ushort id)
        {
            int index = parameters.IndexOf(id);
            if (index < 0) throw new ArgumentException("parameter " + id.ToString() + " is not declared");
            return index;
        }
    }
}
