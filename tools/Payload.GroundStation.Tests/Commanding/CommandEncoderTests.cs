using Payload.Flight.Instrument;
using Payload.Flight;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;

namespace Payload.GroundStation.Tests.Commanding;

public sealed class CommandEncoderTests
{
    private static readonly MissionDictionary Dictionary = InstrumentSoftware.BuildDictionary();
    private readonly CommandEncoder _encoder = new(Dictionary);

    [Fact]
    public void AreYouAliveHasTheExactBytesOfTheStandard()
    {
        EncodedCommand command = _encoder.Encode("TEST_ARE_YOU_ALIVE");

        // 1864 TC+sec.hdr, APID 0x064 | C000 unsegmented, count 0 | 0006 | 2F PUS-C, all acks | 11 01 ST[17,1] | 0001 ground | CRC
        Assert.Equal("1864C00000062F110100018F5B", Convert.ToHexString(command.Packet));
        Assert.Equal(new RequestId(0x1864, 0xC000), command.RequestId);
        Assert.Equal(AckFlags.All, command.AckFlags);
    }

    [Fact]
    public void ModeSetStandbyHasTheExactBytes()
    {
        _encoder.NextSequenceCount = 1;

        EncodedCommand command = _encoder.Encode("MODE_SET", "STANDBY");

        Assert.Equal("1864C00100072F8001000101F4DF", Convert.ToHexString(command.Packet));
    }

    [Fact]
    public void ParamSetWithOwnAcksHasTheExactBytesAndDecodesInTheFlightCodec()
    {
        _encoder.NextSequenceCount = 2;

        EncodedCommand command = _encoder.Encode("PARAM_SET", ["tm.store_always_mask", -2], AckFlags.Acceptance | AckFlags.Completion);

        Assert.Equal("1864C002000C29140300010139FFFFFFFE9E51", Convert.ToHexString(command.Packet));
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(command.Packet, 0, command.Packet.Length, out TelecommandPacket tc));
        Assert.Equal(FlightConfigurationApid, tc.Apid);
        Assert.Equal(2, tc.SequenceCount);
        Assert.Equal(AckFlags.Acceptance | AckFlags.Completion, tc.AckFlags);
        Assert.Equal(20, tc.ServiceType);
        Assert.Equal(3, tc.ServiceSubtype);
        Assert.Equal(1, tc.Pus.SourceId);
        Assert.Equal("0139FFFFFFFE", Convert.ToHexString(tc.Buffer, tc.ApplicationDataOffset, tc.ApplicationDataLength));
        Assert.Equal("tm.store_always_mask", command["param_id"].Reference);
    }

    [Theory]
    [InlineData("STANDBY")]
    [InlineData("standby")]
    [InlineData("mode=STANDBY")]
    [InlineData("1")]
    [InlineData("0x01")]
    public void ModeSetTakesLabelsNamesAndNumbers(string argument)
    {
        EncodedCommand command = _encoder.Encode("MODE_SET", argument);

        Assert.Equal(1, command["mode"].Value);
        Assert.Equal("MODE_SET mode=STANDBY", command.ToString());
    }

    [Fact]
    public void ModeSetTakesEnumsIntegersAndNamedArguments()
    {
        Assert.Equal(1, _encoder.Encode("MODE_SET", Mode.Standby)["mode"].Value);
        Assert.Equal(2, _encoder.Encode("MODE_SET", 2)["mode"].Value);
        Assert.Equal(0, _encoder.Encode("MODE_SET", new NamedArgument("mode", "SAFE"))["mode"].Value);
        Assert.Equal(1, _encoder.Parse("mode_set mode=STANDBY")["mode"].Value);
    }

    [Theory]
    [InlineData(new object[] { "MODE_SET", "7" }, "MODE_SET: argument 'mode' = 7 is out of range 0..2 (SAFE, STANDBY, ACQUIRE)")]
    [InlineData(new object[] { "MODE_SET", "mode=-1" }, "MODE_SET: argument 'mode' = -1 is out of range 0..2 (SAFE, STANDBY, ACQUIRE)")]
    [InlineData(new object[] { "MODE_SET", "STANDBYY" }, "MODE_SET: argument 'mode' = 'STANDBYY' is not a number or one of SAFE, STANDBY, ACQUIRE")]
    [InlineData(new object[] { "MODE_SET" }, "MODE_SET: argument 'mode' is missing (UInt8, 0..2: SAFE, STANDBY, ACQUIRE)")]
    [InlineData(new object[] { "MODE_SET", "SAFE", "STANDBY" }, "MODE_SET: too many arguments: expected 1 argument (mode), got 2")]
    [InlineData(new object[] { "MODE_SET", "mod=SAFE" }, "MODE_SET: no argument named 'mod'; arguments are: mode")]
    [InlineData(new object[] { "MODE_SET", "SAFE", "mode=SAFE" }, "MODE_SET: argument 'mode' is given twice")]
    [InlineData(new object[] { "TEST_ARE_YOU_ALIVE", "1" }, "TEST_ARE_YOU_ALIVE: too many arguments: expected 0 arguments, got 1")]
    [InlineData(new object[] { "PARAM_SET", "no.such", "1" }, "PARAM_SET: argument 'param_id' = 'no.such' is not a number or a parameter name")]
    [InlineData(new object[] { "PARAM_SET", "1", "abc" }, "PARAM_SET: argument 'value' = 'abc' is not an integer (Int32, -2147483648..2147483647)")]
    [InlineData(new object[] { "PARAM_SET", "1", "2147483648" }, "PARAM_SET: argument 'value' = 2147483648 is out of range -2147483648..2147483647")]
    [InlineData(new object[] { "HK_SET_INTERVAL", "HK_CORE", "0" }, "HK_SET_INTERVAL: argument 'interval_ticks' = 0 is out of range 1..360000")]
    [InlineData(new object[] { "SCHED_INSERT", "10", "0", "zz" }, "SCHED_INSERT: argument 'tc' = 'zz' is not hex octets (e.g. 0A1B2C or 0x0A1B2C)")]
    [InlineData(new object[] { "SCHED_INSERT", "10", "0", "0102" }, "SCHED_INSERT: argument 'tc' has 2 octets; allowed 13..128")]
    [InlineData(new object[] { "SCHED_INSERT", "10", "0", "1864C00000062F110100018F5B", "tc_length=12" },
        "SCHED_INSERT: argument 'tc_length' = 12 does not match the 13 octets of 'tc' (leave it out: it is computed)")]
    [InlineData(new object[] { "MODE_SETT", "SAFE" }, "unknown command 'MODE_SETT'; did you mean MODE_SET?")]
    [InlineData(new object[] { "SCHED_INSERT", "10", "0", "13", "1864C00000062F110100018F5B" },
        "SCHED_INSERT: too many arguments: expected 3 arguments (release_s, release_fine, tc), got 4; tc_length is computed")]
    public void RefusalsSayWhatIsWrongAndWhatIsAllowed(object[] line, string message)
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Encode((string)line[0], line.Skip(1).ToArray()));

        Assert.Equal(message, exception.Message);
    }

    [Fact]
    public void NonIntegralNumbersArePointedOut()
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Encode("MODE_SET", 1.5));

        Assert.Equal("MODE_SET: argument 'mode' = 1.5 is not an integer (UInt8, 0..2: SAFE, STANDBY, ACQUIRE)", exception.Message);
    }

    [Fact]
    public void PositionalAfterNamedIsRefused()
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Encode("PARAM_SET", "value=1", "sys.uptime"));

        Assert.Equal("PARAM_SET: positional argument 'sys.uptime' after a named one; give positional arguments first", exception.Message);
    }

    [Fact]
    public void ARefusedCommandTakesNoSequenceCount()
    {
        _encoder.NextSequenceCount = 40;

        Assert.Throws<CommandEncodingException>(() => _encoder.Encode("MODE_SET", 9));
        EncodedCommand next = _encoder.Encode("MODE_SET", 0);

        Assert.Equal(40, next.SequenceCount);
        Assert.Equal(41, _encoder.NextSequenceCount);
    }

    [Fact]
    public void SequenceCountsWrapAfter14Bits()
    {
        _encoder.NextSequenceCount = 16383;

        EncodedCommand last = _encoder.Encode("TEST_ARE_YOU_ALIVE");
        EncodedCommand first = _encoder.Encode("TEST_ARE_YOU_ALIVE");

        Assert.Equal(16383, last.SequenceCount);
        Assert.Equal(0xFFFF, last.RequestId.SequenceControl);
        Assert.Equal(0, first.SequenceCount);
        Assert.Throws<ArgumentOutOfRangeException>(() => _encoder.NextSequenceCount = 16384);
    }

    [Fact]
    public void SchedInsertComputesTheLengthOfTheEmbeddedCommand()
    {
        EncodedCommand inner = _encoder.Encode("MODE_SET", "SAFE");

        EncodedCommand insert = _encoder.Encode("SCHED_INSERT", 1000, 0x8000, inner);

        Assert.Equal(inner.Packet.Length, insert["tc_length"].Value);
        Assert.True(insert["tc_length"].Computed);
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(insert.Packet, 0, insert.Packet.Length, out TelecommandPacket tc));
        byte[] data = tc.Buffer.AsSpan(tc.ApplicationDataOffset, tc.ApplicationDataLength).ToArray();
        Assert.Equal("000003E88000000E", Convert.ToHexString(data, 0, 8));
        Assert.Equal(inner.Packet, data[8..]);
        Assert.Equal(inner.SequenceCount + 1, insert.SequenceCount);
    }

    [Fact]
    public void BytesTakeHexWithSeparatorsAndAMatchingExplicitLength()
    {
        EncodedCommand insert = _encoder.Encode("SCHED_INSERT", "release_s=10", "release_fine=0", "tc_length=13", "tc=0x18 64 C0 00 00 06 2F 11 01 00 01 8F 5B");

        Assert.Equal(13, insert["tc"].Value);
        Assert.Equal("1864C00000062F110100018F5B", Convert.ToHexString(insert["tc"].Bytes!));
    }

    [Fact]
    public void ReferencesAcceptNames()
    {
        Assert.Equal(1, _encoder.Encode("PARAM_REPORT", "sys.dictionary_hash")["param_id"].Value);
        Assert.Equal(FlightDictionary.CoreStructure, _encoder.Encode("HK_ONE_SHOT", "hk_core")["sid"].Value);
        Assert.Equal("PARAM_REPORT param_id=sys.uptime", _encoder.Encode("PARAM_REPORT", 2).ToString());
    }

    [Fact]
    public void SynopsisListsTheArgumentsAnOperatorTypes()
    {
        Assert.Equal("MODE_SET mode:UInt8 0..2 (SAFE, STANDBY, ACQUIRE)", CommandEncoder.Synopsis(_encoder.Find("MODE_SET")));
        Assert.Equal("SCHED_INSERT release_s:UInt32 0..4294967295 release_fine:UInt16 0..65535 tc:Bytes 13..128",
            CommandEncoder.Synopsis(_encoder.Find("SCHED_INSERT")));
    }

    private const ushort FlightConfigurationApid = Payload.Flight.Config.FlightConfiguration.Apid;
}
