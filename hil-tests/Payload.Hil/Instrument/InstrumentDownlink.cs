using Payload.GroundStation.Instrument;
using Payload.GroundStation.LargeTransfer;

namespace Payload.Hil;

/// <summary>
/// The instrument's ST[13] messages rebuilt from the telemetry the bench received since a mark (products, raw record
/// chunks, snapshots), fed as the bench looks (<see cref="Bench.AwaitInstrumentDownlink"/>).
/// </summary>
/// <remarks>
/// Replays count too: a store replay is how a ground fills a message's gaps, and the assembler drops the parts it already
/// has. (Live parts, stamped as they enter the bulk queue and sent behind everything more urgent, are told from replays
/// with a wider reordering allowance than other packets; see Bench.BulkReorderAllowanceMicroseconds.)
/// </remarks>
public sealed class InstrumentDownlink
{
    private readonly LargeMessageAssembler _assembler = new();
    private readonly List<InstrumentMessage> _messages = [];
    private int _consumed;

    internal InstrumentDownlink(Mark since)
    {
        Since = since;
        _assembler.MessageCompleted += message => _messages.Add(InstrumentMessage.Decode(message.Data));
    }

    /// <summary>Where it started looking.</summary>
    public Mark Since { get; }

    /// <summary>Every message rebuilt so far, in the order completed.</summary>
    public IReadOnlyList<InstrumentMessage> Messages => _messages;

    /// <summary>The last products message, or null.</summary>
    public InstrumentMessage? Products => _messages.LastOrDefault(m => m.Kind == InstrumentMessageKind.Products);

    /// <summary>The raw record chunks, in the order completed.</summary>
    public IReadOnlyList<InstrumentMessage> RawChunks => _messages.Where(m => m.Kind == InstrumentMessageKind.RawRecords).ToArray();

    /// <summary>True once the chunk flagged last of its pass is in.</summary>
    public bool HasLastRawChunk => _messages.Any(m => m.Kind == InstrumentMessageKind.RawRecords && m.LastChunk == true);

    /// <summary>ST[13] messages with parts still missing.</summary>
    public int Incomplete => _assembler.Incomplete.Count;

    /// <summary>ST[13] parts taken so far (accepted, out of order, or duplicates).</summary>
    public long Parts => _assembler.Count(LargePartOutcome.Accepted) + _assembler.Count(LargePartOutcome.OutOfOrder) + _assembler.Count(LargePartOutcome.Duplicate);

    /// <summary>"3 messages (1 products, 2 raw chunks), 12 parts, 1 incomplete".</summary>
    public override string ToString() =>
        $"{_messages.Count} messages ({_messages.Count(m => m.Kind == InstrumentMessageKind.Products)} products, {RawChunks.Count} raw chunks), {Parts} parts, {Incomplete} incomplete";

    /// <summary>Takes the packets the bench received since the last look.</summary>
    internal void Take(IReadOnlyList<ReceivedPacket> received)
    {
        for (; _consumed < received.Count; _consumed++)
        {
            _assembler.Accept(received[_consumed].Report);
        }
    }
}
