using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;

namespace Payload.Flight.Storage
{
    /// <summary>
    /// The ST[15] packet store: whole TM packets, unchanged, in a byte ring allocated at boot, with an index record per
    /// packet (offset, length, sequence count, mission time) in a second ring. Packets are kept in storage order.
    /// </summary>
    /// <remarks>
    /// A packet is stored contiguously: one that does not fit before the end of the ring starts again at its beginning,
    /// so replay hands out each packet as one range. When there is no room (bytes or index records) the
    /// <see cref="Policy"/> decides: <see cref="StoreOverflowPolicy.Circular"/> deletes the oldest packets and counts
    /// them as overwritten, <see cref="StoreOverflowPolicy.StopWhenFull"/> refuses the new one and counts it as refused;
    /// a packet that could never fit, or is not a telemetry packet, is refused whatever the policy. Nothing leaves the
    /// store uncounted: stored = held + overwritten + deleted. Records are numbered from boot (a long, so it never
    /// wraps), which lets a replay notice that its next packet was overwritten meanwhile.
    /// Whether telemetry is routed here at all is the downlink's decision (<see cref="Enabled"/>, the link state and its masks).
    /// </remarks>
    public sealed class PacketStore
    {
        /// <summary>PUS service type of on-board storage and retrieval.</summary>
        public const byte Service = 15;
        /// <summary>TC[15,1] STORE_ENABLE: the storage function on.</summary>
        public const byte EnableSubtype = 1;
        /// <summary>TC[15,2] STORE_DISABLE: the storage function off.</summary>
        public const byte DisableSubtype = 2;
        /// <summary>TC[15,9] STORE_DOWNLINK_TIME: replay the packets stamped in a range of CUC seconds.</summary>
        public const byte DownlinkByTimeSubtype = 9;
        /// <summary>TC[15,11] STORE_DELETE_UNTIL: delete the oldest packets stamped before a CUC second.</summary>
        public const byte DeleteUntilSubtype = 11;
        /// <summary>TC[15,12] STORE_REPORT_SUMMARY: answered by TM[15,13].</summary>
        public const byte ReportSummarySubtype = 12;
        /// <summary>TM[15,13] packet store content summary report.</summary>
        public const byte SummaryReportSubtype = 13;
        /// <summary>TC[15,128] STORE_DOWNLINK_SEQ: replay the packets whose sequence counts are in a range.</summary>
        public const byte DownlinkBySequenceSubtype = 128;
        /// <summary>TC[15,129] STORE_SET_POLICY.</summary>
        public const byte SetPolicySubtype = 129;

        /// <summary>Packets stored since boot.</summary>
        public const ushort StoredParameter = 350;
        /// <summary>Packets deleted to make room (circular policy).</summary>
        public const ushort OverwrittenParameter = 351;
        /// <summary>Packets refused (stop-when-full policy, or never fitting).</summary>
        public const ushort RefusedParameter = 352;
        /// <summary>Octets of packets held.</summary>
        public const ushort BytesUsedParameter = 353;
        /// <summary>Packets held.</summary>
        public const ushort PacketsHeldParameter = 354;
        /// <summary>1 while the storage function is enabled.</summary>
        public const ushort EnabledParameter = 355;
        /// <summary>The overflow policy (0 CIRCULAR, 1 STOP_WHEN_FULL).</summary>
        public const ushort PolicyParameter = 356;
        /// <summary>Packets deleted by command.</summary>
        public const ushort DeletedParameter = 357;
        /// <summary>Packets queued for downlink by replays since boot.</summary>
        public const ushort ReplayedParameter = 358;

        /// <summary>Minor frames a replay may take before the dispatcher times it out: ten minutes, enough for a megabyte at 115200 baud with other traffic.</summary>
        public const int ReplayTimeoutTicks = 60000;

        private readonly ParameterTable _parameters;
        private readonly byte[] _data;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly ushort[] _sequenceCounts;
        private readonly long[] _times;
        private long _first;
        private long _next;
        private int _write;
        private long _bytesUsed;
        private bool _enabled = true;
        private StoreOverflowPolicy _policy = StoreOverflowPolicy.Circular;

        /// <summary>Creates an empty, enabled, circular store of <paramref name="capacityBytes"/> octets and <paramref name="capacityPackets"/> packets.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A capacity is below 1.</exception>
        public PacketStore(int capacityBytes, int capacityPackets, ParameterTable parameters)
        {
            if (capacityBytes < 1) throw new ArgumentOutOfRangeException(nameof(capacityBytes));
            if (capacityPackets < 1) throw new ArgumentOutOfRangeException(nameof(capacityPackets));
            _parameters = parameters;
            _data = new byte[capacityBytes];
            _offsets = new int[capacityPackets];
            _lengths = new int[capacityPackets];
            _sequenceCounts = new ushort[capacityPackets];
            _times = new long[capacityPackets];
            parameters.Set(EnabledParameter, 1);
            parameters.Set(PolicyParameter, (long)_policy);
        }

        /// <summary>Adds the ST[15] commands and the store's parameters.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new CommandDefinition("STORE_ENABLE", Service, EnableSubtype,
                "Turns the storage function on: telemetry is stored while the link is down and for the store-always classes",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("STORE_DISABLE", Service, DisableSubtype,
                "Turns the storage function off: nothing more is stored, telemetry waits in its queues while the link is down",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("STORE_DOWNLINK_TIME", Service, DownlinkByTimeSubtype,
                "Replays, in storage order, the stored packets stamped from from_s to to_s inclusive (CUC seconds); completes when the last is queued",
                new ArgumentDefinition[] {
                    new ArgumentDefinition("from_s", DataType.UInt32, "s", "First CUC second of the range"),
                    new ArgumentDefinition("to_s", DataType.UInt32, "s", "Last CUC second of the range, not before from_s") },
                ModeMask.Any, ReplayTimeoutTicks));
            dictionary.Add(new CommandDefinition("STORE_DELETE_UNTIL", Service, DeleteUntilSubtype,
                "Deletes stored packets from the oldest up to the first one stamped at or after time_s",
                new ArgumentDefinition[] { new ArgumentDefinition("time_s", DataType.UInt32, "s", "CUC second: older packets are deleted") },
                ModeMask.Any, 100));
            dictionary.Add(new CommandDefinition("STORE_REPORT_SUMMARY", Service, ReportSummarySubtype,
                "Reports the store's content and counters in TM[15,13]", new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("STORE_DOWNLINK_SEQ", Service, DownlinkBySequenceSubtype,
                "Replays, in storage order, the stored packets whose sequence count lies from 'from' to 'to' (wrapping past 16383 when from > to)",
                new ArgumentDefinition[] {
                    new ArgumentDefinition("from", DataType.UInt16, "", 0, PacketLimits.MaxSequenceCount, "First sequence count of the range"),
                    new ArgumentDefinition("to", DataType.UInt16, "", 0, PacketLimits.MaxSequenceCount, "Last sequence count of the range") },
                ModeMask.Any, ReplayTimeoutTicks));
            var policy = new ArgumentDefinition("policy", DataType.UInt8, "", 0, 1, "What to do with a new packet when the store is full");
            policy.EnumerationLabels = new string[] { "CIRCULAR", "STOP_WHEN_FULL" };
            dictionary.Add(new CommandDefinition("STORE_SET_POLICY", Service, SetPolicySubtype,
                "Sets the overflow policy: overwrite the oldest packets, or refuse new ones", new ArgumentDefinition[] { policy }, ModeMask.Any, 1));

            dictionary.Add(new ParameterDefinition(StoredParameter, "store.stored", DataType.UInt32, "", "Packets stored since boot"));
            dictionary.Add(new ParameterDefinition(OverwrittenParameter, "store.overwritten", DataType.UInt32, "", "Oldest packets deleted to make room since boot"));
            var refused = new ParameterDefinition(RefusedParameter, "store.refused", DataType.UInt32, "", "Packets refused (store full or packet unfit) since boot");
            refused.HighLimit = 0;
            dictionary.Add(refused);
            dictionary.Add(new ParameterDefinition(BytesUsedParameter, "store.bytes_used", DataType.UInt32, "octets", "Octets of packets held"));
            dictionary.Add(new ParameterDefinition(PacketsHeldParameter, "store.packets_held", DataType.UInt32, "", "Packets held"));
            var enabled = new ParameterDefinition(EnabledParameter, "store.enabled", DataType.Boolean, "", "1 while the storage function is on");
            enabled.DefaultValue = 1;
            dictionary.Add(enabled);
            var current = new ParameterDefinition(PolicyParameter, "store.policy", DataType.UInt8, "", "Overflow policy applied when the store is full");
            current.EnumerationLabels = policy.EnumerationLabels;
            dictionary.Add(current);
            dictionary.Add(new ParameterDefinition(DeletedParameter, "store.deleted", DataType.UInt32, "", "Packets deleted by command since boot"));
            dictionary.Add(new ParameterDefinition(ReplayedParameter, "store.replayed", DataType.UInt32, "", "Packets queued for downlink by replays since boot"));
        }

        /// <summary>True while the storage function is on (TC[15,1] / TC[15,2]); the downlink stores only then.</summary>
        public bool Enabled
        {
            get { return _enabled; }
            set
            {
                _enabled = value;
                _parameters.Set(EnabledParameter, value ? 1 : 0);
            }
        }

        /// <summary>What happens to a new packet when there is no room.</summary>
        public StoreOverflowPolicy Policy
        {
            get { return _policy; }
            set
            {
                _policy = value;
                _parameters.Set(PolicyParameter, (long)value);
            }
        }

        /// <summary>Octets the ring can hold.</summary>
        public int CapacityBytes { get { return _data.Length; } }

        /// <summary>Index records, so packets, the store can hold.</summary>
        public int CapacityPackets { get { return _offsets.Length; } }

        /// <summary>Packets held.</summary>
        public int Count { get { return (int)(_next - _first); } }

        /// <summary>Octets of the packets held.</summary>
        public long BytesUsed { get { return _bytesUsed; } }

        /// <summary>Number of the oldest record held (records are numbered from 0 at boot).</summary>
        public long FirstRecord { get { return _first; } }

        /// <summary>Number the next stored record will get; the newest held is one less.</summary>
        public long NextRecord { get { return _next; } }

        /// <summary>Packets stored since boot.</summary>
        public long Stored { get; private set; }

        /// <summary>Packets deleted to make room since boot.</summary>
        public long Overwritten { get; private set; }

        /// <summary>Packets refused since boot.</summary>
        public long Refused { get; private set; }

        /// <summary>Packets deleted by command since boot.</summary>
        public long Deleted { get; private set; }

        /// <summary>The ring holding the packets; record r is at <see cref="OffsetOf"/>(r) for <see cref="LengthOf"/>(r) octets.</summary>
        public byte[] Data { get { return _data; } }

        /// <summary>Offset in <see cref="Data"/> of a held record.</summary>
        public int OffsetOf(long record)
        {
            return _offsets[Slot(record)];
        }

        /// <summary>Octets of a held record.</summary>
        public int LengthOf(long record)
        {
            return _lengths[Slot(record)];
        }

        /// <summary>Packet sequence count of a held record.</summary>
        public ushort SequenceCountOf(long record)
        {
            return _sequenceCounts[Slot(record)];
        }

        /// <summary>Time stamped in a held record's TM header, as mission microseconds.</summary>
        public long MissionMicrosecondsOf(long record)
        {
            return _times[Slot(record)];
        }

        /// <summary>Stores a copy of a whole TM packet; false (counted as refused) when the policy or the packet's size forbids it.</summary>
        public bool Append(byte[] packet, int offset, int count)
        {
            if (count < PacketLimits.MinTelemetryLength || count > _data.Length)
            {
                return Refuse();
            }

            int at = PlaceFor(count);
            while (at < 0 || Count == _offsets.Length)
            {
                if (_policy == StoreOverflowPolicy.StopWhenFull)
                {
                    return Refuse();
                }

                RemoveOldest();
                Overwritten++;
                at = PlaceFor(count);
            }

            Array.Copy(packet, offset, _data, at, count);
            int slot = Slot(_next);
            _offsets[slot] = at;
            _lengths[slot] = count;
            _sequenceCounts[slot] = (ushort)(BigEndian.ReadUInt16(packet, offset + 2) & PacketLimits.MaxSequenceCount);
            int time = offset + SpacePacketHeader.Length + 7;
            _times[slot] = new CucTime((uint)BigEndian.ReadUInt32(packet, time), (ushort)BigEndian.ReadUInt16(packet, time + 4)).ToMicroseconds();
            _next++;
            _write = at + count;
            _bytesUsed += count;
            Stored++;
            Publish();
            return true;
        }

        /// <summary>Deletes from the oldest packet up to the first one stamped at or after <paramref name="missionMicroseconds"/>; returns how many.</summary>
        /// <remarks>Storage order is the deletion order: a packet stamped earlier but stored after a later-stamped one (time was set back) stays.</remarks>
        public int DeleteBefore(long missionMicroseconds)
        {
            return DeleteBefore(missionMicroseconds, int.MaxValue);
        }

        /// <summary>As <see cref="DeleteBefore(long)"/>, but deletes <paramref name="maxPackets"/> packets at most, so one step stays short.</summary>
        public int DeleteBefore(long missionMicroseconds, int maxPackets)
        {
            int deleted = 0;
            while (deleted < maxPackets && HasPacketBefore(missionMicroseconds))
            {
                RemoveOldest();
                deleted++;
            }

            Deleted += deleted;
            Publish();
            return deleted;
        }

        /// <summary>True when the oldest packet held is stamped before <paramref name="missionMicroseconds"/>.</summary>
        public bool HasPacketBefore(long missionMicroseconds)
        {
            return _next > _first && _times[Slot(_first)] < missionMicroseconds;
        }

        private int PlaceFor(int count)
        {
            if (_next == _first)
            {
                return 0;
            }

            int oldest = _offsets[Slot(_first)];
            if (_write > oldest)
            {
                // Held octets run from oldest to _write: free space is after them, then before oldest.
                if (_write + count <= _data.Length) return _write;
                return count <= oldest ? 0 : -1;
            }

            // Held octets wrap: free space is between _write and oldest.
            return _write + count <= oldest ? _write : -1;
        }

        private void RemoveOldest()
        {
            _bytesUsed -= _lengths[Slot(_first)];
            _first++;
        }

        private bool Refuse()
        {
            Refused++;
            _parameters.Set(RefusedParameter, Refused);
            return false;
        }

        private int Slot(long record)
        {
            return (int)(record % _offsets.Length);
        }

        private void Publish()
        {
            _parameters.Set(StoredParameter, Stored);
            _parameters.Set(OverwrittenParameter, Overwritten);
            _parameters.Set(DeletedParameter, Deleted);
            _parameters.Set(BytesUsedParameter, _bytesUsed);
            _parameters.Set(PacketsHeldParameter, Count);
        }
    }
}
