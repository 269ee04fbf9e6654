using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Tests.Simulation;

/// <summary>The stimulus control protocol's commands, replies and refusals, without a socket.</summary>
public sealed class StimulusProtocolTests
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

    [Theory]
    [InlineData("PASS NISAR", StimulusRadar.Nisar, 1UL)]
    [InlineData("pass sentinel1 seed=7", StimulusRadar.Sentinel1, 7UL)]
    [InlineData("  PASS   NISAR   SEED=18446744073709551615 \r", StimulusRadar.Nisar, ulong.MaxValue)]
    public void APassCommandFliesTheRequestedPassAndAnswersItsTruth(string line, StimulusRadar radar, ulong seed)
    {
        PassRequest? flown = null;

        string reply = StimulusProtocol.Handle(line, request =>
        {
            flown = request;
            return Truth;
        });

        Assert.Equal(new PassRequest(radar, seed), flown);
        Assert.Equal(Truth.ToReply(), reply);
        Assert.StartsWith("OK radar=SENTINEL1 seed=7 prf_hz=1451.6 ", reply, StringComparison.Ordinal);
    }

    [Fact]
    public void TheIdentificationQueryNamesTheStimulusAndFliesNothing()
    {
        string reply = StimulusProtocol.Handle("*IDN?", _ => throw new InvalidOperationException("nothing may fly"));

        Assert.Equal(StimulusProtocol.Identification, reply);
    }

    [Theory]
    [InlineData("", "ERR empty command: send *IDN? or PASS NISAR|SENTINEL1 [seed=N]")]
    [InlineData("FLY NISAR", "ERR unknown command 'FLY': send *IDN? or PASS NISAR|SENTINEL1 [seed=N]")]
    [InlineData("PASS", "ERR PASS needs a radar: PASS NISAR or PASS SENTINEL1 [seed=N]")]
    [InlineData("PASS ERS2", "ERR unknown radar 'ERS2': use NISAR or SENTINEL1")]
    [InlineData("PASS NISAR seed=-1", "ERR seed must be a whole number 0..18446744073709551615, not '-1'")]
    [InlineData("PASS NISAR prf=1650", "ERR unknown PASS option 'prf=1650': the only option is seed=N")]
    [InlineData("*IDN? now", "ERR *IDN? takes no arguments")]
    public void AWrongCommandIsRefusedSayingWhatToSendAndFliesNothing(string line, string expected)
    {
        string reply = StimulusProtocol.Handle(line, _ => throw new InvalidOperationException("nothing may fly"));

        Assert.Equal(expected, reply);
    }

    [Fact]
    public void AnOverlongLineIsRefused()
    {
        string reply = StimulusProtocol.Handle("PASS NISAR " + new string('x', StimulusProtocol.MaxLineLength), _ => Truth);

        Assert.Equal($"ERR command longer than {StimulusProtocol.MaxLineLength} characters", reply);
    }

    [Fact]
    public void AStimulusThatCannotFlyAnswersErrWithItsReason()
    {
        string reply = StimulusProtocol.Handle("PASS NISAR", _ => throw new StimulusException("the board is off"));

        Assert.Equal("ERR the board is off", reply);
    }

    [Fact]
    public void TheReplyLineReadsBackToTheSameTruth()
    {
        Assert.Equal(Truth, StimulusTruth.ParseReply(Truth.ToReply()));
        Assert.Equal(Truth with { Bursts = false }, StimulusTruth.ParseReply((Truth with { Bursts = false }).ToReply()));
    }

    [Fact]
    public void AnErrReplyBecomesAStimulusExceptionWithTheReason()
    {
        var refused = Assert.Throws<StimulusException>(() => StimulusTruth.ParseReply("ERR unknown radar 'ERS2': use NISAR or SENTINEL1"));

        Assert.Equal("the stimulus refused: unknown radar 'ERS2': use NISAR or SENTINEL1", refused.Message);
    }

    [Theory]
    [InlineData("PAYLOAD,SIM-RADAR-STIMULUS,0,1", "not a stimulus reply")]
    [InlineData("OK radar=NISAR", "stimulus reply has no seed")]
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
}
