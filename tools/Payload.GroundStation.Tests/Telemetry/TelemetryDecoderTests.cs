using Payload.Flight.Instrument;
using Payload.Flight;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Telemetry;

public sealed class TelemetryDecoderTests
{
    private static readonly TelemetryDecoder FlightDecoder = new(InstrumentSoftware.BuildDictionary());

    [Fact]
    public void AProgressFailureCarriesStepCodeAndData()
    {
        byte[] packet = Tm(1, 6, [0x18, 0x64, 0xC0, 0x05, 0x00, 0x03, 0x00, 0x0B, 0xFF, 0xFF, 0xFF, 0xFE], seconds: 12, fine: 0x8000);

        var report = Assert.IsType<VerificationReport>(FlightDecoder.Decode(packet));

        Assert.Equal(VerificationStage.Progress, report.Stage);
        Assert.False(report.Success);
        Assert.Equal(new RequestId(0x1864, 0xC005), report.RequestId);
        Assert.Equal(5, report.RequestId.SequenceCount);
        Assert.Equal(3, report.Step);
        Assert.Equal(FailureCode.Timeout, report.FailureCode);
        Assert.Equal(0xFFFFFFFEL, report.FailureData);
        Assert.Equal(12_500_000, report.MissionMicroseconds);
        Assert.Equal("    12.500  TM[1,6]   PROGRESS step 3 FAILED  request 100/5: Timeout (data 4294967294)", report.ToString());
    }

    [Fact]
    public void AVerificationReportWithTheWrongLayoutIsKeptAsGeneric()
    {
        var report = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(1, 1, [0x18, 0x64, 0xC0])));

        Assert.Equal("3 octets of data where the layout has 4", report.Problem);
    }

    [Fact]
    public void EventArgumentsAreNamedAndLabelled()
    {
        byte[] packet = Tm(5, 1, [0x03, 0x84, 0x00, 0x02]); // MODE_CHANGED (900) from SAFE to ACQUIRE

        var report = Assert.IsType<EventReport>(FlightDecoder.Decode(packet));

        Assert.Equal("MODE_CHANGED", report.Name);
        Assert.Equal(Severity.Informative, report.Severity);
        Assert.Equal("SAFE", report["from"].Label);
        Assert.Equal(2, report["to"].Raw);
        Assert.Equal("MODE_CHANGED from=SAFE to=ACQUIRE", report.Describe());
    }

    [Fact]
    public void AnEventOnTheWrongSeverityIsKeptAsGeneric()
    {
        var report = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(5, 4, [0x03, 0x84, 0x00, 0x02])));

        Assert.Equal("event MODE_CHANGED is Informative but came as subtype 4", report.Problem);
    }

    [Fact]
    public void TheDisabledEventsListIsAListNotAnEvent()
    {
        // TM[5,8]: count 2, SCHED_RELEASED (600), and an identifier the dictionary does not have.
        var report = Assert.IsType<DisabledEventsReport>(FlightDecoder.Decode(Tm(5, 8, [0x00, 0x02, 0x02, 0x58, 0x99, 0x99])));

        Assert.Equal([(ushort)600, (ushort)0x9999], report.EventIds);
        Assert.Equal(["SCHED_RELEASED", "#39321"], report.Names);
        Assert.Equal("SCHED_RELEASED", report.Definitions[0]?.Name);
        Assert.Null(report.Definitions[1]);
        Assert.Equal("DISABLED EVENTS (2) SCHED_RELEASED #39321", report.Describe());
        Assert.Equal("TM[5,8]", report.Type);
    }

    [Fact]
    public void AnEmptyDisabledEventsListIsNotAnUnknownEvent()
    {
        // The old decoder read the count (0) as an event identifier: "event 0 is not in the dictionary".
        var report = Assert.IsType<DisabledEventsReport>(FlightDecoder.Decode(Tm(5, 8, [0x00, 0x00])));

        Assert.Empty(report.EventIds);
        Assert.Equal("DISABLED EVENTS none", report.Describe());
    }

    [Fact]
    public void ADisabledEventsListWhoseCountIsAnEventIdentifierIsStillAList()
    {
        // 900 disabled events would be MODE_CHANGED read as an event; the list's length says it is a list of one.
        var report = Assert.IsType<DisabledEventsReport>(FlightDecoder.Decode(Tm(5, 8, [0x00, 0x01, 0x03, 0x84])));

        Assert.Equal(["MODE_CHANGED"], report.Names);
    }

    [Fact]
    public void ADisabledEventsListOfTheWrongLengthIsKeptAsGenericSayingWhy()
    {
        var report = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(5, 8, [0x00, 0x02, 0x02, 0x58])));

        Assert.Equal("4 octets where a list of 2 event(s) has 6", report.Problem);
        Assert.StartsWith("disabled events report 4 octets", report.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, "Informative")]
    [InlineData(2, "Low")]
    [InlineData(3, "Medium")]
    [InlineData(4, "High")]
    public void OnlySubtypesOneToFourAreEventsTheirSubtypeBeingTheSeverity(byte subtype, string severity)
    {
        EventDefinition definition = FlightDecoder.Dictionary.Events.First(e => e.Severity.ToString() == severity);
        // The identifier, then each argument as zero octets of its size.
        byte[] data = [(byte)(definition.Id >> 8), (byte)definition.Id, .. new byte[definition.Arguments.Sum(a => DataTypes.SizeOf(a.Type))]];

        var report = Assert.IsType<EventReport>(FlightDecoder.Decode(Tm(5, subtype, data)));
        var other = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(5, 9, data)));

        Assert.Equal(definition.Name, report.Name);
        Assert.Null(other.Problem);
    }

    [Fact]
    public void HousekeepingAppliesScaleOffsetUnitAndLimits()
    {
        var builder = new DictionaryBuilder();
        var temperature = new ParameterDefinition(10, "board.temperature", DataType.Int16, "degC", "Board temperature")
        {
            Scale = 0.5, Offset = -10, LowLimit = -40, HighLimit = 100,
        };
        builder.Add(temperature);
        builder.Add(new ParameterDefinition(11, "board.counter", DataType.UInt8, "", "A counter"));
        builder.Add(new HousekeepingStructureDefinition(7, "HK_BOARD", [10, 11], 100, true, "Board"));
        var decoder = new TelemetryDecoder(builder.Build());

        var report = Assert.IsType<HousekeepingReport>(decoder.Decode(Tm(3, 25, [7, 0x00, 0xC8, 0x05])));
        var low = Assert.IsType<HousekeepingReport>(decoder.Decode(Tm(3, 25, [7, 0xFF, 0x9C, 0x05])));

        Assert.Equal("HK_BOARD", report.Structure.Name);
        Assert.Equal(200, report["board.temperature"].Raw);
        Assert.Equal(90.0, report["board.temperature"].Engineering);
        Assert.Equal("degC", report["board.temperature"].Unit);
        Assert.Equal(LimitState.High, report["board.temperature"].Limit);
        Assert.Equal(LimitState.Low, low["board.temperature"].Limit);
        Assert.Equal(-60.0, low["board.temperature"].Engineering);
        Assert.Equal("HK_BOARD board.temperature=90 degC (HIGH) board.counter=5", report.Describe());
        Assert.Single(report.OutOfLimits);
    }

    [Fact]
    public void HousekeepingOfTheWrongLengthIsKeptAsGeneric()
    {
        var report = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(3, 25, [FlightDictionary.CoreStructure, 0x00])));

        Assert.Equal("2 octets do not match the layout of HK_CORE", report.Problem);
    }

    [Fact]
    public void ParameterReportsAreDecodedInTheParametersOwnType()
    {
        var report = Assert.IsType<ParameterReport>(FlightDecoder.Decode(Tm(20, 2, [0x00, 0x01, 0x00, 0x01, 0xA3, 0x74, 0xCB, 0xD8])));

        Assert.Equal(0xA374CBD8L, report["sys.dictionary_hash"].Raw);
        Assert.Equal("PARAMETER sys.dictionary_hash=0xA374CBD8", report.Describe());
    }

    [Fact]
    public void EnumeratedParametersCarryTheirLabel()
    {
        // TM[20,2]: mode.current (900) = 1, store.policy (356) = 1, time.source (503) = 2, as the flight dictionary types them.
        var report = Assert.IsType<ParameterReport>(FlightDecoder.Decode(Tm(20, 2, [0x00, 0x03, 0x03, 0x84, 0x01, 0x01, 0x64, 0x01, 0x01, 0xF7, 0x02])));

        Assert.Equal(1, report["mode.current"].Raw);
        Assert.Equal("STANDBY", report["mode.current"].Label);
        Assert.Equal("STOP_WHEN_FULL", report["store.policy"].Label);
        Assert.Equal("GROUND", report["time.source"].Label);
        Assert.Equal("PARAMETER mode.current=STANDBY store.policy=STOP_WHEN_FULL time.source=GROUND", report.Describe());
    }

    [Fact]
    public void AValueWithoutALabelShowsAsANumberAndPlainParametersHaveNoLabel()
    {
        var state = new ParameterDefinition(10, "board.state", DataType.UInt8, "", "State") { EnumerationLabels = ["OFF", "ON"], HighLimit = 1 };
        var counter = new ParameterDefinition(11, "board.counter", DataType.UInt8, "", "A counter");

        Assert.Equal("board.state=ON", ParameterValue.Of(state, 1).ToString());
        Assert.Null(ParameterValue.Of(state, 2).Label);
        Assert.Equal("board.state=2 (HIGH)", ParameterValue.Of(state, 2).ToString());
        Assert.Null(ParameterValue.Of(counter, 1).Label);
        Assert.Equal("board.counter=1", ParameterValue.Of(counter, 1).ToString());
    }

    [Fact]
    public void OtherServicesAreGeneric()
    {
        var report = Assert.IsType<GenericReport>(FlightDecoder.Decode(Tm(17, 2, [])));

        Assert.Null(report.Problem);
        Assert.Equal("ARE_YOU_ALIVE report (no data)", report.Describe());
        Assert.Equal("TM[17,2]", report.Type);
    }

    [Fact]
    public void ABrokenPacketIsRefusedWithTheCodecsReason()
    {
        byte[] packet = Tm(17, 2, []);
        packet[^1] ^= 0x10;

        var exception = Assert.Throws<TelemetryDecodingException>(() => FlightDecoder.Decode(packet));

        Assert.Equal(PacketStatus.BadCrc, exception.Status);
        Assert.False(FlightDecoder.TryDecode(packet, 0, packet.Length, out _, out PacketStatus status));
        Assert.Equal(PacketStatus.BadCrc, status);
    }

    [Fact]
    public void HeaderFieldsAreCarried()
    {
        TelemetryReport report = FlightDecoder.Decode(Tm(17, 2, [], sequence: 77, counter: 9));

        Assert.Equal(77, report.SequenceCount);
        Assert.Equal(9, report.MessageTypeCounter);
        Assert.Equal(Payload.Flight.Config.FlightConfiguration.Apid, report.Apid);
        Assert.Equal(1, report.DestinationId);
    }

    internal static byte[] Tm(byte service, byte subtype, byte[] data, uint seconds = 1, ushort fine = 0, ushort sequence = 3, ushort counter = 1)
    {
        var packet = new byte[PacketLimits.MinTelemetryLength + data.Length];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(Payload.Flight.Config.FlightConfiguration.Apid, sequence, service, subtype, counter, 1,
            new CucTime(seconds, fine), data, 0, data.Length, packet, 0, out int written));
        Assert.Equal(packet.Length, written);
        return packet;
    }
}
