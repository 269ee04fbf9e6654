using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class TelemetryCodecTests
{
    // TM[3,25] housekeeping report from APID 0x042, count 7, message type counter 0x0102, destination 0,
    // time 0x0A0B0C0D.0x0E0F, data 01 02 03. CRC 6DEB computed independently.
    private const string Housekeeping = "08 42 C0 07 00 11 20 03 19 01 02 00 00 0A 0B 0C 0D 0E 0F 01 02 03 6D EB";

    [Fact]
    public void Encodes_a_known_packet()
    {
        var destination = new byte[30];
        byte[] data = Hex.Bytes("FF 01 02 03");
        var status = TelemetryCodec.TryEncode(0x042, 7, 3, 25, 0x0102, 0, new CucTime(0x0A0B0C0D, 0x0E0F), data, 1, 3, destination, 3, out int written);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(24, written);
        Assert.Equal(Housekeeping, Hex.Of(destination, 3, written));
    }

    [Fact]
    public void Decodes_a_known_packet()
    {
        byte[] buffer = Hex.Bytes(Housekeeping);
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(buffer, 0, buffer.Length, out var tm));
        Assert.Equal(0x042, tm.Apid);
        Assert.Equal(7, tm.SequenceCount);
        Assert.Equal(3, tm.ServiceType);
        Assert.Equal(25, tm.ServiceSubtype);
        Assert.Equal(0x0102, tm.Pus.MessageTypeCounter);
        Assert.Equal(0, tm.Pus.DestinationId);
        Assert.Equal(0, tm.Pus.TimeReferenceStatus);
        Assert.Equal(new CucTime(0x0A0B0C0D, 0x0E0F), tm.Time);
        Assert.Equal(19, tm.ApplicationDataOffset);
        Assert.Equal(3, tm.ApplicationDataLength);
        Assert.Equal(24, tm.PacketLength);
    }

    [Fact]
    public void Round_trips_random_telemetry()
    {
        Prop.ForAll(PacketGen.Tm, fields =>
        {
            byte[] packet = fields.Encode();
            Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(packet, 0, packet.Length, out var tm));
            fields.AssertMatches(tm);
        }, seed: 0x73);
    }

    [Fact]
    public void Time_reference_status_round_trips_and_is_range_checked()
    {
        var destination = SpacePacketHeaderTests.Filled(40);
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(1, 2, 15, 3, 25, 4, 5, new CucTime(6, 7), null!, 0, 0, destination, 0, out int written));
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(destination, 0, written, out var tm));
        Assert.Equal(15, tm.Pus.TimeReferenceStatus);

        destination = SpacePacketHeaderTests.Filled(40);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, TelemetryCodec.TryEncode(1, 2, 16, 3, 25, 4, 5, new CucTime(6, 7), null!, 0, 0, destination, 0, out written));
        Assert.Equal(0, written);
        Assert.Equal(SpacePacketHeaderTests.Filled(40), destination);
    }

    [Fact]
    public void The_largest_telemetry_packet_fits_the_link_limit_and_one_more_octet_does_not()
    {
        var data = new byte[PacketLimits.MaxTelemetryApplicationDataLength + 1];
        var destination = new byte[2000];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(1, 1, 1, 1, 1, 1, default, data, 0, data.Length - 1, destination, 0, out int written));
        Assert.Equal(PacketLimits.MaxPacketLength, written);
        Assert.Equal(PacketStatus.TooLong, TelemetryCodec.TryEncode(1, 1, 1, 1, 1, 1, default, data, 0, data.Length, destination, 0, out written));
    }

    [Fact]
    public void Application_data_built_in_place_is_not_copied_over_itself()
    {
        var buffer = new byte[64];
        Hex.Bytes("AA 00 BB").CopyTo(buffer, 5 + TelemetryCodec.ApplicationDataOffset);
        var status = TelemetryCodec.TryEncode(9, 9, 5, 1, 1, 0, new CucTime(1, 1), buffer, 5 + TelemetryCodec.ApplicationDataOffset, 3, buffer, 5, out int written);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(buffer, 5, written, out var tm));
        Assert.Equal("AA 00 BB", Hex.Of(buffer, tm.ApplicationDataOffset, tm.ApplicationDataLength));
    }

    [Fact]
    public void A_telecommand_is_the_wrong_type()
    {
        byte[] tc = new TcFields(1, 1, AckFlags.All, 17, 1, 0, new byte[8]).Encode();
        Assert.Equal(PacketStatus.WrongPacketType, TelemetryCodec.TryDecode(tc, 0, tc.Length, out var tm));
        Assert.Equal(default, tm);
    }
}
