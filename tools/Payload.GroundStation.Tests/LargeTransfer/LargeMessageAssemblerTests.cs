using Payload.GroundStation.LargeTransfer;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tests.Archive;

namespace Payload.GroundStation.Tests.LargeTransfer;

public sealed class LargeMessageAssemblerTests
{
    private const int PartSize = 896;

    [Fact]
    public void AMultiPartMessageInOrderIsRebuiltOnceWithItsTimes()
    {
        byte[] message = Tm.Message(5 * PartSize + 100, seed: 1);
        List<TelemetryReport> parts = Tm.Parts(7, message, PartSize, firstMissionMicroseconds: 2_000_000, firstSequenceCount: 100);
        var assembler = new LargeMessageAssembler();
        var rebuilt = new List<LargeMessage>();
        assembler.MessageCompleted += rebuilt.Add;

        Assert.Equal(6, parts.Count);
        Assert.All(parts, p => Assert.Equal(LargePartOutcome.Accepted, assembler.Accept(p)));

        LargeMessage only = Assert.Single(rebuilt);
        Assert.Equal(message, only.Data);
        Assert.Equal((7, 6, parts[0].MissionMicroseconds, parts[^1].MissionMicroseconds, parts[^1].ReceivedAtMicroseconds),
            (only.TransactionId, only.Parts, only.FirstMissionMicroseconds, only.LastMissionMicroseconds, only.ReceivedAtMicroseconds));
        Assert.Empty(assembler.Incomplete);
    }

    [Fact]
    public void AMissingPartIsDetectedWithTheSequenceRangeThatHoldsIt()
    {
        byte[] message = Tm.Message(8 * PartSize, seed: 2);
        // Other telemetry between the parts: each part's sequence count is 3 above the previous one.
        List<TelemetryReport> parts = Tm.Parts(9, message, PartSize, 0, firstSequenceCount: 16_370, sequenceStep: 3);
        var assembler = new LargeMessageAssembler();
        var rebuilt = new List<LargeMessage>();
        assembler.MessageCompleted += rebuilt.Add;

        foreach (TelemetryReport part in parts.Where((_, i) => i is not (2 or 3 or 5))) assembler.Accept(part);

        Assert.Empty(rebuilt);
        Assert.True(assembler.IsPending(9));
        Assert.True(assembler.HasLastPart(9));
        Assert.Equal([3, 4, 6], assembler.Missing(9));
        Assert.Equal([(3, 4), (6, 6)], assembler.MissingRanges(9));
        // Part 2 went at 16373, part 5 at 16382, part 7 at 4 (wrapped past 16383).
        Assert.Equal(new SequenceRange(16374, 16381), assembler.SequenceRangeFor(9, 3));
        Assert.Equal(new SequenceRange(16383, 3), assembler.SequenceRangeFor(9, 6));
        Assert.Equal([new SequenceRange(16374, 16381), new SequenceRange(16383, 3)], assembler.ReplayRanges(9));
        LargeMessageProgress progress = assembler.Progress(9)!;
        Assert.Equal((5, 8), (progress.PartsReceived, progress.LastPart!.Value));
        Assert.Equal([3, 4, 6], progress.Missing);

        // The replay brings them back out of order: the message completes with the right octets.
        Assert.Equal(LargePartOutcome.OutOfOrder, assembler.Accept(parts[5]));
        Assert.Equal(LargePartOutcome.OutOfOrder, assembler.Accept(parts[3]));
        Assert.Equal(LargePartOutcome.OutOfOrder, assembler.Accept(parts[2]));
        Assert.Equal(message, Assert.Single(rebuilt).Data);
        Assert.Empty(assembler.Missing(9));
    }

    [Fact]
    public void AGapAtEitherEndIsNotBracketedSoItHasNoReplayRange()
    {
        List<TelemetryReport> parts = Tm.Parts(4, Tm.Message(4 * PartSize, seed: 3), PartSize, 0, 10);
        var assembler = new LargeMessageAssembler();
        assembler.Accept(parts[1]);
        assembler.Accept(parts[2]);

        Assert.False(assembler.HasLastPart(4));
        Assert.Equal([1], assembler.Missing(4));
        Assert.Empty(assembler.ReplayRanges(4));
        var error = Assert.Throws<InvalidOperationException>(() => assembler.SequenceRangeFor(4, 1));
        Assert.Contains("not between two received parts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatsAreDuplicatesEvenAfterTheMessageWasRebuiltAndOtherServicesAreIgnored()
    {
        byte[] message = Tm.Message(2 * PartSize + 1, seed: 4);
        List<TelemetryReport> parts = Tm.Parts(3, message, PartSize, 0, 0);
        var assembler = new LargeMessageAssembler();
        int completed = 0;
        assembler.MessageCompleted += _ => completed++;

        assembler.Accept(parts[0]);
        Assert.Equal(LargePartOutcome.Duplicate, assembler.Accept(parts[0]));
        assembler.Accept(parts[1]);
        assembler.Accept(parts[2]);
        Assert.Equal(LargePartOutcome.Duplicate, assembler.Accept(parts[1]));
        Assert.Equal(LargePartOutcome.Ignored, assembler.Accept(Tm.Report(17, 2, [], 0, 0)));

        Assert.Equal(1, completed);
        Assert.Equal((3, 2, 1), (assembler.Count(LargePartOutcome.Accepted), assembler.Count(LargePartOutcome.Duplicate), assembler.Count(LargePartOutcome.Ignored)));
        Assert.Empty(assembler.Incomplete);
    }

    [Fact]
    public void AReusedIdentifierStartsANewMessageAndAbandonsAnUnfinishedOne()
    {
        List<TelemetryReport> first = Tm.Parts(1, Tm.Message(3 * PartSize, seed: 5), PartSize, 0, 0);
        byte[] second = Tm.Message(2 * PartSize, seed: 6);
        List<TelemetryReport> next = Tm.Parts(1, second, PartSize, 1_000_000, 50);
        var assembler = new LargeMessageAssembler();
        var rebuilt = new List<LargeMessage>();
        var abandoned = new List<LargeMessageProgress>();
        assembler.MessageCompleted += rebuilt.Add;
        assembler.MessageAbandoned += abandoned.Add;

        assembler.Accept(first[0]);
        assembler.Accept(first[2]);
        foreach (TelemetryReport part in next) assembler.Accept(part);

        Assert.Equal([2], Assert.Single(abandoned).Missing);
        Assert.Equal(second, Assert.Single(rebuilt).Data);
    }

    [Fact]
    public void ContradictingPartsAreMalformed()
    {
        List<TelemetryReport> parts = Tm.Parts(5, Tm.Message(3 * PartSize, seed: 7), PartSize, 0, 0);
        var assembler = new LargeMessageAssembler();
        assembler.Accept(parts[0]);
        assembler.Accept(parts[2]);
        TelemetryReport changed = Tm.Parts(5, Tm.Message(3 * PartSize, seed: 8), PartSize, 0, 0)[2];

        Assert.Equal(LargePartOutcome.Malformed, assembler.Accept(changed));
        Assert.Equal(LargePartOutcome.Malformed, assembler.Accept(Tm.Report(13, 2, [0, 5, 0, 1], 0, 9)));
        Assert.Equal(LargePartOutcome.Malformed, assembler.Accept(Tm.Report(13, 2, [0, 5], 0, 9)));
        Assert.Equal([2], assembler.Missing(5));
    }
}
