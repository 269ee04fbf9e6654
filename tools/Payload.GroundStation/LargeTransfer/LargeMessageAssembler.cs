using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.LargeTransfer;

/// <summary>
/// The ground's side of ST[13] downlink: takes TM[13,1|2|3] parts in any order, with losses and repeats, and rebuilds
/// each transaction's message; says which parts are missing and which packet sequence counts must hold them (for an
/// ST[15] STORE_DOWNLINK_SEQ replay), and raises <see cref="MessageCompleted"/> once per message.
/// </summary>
/// <remarks>
/// <para>Part data: transaction identifier (u16), part number (u16, from 1), data (see LargePacketSender). A message is
/// complete when its first part, its last part (TM[13,3]) and every part between them are in.</para>
/// <para>Transaction identifiers are reused (they wrap, and restart after a reboot). A part of an identifier whose last
/// message was already rebuilt is a <see cref="LargePartOutcome.Duplicate"/> when it repeats that message's data, and
/// otherwise starts a new message; a first part whose data differs from the first part of a message still missing
/// parts abandons that message (<see cref="MessageAbandoned"/>) and starts the new one.</para>
/// <para>Not thread-safe: feed it from one thread (the session's receive handler).</para>
/// </remarks>
public sealed class LargeMessageAssembler
{
    private readonly Dictionary<ushort, Transaction> _open = [];
    private readonly Dictionary<ushort, Transaction> _completed = [];
    private readonly Dictionary<LargePartOutcome, long> _counts = [];

    /// <summary>Raised with each message when its last missing part arrives.</summary>
    public event Action<LargeMessage>? MessageCompleted;

    /// <summary>Raised with what had arrived of a message given up because a new message took its identifier.</summary>
    public event Action<LargeMessageProgress>? MessageAbandoned;

    /// <summary>Transactions still missing parts, by identifier.</summary>
    public IReadOnlyCollection<ushort> Incomplete => _open.Keys;

    /// <summary>Packets seen with <paramref name="outcome"/>.</summary>
    public long Count(LargePartOutcome outcome) => _counts.GetValueOrDefault(outcome);

    /// <summary>Takes one decoded report; anything but an ST[13] downlink part is <see cref="LargePartOutcome.Ignored"/>.</summary>
    public LargePartOutcome Accept(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Service != LargePacketSender.Service
            || report.Subtype is not (LargePacketSender.FirstPartSubtype or LargePacketSender.IntermediatePartSubtype or LargePacketSender.LastPartSubtype))
        {
            return Record(LargePartOutcome.Ignored);
        }

        ReadOnlySpan<byte> application = report.ApplicationData.Span;
        if (application.Length < LargePacketSender.HeaderLength) return Record(LargePartOutcome.Malformed);
        var id = (ushort)((application[0] << 8) | application[1]);
        int part = (application[2] << 8) | application[3];
        byte[] data = application[LargePacketSender.HeaderLength..].ToArray();
        bool first = report.Subtype == LargePacketSender.FirstPartSubtype;
        bool last = report.Subtype == LargePacketSender.LastPartSubtype;
        if (part < 1 || first != (part == 1)) return Record(LargePartOutcome.Malformed);

        if (!_open.TryGetValue(id, out Transaction? transaction))
        {
            if (_completed.TryGetValue(id, out Transaction? done) && done.Parts.TryGetValue(part, out Part? known) && known.Data.AsSpan().SequenceEqual(data))
                return Record(LargePartOutcome.Duplicate);
            transaction = new Transaction(id);
            _open[id] = transaction;
        }
        else if (first && transaction.Parts.TryGetValue(1, out Part? firstPart) && !firstPart.Data.AsSpan().SequenceEqual(data))
        {
            // A new message under the same identifier: the old one will never be completed from live parts.
            LargeMessageProgress abandoned = Progress(id)!;
            _open.Remove(id);
            MessageAbandoned?.Invoke(abandoned);
            transaction = new Transaction(id);
            _open[id] = transaction;
        }

        if (last && transaction.LastPart is { } knownLast && knownLast != part) return Record(LargePartOutcome.Malformed);
        if (transaction.LastPart is { } end && part > end) return Record(LargePartOutcome.Malformed);
        if (last && transaction.Parts.Count > 0 && transaction.Parts.Keys.Max() > part) return Record(LargePartOutcome.Malformed);
        if (transaction.Parts.TryGetValue(part, out Part? existing))
            return Record(existing.Data.AsSpan().SequenceEqual(data) ? LargePartOutcome.Duplicate : LargePartOutcome.Malformed);

        bool inOrder = transaction.Parts.Count == 0 || part > transaction.Parts.Keys.Max();
        transaction.Parts[part] = new Part(data, report.SequenceCount, report.MissionMicroseconds);
        if (last) transaction.LastPart = part;
        LargePartOutcome outcome = Record(inOrder ? LargePartOutcome.Accepted : LargePartOutcome.OutOfOrder);
        if (transaction.IsComplete)
        {
            _open.Remove(id);
            _completed[id] = transaction;
            MessageCompleted?.Invoke(transaction.Message(report.ReceivedAtMicroseconds));
        }
        return outcome;
    }

    /// <summary>True while parts of <paramref name="transactionId"/> are in and the message is not complete.</summary>
    public bool IsPending(ushort transactionId) => _open.ContainsKey(transactionId);

    /// <summary>
    /// Parts of the incomplete message <paramref name="transactionId"/> not received: up to its last part when that is
    /// in, otherwise up to the highest part received (later ones may still come); empty when nothing is pending.
    /// </summary>
    public IReadOnlyList<int> Missing(ushort transactionId) => _open.TryGetValue(transactionId, out Transaction? t) ? t.Missing() : [];

    /// <summary>True when the last part of the incomplete message <paramref name="transactionId"/> has arrived (so its length is known).</summary>
    public bool HasLastPart(ushort transactionId) => _open.TryGetValue(transactionId, out Transaction? t) && t.LastPart is not null;

    /// <summary>Contiguous runs of missing parts, as (first, last).</summary>
    public IReadOnlyList<(int First, int Last)> MissingRanges(ushort transactionId)
    {
        var ranges = new List<(int First, int Last)>();
        foreach (int part in Missing(transactionId))
        {
            if (ranges.Count > 0 && ranges[^1].Last == part - 1) ranges[^1] = (ranges[^1].First, part);
            else ranges.Add((part, part));
        }
        return ranges;
    }

    /// <summary>
    /// The packet sequence counts that must hold <paramref name="missingPart"/> (and the parts missing next to it): strictly
    /// between those of the nearest parts received before and after it, since the board stores every ST[13] packet in order.
    /// </summary>
    /// <exception cref="InvalidOperationException">No part before and after it has arrived, so the range is not bracketed.</exception>
    public SequenceRange SequenceRangeFor(ushort transactionId, int missingPart)
    {
        if (!_open.TryGetValue(transactionId, out Transaction? t)) throw new InvalidOperationException($"transaction {transactionId} is not pending");
        int before = t.Parts.Keys.Where(p => p < missingPart).DefaultIfEmpty(0).Max();
        int after = t.Parts.Keys.Where(p => p > missingPart).DefaultIfEmpty(0).Min();
        if (before == 0 || after == 0)
            throw new InvalidOperationException($"part {missingPart} of transaction {transactionId} is not between two received parts: replay by time (STORE_DOWNLINK_TIME) or resend it (LARGE_TRANSFER_RESEND)");
        return new SequenceRange((t.Parts[before].SequenceCount + 1) & PacketLimits.MaxSequenceCount, (t.Parts[after].SequenceCount - 1) & PacketLimits.MaxSequenceCount);
    }

    /// <summary>One replay range per run of missing parts that is bracketed by received parts (runs at either end are left out).</summary>
    public IReadOnlyList<SequenceRange> ReplayRanges(ushort transactionId)
    {
        if (!_open.TryGetValue(transactionId, out Transaction? t) || t.Parts.Count == 0) return [];
        int highest = t.Parts.Keys.Max();
        return MissingRanges(transactionId)
            .Where(r => r.First > 1 && t.Parts.Keys.Any(p => p < r.First) && r.Last < highest)
            .Select(r => SequenceRangeFor(transactionId, r.First))
            .ToArray();
    }

    /// <summary>What has arrived of the incomplete message <paramref name="transactionId"/>, or null when nothing is pending.</summary>
    public LargeMessageProgress? Progress(ushort transactionId)
    {
        if (!_open.TryGetValue(transactionId, out Transaction? t)) return null;
        return new LargeMessageProgress
        {
            TransactionId = transactionId,
            PartsReceived = t.Parts.Count,
            LastPart = t.LastPart,
            Missing = t.Missing(),
            ReplayRanges = ReplayRanges(transactionId),
            FirstMissionMicroseconds = t.Parts.Values.Min(p => p.MissionMicroseconds),
            LastMissionMicroseconds = t.Parts.Values.Max(p => p.MissionMicroseconds),
        };
    }

    /// <summary>Forgets the incomplete message <paramref name="transactionId"/>; returns the parts it still missed.</summary>
    public IReadOnlyList<int> Abandon(ushort transactionId)
    {
        if (!_open.Remove(transactionId, out Transaction? t)) return [];
        return t.Missing();
    }

    private LargePartOutcome Record(LargePartOutcome outcome)
    {
        _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
        return outcome;
    }

    private sealed record Part(byte[] Data, ushort SequenceCount, long MissionMicroseconds);

    private sealed class Transaction(ushort id)
    {
        public SortedDictionary<int, Part> Parts { get; } = [];

        public int? LastPart { get; set; }

        public bool IsComplete => LastPart is { } last && Parts.Count == last;

        public IReadOnlyList<int> Missing()
        {
            int upTo = LastPart ?? (Parts.Count == 0 ? 0 : Parts.Keys.Max());
            return Enumerable.Range(1, upTo).Where(p => !Parts.ContainsKey(p)).ToArray();
        }

        public LargeMessage Message(long receivedAt) => new()
        {
            TransactionId = id,
            Data = Parts.Values.SelectMany(p => p.Data).ToArray(),
            Parts = Parts.Count,
            FirstMissionMicroseconds = Parts[1].MissionMicroseconds,
            LastMissionMicroseconds = Parts[Parts.Count].MissionMicroseconds,
            ReceivedAtMicroseconds = receivedAt,
        };
    }
}
