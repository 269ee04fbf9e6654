using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.Ground.Crew;
using Payload.GroundStation.Telemetry;

namespace Payload.Ground.Tests.Crew;

public sealed class LiveFormatterTests
{
    private const string Red = "\u001b[31m";
    private const string Reset = "\u001b[0m";

    [Fact]
    public void OnlyTheOutOfLimitHousekeepingValueIsRed()
    {
        var temperature = new ParameterDefinition(460, "board.temperature", DataType.Int16, "degC", "board temperature") { LowLimit = -20, HighLimit = 60 };
        var uptime = new ParameterDefinition(461, "sys.uptime", DataType.UInt32, "s", "uptime");
        var structure = new HousekeepingStructureDefinition(1, "HK_TEST", [460, 461], 100, true, "a test structure");
        var report = new HousekeepingReport(Header(3, 25), structure, [ParameterValue.Of(temperature, 75), ParameterValue.Of(uptime, 12)]);
        ParameterDefinition limited = temperature;

        string line = new LiveFormatter(new AnsiStyle(true)).Format(report);

        Assert.Contains($"{Red}{limited.Name}=", line, StringComparison.Ordinal);
        Assert.Contains($"(HIGH){Reset}", line, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(line, Red));
        Assert.DoesNotContain("\u001b[", new LiveFormatter(new AnsiStyle(false)).Format(report), StringComparison.Ordinal);
    }

    [Fact]
    public void EnumeratedHousekeepingValuesShowTheirLabel()
    {
        var mode = new ParameterDefinition(900, "mode.current", DataType.UInt8, "", "mode") { EnumerationLabels = ["SAFE", "STANDBY", "ACQUIRE"] };
        var structure = new HousekeepingStructureDefinition(1, "HK_TEST", [900], 100, true, "a test structure");
        var report = new HousekeepingReport(Header(3, 25), structure, [ParameterValue.Of(mode, 1)]);

        string line = new LiveFormatter(new AnsiStyle(false)).Format(report);

        Assert.EndsWith("mode.current=STANDBY", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Severity.Informative, null)]
    [InlineData(Severity.Low, "\u001b[33m")]
    [InlineData(Severity.Medium, "\u001b[35m")]
    [InlineData(Severity.High, "\u001b[1;31m")]
    public void EventsAreColouredBySeverity(Severity severity, string? colour)
    {
        var definition = new EventDefinition(999, "TEST_EVENT", severity, "a test event", []);
        var report = new EventReport(Header(5, (byte)severity), definition, []);

        string line = new LiveFormatter(new AnsiStyle(true)).Format(report);

        if (colour is null) Assert.DoesNotContain("\u001b[", line, StringComparison.Ordinal);
        else Assert.StartsWith(colour, line, StringComparison.Ordinal);
        Assert.Contains("TEST_EVENT", line, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDisabledEventsListIsShownByNameAndNotAsAProblem()
    {
        // TM[5,8] with SCHED_RELEASED (600) disabled, decoded as the ground decodes it.
        byte[] data = [0x00, 0x01, 0x02, 0x58];
        var packet = new byte[PacketLimits.MinTelemetryLength + data.Length];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(Payload.Flight.Config.FlightConfiguration.Apid, 0, 5, 8, 0, 1,
            CucTime.FromMicroseconds(2_000_000), data, 0, data.Length, packet, 0, out _));
        TelemetryReport report = new TelemetryDecoder(Payload.Flight.Instrument.InstrumentSoftware.BuildDictionary()).Decode(packet);

        string line = new LiveFormatter(new AnsiStyle(true)).Format(report);

        Assert.EndsWith("TM[5,8]   DISABLED EVENTS (1) SCHED_RELEASED", line, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", line, StringComparison.Ordinal); // a list, not a yellow undecodable report
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static GenericReport Header(byte service, byte subtype) => new()
    {
        Apid = Payload.Flight.Config.FlightConfiguration.Apid,
        SequenceCount = 0,
        Service = service,
        Subtype = subtype,
        MessageTypeCounter = 0,
        DestinationId = 1,
        TimeReferenceStatus = 0,
        Time = CucTime.FromMicroseconds(1_000_000),
        Packet = new byte[PacketLimits.MinTelemetryLength],
    };
}
