using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.LargeTransfer;

/// <summary>What the reassembler made of one packet.</summary>
public enum PartOutcome
{
    /// <summary>A part not seen before, in order.</summary>
    Accepted,
    /// <summary>A part not seen before, numbered below a part already received (a resend or a replay filling a gap).</summary>
    OutOfOrder,
    /// <summary>A part already received; its data must be the same, or it is <see cref="Malformed"/>.</summary>
    Duplicate,
    /// <summary>Not an ST[13] downlink part.</summary>
    Ignored,
    /// <summary>An ST[13] part that contradicts the others (first part not numbered 1, two different last parts, a part after the last, changed data).</summary>
    Malformed,
}

/// <summary>
/// The ground's side of ST[13] downlink: takes TM[13,1|2|3] packets in any order, with losses and repeats, and rebuilds
/// each transaction's message, saying which parts are missing and which packet sequence counts bracket each gap (for an
/// ST[15] replay by sequence range).
/// </summary>
public sealed class LargeMessageReassembler
{
    private readonly Dictionary<int, Transaction> _transactions = new();

    /// <summary>Everything that happened, in arrival order.</summary>
    public List<(int TransactionId, int Part, PartOutcome Outcome)> Log { get; } = new();

    public int Count(PartOutcome outcome) => Log.Count(e => e.Outcome == outcome);

    public PartOutcome Accept(in TelemetryPacket tm)
    {
        if (tm.ServiceType != LargePacketSender.Service
            || tm.ServiceSubtype is not (LargePacketSender.FirstPartSubtype or LargePacketSender.IntermediatePartSubtype or LargePacketSender.LastPartSubtype))
        {
            return PartOutcome.Ignored;
        }

        if (tm.ApplicationDataLength < LargePacketSender.HeaderLength) return Record(-1, -1, PartOutcome.Malformed);
        int id = BigEndian.ReadUInt16(tm.Buffer, tm.ApplicationDataOffset);
        int part = BigEndian.ReadUInt16(tm.Buffer, tm.ApplicationDataOffset + 2);
        byte[] data = tm.Buffer.AsSpan(tm.ApplicationDataOffset + LargePacketSender.HeaderLength, tm.ApplicationDataLength - LargePacketSender.HeaderLength).ToArray();
        if (!_transactions.TryGetValue(id, out var transaction))
        {
            transaction = new Transaction();
            _transactions[id] = transaction;
        }

        bool first = tm.ServiceSubtype == LargePacketSender.FirstPartSubtype;
        bool last = tm.ServiceSubtype == LargePacketSender.LastPartSubtype;
        if (part < 1 || first != (part == 1)) return Record(id, part, PartOutcome.Malformed);
        if (last && transaction.LastPart is int known && known != part) return Record(id, part, PartOutcome.Malformed);
        if (transaction.LastPart is int end && part > end) return Record(id, part, PartOutcome.Malformed);
        if (last && transaction.Parts.Keys.Any(p => p > part)) return Record(id, part, PartOutcome.Malformed);

        if (transaction.Parts.TryGetValue(part, out var existing))
        {
            return Record(id, part, existing.AsSpan().SequenceEqual(data) ? PartOutcome.Duplicate : PartOutcome.Malformed);
        }

        bool inOrder = transaction.Parts.Count == 0 || part > transaction.Parts.Keys.Max();
        transaction.Parts[part] = data;
        transaction.SequenceCounts[part] = tm.SequenceCount;
        if (last) transaction.LastPart = part;
        return Record(id, part, inOrder ? PartOutcome.Accepted : PartOutcome.OutOfOrder);
    }

    /// <summary>Feeds every packet; returns how many were ST[13] parts.</summary>
    public int AcceptAll(IEnumerable<TelemetryPacket> packets) => packets.Count(tm => Accept(tm) != PartOutcome.Ignored);

    public bool Knows(int transactionId) => _transactions.ContainsKey(transactionId);

    /// <summary>True once the first and last parts and every part between them are in.</summary>
    public bool IsComplete(int transactionId) =>
        _transactions.TryGetValue(transactionId, out var t) && t.LastPart is int last && t.Parts.Count == last;

    /// <summary>Parts not received: up to the last part when it is in, otherwise up to the highest received (later ones may still come).</summary>
    public List<int> Missing(int transactionId)
    {
        var t = _transactions[transactionId];
        int upTo = t.LastPart ?? (t.Parts.Count == 0 ? 0 : t.Parts.Keys.Max());
        return Enumerable.Range(1, upTo).Where(p => !t.Parts.ContainsKey(p)).ToList();
    }

    /// <summary>Contiguous runs of missing parts, as (first, last).</summary>
    public List<(int First, int Last)> MissingRanges(int transactionId)
    {
        var ranges = new List<(int, int)>();
        foreach (int part in Missing(transactionId))
        {
            if (ranges.Count > 0 && ranges[^1].Item2 == part - 1) ranges[^1] = (ranges[^1].Item1, part);
            else ranges.Add((part, part));
        }
        return ranges;
    }

    /// <summary>
    /// The packet sequence counts (inclusive, wrapping) that must hold a missing part: strictly between those of the
    /// nearest parts received before and after it.
    /// </summary>
    public (int From, int To) SequenceRangeFor(int transactionId, int missingPart)
    {
        var t = _transactions[transactionId];
        int before = t.Parts.Keys.Where(p => p < missingPart).DefaultIfEmpty(0).Max();
        int after = t.Parts.Keys.Where(p => p > missingPart).DefaultIfEmpty(0).Min();
        if (before == 0 || after == 0) throw new InvalidOperationException("a gap must be bracketed by received parts");
        return ((t.SequenceCounts[before] + 1) & PacketLimits.MaxSequenceCount, (t.SequenceCounts[after] - 1) & PacketLimits.MaxSequenceCount);
    }

    /// <summary>The rebuilt message (asserting it is complete).</summary>
    public byte[] Message(int transactionId)
    {
        Assert.True(IsComplete(transactionId), $"transaction {transactionId} is missing parts {string.Join(",", Missing(transactionId))}");
        var t = _transactions[transactionId];
        return Enumerable.Range(1, t.LastPart!.Value).SelectMany(p => t.Parts[p]).ToArray();
    }

    /// <summary>Octets of each part received, by part number.</summary>
    public IReadOnlyDictionary<int, byte[]> Parts(int transactionId) => _transactions[transactionId].Parts;

    private PartOutcome Record(int id, int part, PartOutcome outcome)
    {
        Log.Add((id, part, outcome));
        return outcome;
    }

    private sealed class Transaction
    {
        public SortedDictionary<int, byte[]> Parts { get; } = new();
        public Dictionary<int, int> SequenceCounts { get; } = new();
        public int? LastPart { get; set; }
    }
}
