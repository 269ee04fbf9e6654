namespace Payload.Hil.Tests.Targets;

public sealed class BenchTargetTests
{
    [Theory]
    [InlineData("sim:", "sim", Capability.VirtualTime | Capability.BoardReset | Capability.LinkOutage | Capability.FaultInjection | Capability.RadarStimulus)]
    [InlineData("tcp://127.0.0.1:5010", "tcp", Capability.Reconnect)]
    [InlineData("serial:///dev/pts/3?baud=115200", "serial", Capability.Reconnect)]
    public void ATargetHasANameAndCapabilities(string uri, string name, Capability capabilities)
    {
        BenchTarget target = BenchTarget.Parse(uri);

        Assert.Equal(name, target.Name);
        Assert.Equal(capabilities, target.Capabilities);
        Assert.Equal(uri.StartsWith("sim", StringComparison.Ordinal), target.IsSimulated);
    }

    [Fact]
    public void TheNameCanBeGivenAndMissingCapabilitiesAreNamed()
    {
        BenchTarget target = BenchTarget.Parse("tcp://bench-7:5010", "bench-7");

        Assert.Equal("bench-7", target.Name);
        Assert.False(target.Has(Capability.BoardReset | Capability.Reconnect));
        Assert.Equal("BoardReset, LinkOutage", target.Missing(Capability.BoardReset | Capability.LinkOutage | Capability.Reconnect));
    }

    [Fact]
    public void APtyIsTheSimulatorsSideAndNoTarget()
    {
        var refusal = Assert.Throws<FormatException>(() => BenchTarget.Parse("pty"));
        Assert.Contains("serial://", refusal.Message);
        Assert.Throws<FormatException>(() => BenchTarget.Parse("carrier-pigeon://loft"));
    }

    [Fact]
    public void AStimulusControlPortGivesARealTargetTheRadarStimulus()
    {
        BenchTarget target = BenchTarget.Parse("serial:///dev/pts/3?baud=115200", null, " tcp://127.0.0.1:5011 ");

        Assert.Equal(Capability.Reconnect | Capability.RadarStimulus, target.Capabilities);
        Assert.Equal("tcp://127.0.0.1:5011", target.Stimulus);
        Assert.Equal("RadarStimulus", BenchTarget.Parse("tcp://127.0.0.1:5010").Missing(Capability.RadarStimulus));
    }

    [Fact]
    public void AStimulusThatIsNotATcpControlPortIsRefused()
    {
        var refusal = Assert.Throws<FormatException>(() => BenchTarget.Parse("tcp://127.0.0.1:5010", null, "udp://127.0.0.1:5011"));

        Assert.Equal("PAYLOAD_STIMULUS=udp://127.0.0.1:5011: the stimulus control port is tcp://HOST:PORT (what `sim --stimulus` prints)", refusal.Message);
    }
}
