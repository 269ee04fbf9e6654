using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Simulation.BenchControl;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Tests.Simulation;

/// <summary>The bench control protocol's commands, replies and refusals on a simulated board, without a socket.</summary>
public sealed class BenchControlProtocolTests
{
    private static readonly StimulusTruth Truth = new()
    {
        Radar = StimulusRadar.Sentinel1,
        Seed = 7,
        PrfHz = 1451.6,
        PrfDitherFraction = 0,
        Bursts = true,
        PulseWidthS = 61.7e-6,
        VisibleDurationS = 8,
        PeakTimeS = 4.0028686,
        PeakToaTicks = 281_474_976_710_000,
        PeakDetectorInputDbm = -26.123456789,
        DetectorSaturationDbm = -2,
        BeamwidthDeg = 0.26123,
        DwellS = 0.4912,
        FirstSidelobeDb = -13.2614589,
        GroundSpeedMps = 6780,
        SlantRangeM = 860e3,
        DeliveredPulses = 8123,
    };

    private readonly SimulatedBoard _board = new();

    private SimulatedBenchInstruments Instruments => new(_board);

    [Theory]
    [InlineData("PASS NISAR", StimulusRadar.Nisar, 1UL)]
    [InlineData("pass sentinel1 seed=7", StimulusRadar.Sentinel1, 7UL)]
    [InlineData("  PASS   NISAR   SEED=18446744073709551615 \r", StimulusRadar.Nisar, ulong.MaxValue)]
    public void APassCommandFliesTheRequestedPassAndAnswersItsTruth(string line, StimulusRadar radar, ulong seed)
    {
        var twin = new SimulatedBoard();

        string reply = BenchControlProtocol.Handle(line, Instruments);

        Assert.True(_board.RadarInput.TryPeek(out _), "the pass is overhead");
        Assert.Equal(PassStimulus.Fly(twin, new PassRequest(radar, seed)).ToReply(), reply);
    }

    [Theory]
    [InlineData("POWER CYCLE", "bench")]
    [InlineData("power cycle brown-out_2.1", "brown-out_2.1")]
    public void APowerCycleRebootsTheBoardAndAnswersItsBootsAndCause(string line, string cause)
    {
        _board.RunFor(2_000_000);
        var before = _board.Software;

        string reply = BenchControlProtocol.Handle(line, Instruments);

        Assert.Equal($"OK boots=2 cause={cause}", reply);
        Assert.Equal(2, _board.Boots);
        Assert.NotSame(before, _board.Software);
        Assert.Equal(1, _board.Resets[cause]);
    }

    [Fact]
    public void TheLinkSwitchCutsRestoresAndReadsTheBoardsLink()
    {
        Assert.Equal("OK link=ON", BenchControlProtocol.Handle("LINK?", Instruments));

        Assert.Equal("OK link=OFF", BenchControlProtocol.Handle("LINK OFF", Instruments));
        Assert.False(_board.Uart.IsUp);
        Assert.Equal("OK link=OFF", BenchControlProtocol.Handle("link?", Instruments));

        Assert.Equal("OK link=ON", BenchControlProtocol.Handle("link on", Instruments));
        Assert.True(_board.Uart.IsUp);
    }

    [Fact]
    public void TheIdentificationQueryNamesTheBenchControlAndTouchesNothing()
    {
        string reply = BenchControlProtocol.Handle("*IDN?", Instruments);

        Assert.Equal(BenchControlProtocol.Identification, reply);
        AssertUntouched();
    }

    [Theory]
    [InlineData("", "ERR empty command: send *IDN?, PASS NISAR|SENTINEL1 [seed=N], POWER CYCLE [CAUSE], LINK ON|OFF or LINK?")]
    [InlineData("FLY NISAR", "ERR unknown command 'FLY': send *IDN?, PASS NISAR|SENTINEL1 [seed=N], POWER CYCLE [CAUSE], LINK ON|OFF or LINK?")]
    [InlineData("PASS", "ERR PASS needs a radar: PASS NISAR or PASS SENTINEL1 [seed=N]")]
    [InlineData("PASS ERS2", "ERR unknown radar 'ERS2': use NISAR or SENTINEL1")]
    [InlineData("PASS NISAR seed=-1", "ERR seed must be a whole number 0..18446744073709551615, not '-1'")]
    [InlineData("PASS NISAR prf=1650", "ERR unknown PASS option 'prf=1650': the only option is seed=N")]
    [InlineData("*IDN? now", "ERR *IDN? takes no arguments")]
    [InlineData("POWER", "ERR the power supply only cycles: send POWER CYCLE [CAUSE]")]
    [InlineData("POWER OFF", "ERR the power supply only cycles: send POWER CYCLE [CAUSE]")]
    [InlineData("POWER CYCLE brown out", "ERR POWER CYCLE takes one cause, a single word: POWER CYCLE [CAUSE]")]
    [InlineData("POWER CYCLE cause=x", "ERR cause 'cause=x' must be a word of letters, digits, '_', '-' or '.', at most 32 characters")]
    [InlineData("LINK", "ERR the link switch is LINK ON or LINK OFF (or LINK? to read it)")]
    [InlineData("LINK DOWN", "ERR the link switch is LINK ON or LINK OFF (or LINK? to read it)")]
    [InlineData("LINK OFF now", "ERR the link switch is LINK ON or LINK OFF (or LINK? to read it)")]
    [InlineData("LINK? ON", "ERR LINK? takes no arguments")]
    public void AWrongCommandIsRefusedSayingWhatToSendAndTouchesNothing(string line, string expected)
    {
        string reply = BenchControlProtocol.Handle(line, Instruments);

        Assert.Equal(expected, reply);
        AssertUntouched();
    }

    [Fact]
    public void AnOverlongLineIsRefused()
    {
        string reply = BenchControlProtocol.Handle("POWER CYCLE " + new string('x', BenchControlProtocol.MaxLineLength), Instruments);

        Assert.Equal($"ERR command longer than {BenchControlProtocol.MaxLineLength} characters", reply);
        AssertUntouched();
    }

    [Fact]
    public void TheReplyLineReadsBackToTheSameTruth()
    {
        Assert.Equal(Truth, StimulusTruth.ParseReply(Truth.ToReply()));
        Assert.Equal(Truth with { Bursts = false }, StimulusTruth.ParseReply((Truth with { Bursts = false }).ToReply()));
    }

    [Fact]
    public void AnErrReplyBecomesABenchControlExceptionWithTheReason()
    {
        var refused = Assert.Throws<BenchControlException>(() => StimulusTruth.ParseReply("ERR unknown radar 'ERS2': use NISAR or SENTINEL1"));

        Assert.Equal("refused: unknown radar 'ERS2': use NISAR or SENTINEL1", refused.Message);
    }

    [Theory]
    [InlineData("PAYLOAD,SIM-BENCH-CONTROL,0,2", "not a bench control reply")]
    [InlineData("OK radar=NISAR", "bench control reply has no seed")]
    [InlineData("OK radar=NISAR seed", "bench control reply field 'seed' is not key=value")]
    public void AReplyThatIsNotOneIsAFormatError(string line, string expected)
    {
        var error = Assert.Throws<FormatException>(() => StimulusTruth.ParseReply(line));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFieldThatIsNotANumberIsNamed()
    {
        string reply = Truth.ToReply().Replace("peak_dbm=-26.123456789", "peak_dbm=loud", StringComparison.Ordinal);

        var error = Assert.Throws<FormatException>(() => StimulusTruth.ParseReply(reply));

        Assert.Equal("stimulus reply field peak_dbm=loud is not a number", error.Message);
    }

    private void AssertUntouched()
    {
        Assert.Equal(1, _board.Boots);
        Assert.True(_board.Uart.IsUp, "the link is still up");
        Assert.False(_board.RadarInput.TryPeek(out _), "no pass flown");
    }
}
