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

    [Theory]
    [InlineData("serial:///dev/pts/3?baud=115200")]
    [InlineData("tcp://127.0.0.1:5010")]
    public void ABenchControlPortGivesALinkTargetItsInstruments(string uri)
    {
        BenchTarget target = BenchTarget.Parse(uri, null, " tcp://127.0.0.1:5011 ");

        Assert.Equal(Capability.Reconnect | Capability.RadarStimulus | Capability.BoardReset | Capability.LinkOutage, target.Capabilities);
        Assert.Equal("tcp://127.0.0.1:5011", target.Control);
        Assert.True(target.Has(Capability.BoardReset | Capability.LinkOutage | Capability.RadarStimulus));
        Assert.Equal("FaultInjection", target.Missing(Capability.FaultInjection | Capability.BoardReset));
        Assert.Equal("BoardReset, LinkOutage, RadarStimulus", BenchTarget.Parse(uri).Missing(Capability.RadarStimulus | Capability.BoardReset | Capability.LinkOutage));
    }

    [Fact]
    public void TheInProcessBoardNeedsNoControlPort()
    {
        Assert.Equal(BenchTarget.Parse("sim:").Capabilities, BenchTarget.Parse("sim:", null, "tcp://127.0.0.1:5011").Capabilities);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void NoControlPortMeansNoInstruments(string? control)
    {
        BenchTarget target = BenchTarget.Parse("tcp://127.0.0.1:5010", null, control);

        Assert.Null(target.Control);
        Assert.Equal(Capability.Reconnect, target.Capabilities);
    }

    [Fact]
    public void AControlPortThatIsNotTcpIsRefused()
    {
        var refusal = Assert.Throws<FormatException>(() => BenchTarget.Parse("tcp://127.0.0.1:5010", null, "udp://127.0.0.1:5011"));

        Assert.Equal("PAYLOAD_BENCH_CONTROL=udp://127.0.0.1:5011: the bench control port is tcp://HOST:PORT (what `sim --control` prints)", refusal.Message);
    }
}
