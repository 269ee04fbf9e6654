using Payload.Flight;
using Payload.Flight.Instrument;

namespace Payload.Hil.Suites.Connection;

/// <summary>ST[17] connection test, the dictionary-hash check at connect, and the round-trip figures.</summary>
public sealed class ConnectionSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void AreYouAliveIsAcceptedStartedCompletedAndAnswered()
    {
        CommandHandle alive = Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

        ReceivedPacket answer = Bench.AwaitPacket(17, 2);
        Assert.Equal([Stage.Accepted, Stage.Started, Stage.Completed], alive.Reports.Select(r => (Stage)r.Stage));
        Assert.Empty(answer.Report.ApplicationData.ToArray());
        Assert.InRange(answer.MissionMicroseconds, alive.Report(Stage.Accepted)!.MissionMicroseconds, alive.Report(Stage.Completed)!.MissionMicroseconds + 1_000_000);
    }

    [HilFact]
    public void TheBoardsDictionaryHashMatchesTheGrounds()
    {
        Assert.NotNull(Bench.HashCheck);
        Assert.True(Bench.HashCheck.Matches, Bench.HashCheck.ToString());
        Assert.Equal(Bench.Dictionary.Hash, (uint)Bench.GetParameter("sys.dictionary_hash").Raw);
        Bench.AwaitHousekeeping("HK_CORE", hk => hk["sys.dictionary_hash"] == Bench.Dictionary.Hash);
    }

    [HilFact]
    public void ABoardWithAnotherDictionaryIsRefusedUnlessAllowed()
    {
        // One connection at a time: a shared target takes one client.
        Bench.Dispose();
        MissionDictionary other = FlightDictionary.Build();
        Assert.NotEqual(InstrumentSoftware.BuildDictionary().Hash, other.Hash);

        var refusal = Assert.Throws<BenchConnectionException>(() => Payload.Hil.Bench.Connect(Output, new BenchOptions { Dictionary = other, AllowDictionaryMismatch = false }));
        Assert.IsType<Payload.GroundStation.DictionaryMismatchException>(refusal.InnerException);
        Assert.Contains("MISMATCH", refusal.Message);

        using Bench allowed = Payload.Hil.Bench.Connect(Output, new BenchOptions { Dictionary = other, AllowDictionaryMismatch = true });
        Assert.False(allowed.HashCheck!.Matches);
        allowed.SendAndComplete("TEST_ARE_YOU_ALIVE");
    }

    [HilFact]
    public void AreYouAliveRoundTripFigures()
    {
        CommandHandle[] commands = Enumerable.Range(0, 20).Select(_ => Bench.SendAndComplete("TEST_ARE_YOU_ALIVE")).ToArray();

        // At 115200 baud the command and its three reports take about 10 ms on the wire; the board answers within two frames.
        Bench.Latencies(commands, Stage.Completed).AssertP99Below(TimeSpan.FromMilliseconds(60));
        Bench.Latencies(commands, Stage.Accepted).AssertP99Below(TimeSpan.FromMilliseconds(40));
    }
}
