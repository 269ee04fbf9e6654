using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class TelecommandCodecTests
{
    // TC[17,1] are-you-alive to APID 0x042, packet name 5, all acknowledgements, from source 1.
    // CRC 8D57 computed independently (bitwise CRC-16/CCITT-FALSE over the 11 octets before it).
    private const string AreYouAlive = "18 42 C0 05 00 06 2F 11 01 00 01 8D 57";

    [Fact]
    public void Encodes_a_known_packet()
    {
        var destination = new byte[16];
        var status = TelecommandCodec.TryEncode(0x042, 5, AckFlags.All, 17, 1, 0x0001, null!, 0, 0, destination, 2, out int written);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(13, written);
        Assert.Equal(AreYouAlive, Hex.Of(destination, 2, written));
    }

    [Fact]
    public void Decodes_a_known_packet()
    {
        byte[] buffer = Hex.Concat([0xEE], Hex.Bytes(AreYouAlive), [0xEE]);
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(buffer, 1, 13, out var tc));
        Assert.Equal(0x042, tc.Apid);
        Assert.Equal(5, tc.SequenceCount);
        Assert.Equal(AckFlags.All, tc.AckFlags);
        Assert.Equal(17, tc.ServiceType);
        Assert.Equal(1, tc.ServiceSubtype);
        Assert.Equal(1, tc.Pus.SourceId);
        Assert.Same(buffer, tc.Buffer);
        Assert.Equal(1, tc.PacketOffset);
        Assert.Equal(13, tc.PacketLength);
        Assert.Equal(12, tc.ApplicationDataOffset);
        Assert.Equal(0, tc.ApplicationDataLength);
    }

    [Fact]
    public void Round_trips_random_telecommands()
    {
        Prop.ForAll(PacketGen.Tc, fields =>
        {
            byte[] packet = fields.Encode();
            Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(packet, 0, packet.Length, out var tc));
            fields.AssertMatches(tc);
            Assert.Equal(packet.Length - 7, tc.Primary.DataLength);
        }, seed: 0x7C);
    }

    [Fact]
    public void The_largest_telecommand_fits_the_link_limit_and_one_more_octet_does_not()
    {
        var data = new byte[PacketLimits.MaxTelecommandApplicationDataLength + 1];
        var destination = new byte[2000];
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryEncode(1, 1, AckFlags.None, 1, 1, 1, data, 0, data.Length - 1, destination, 0, out int written));
        Assert.Equal(PacketLimits.MaxPacketLength, written);
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(destination, 0, written, out _));
        Assert.Equal(PacketStatus.TooLong, TelecommandCodec.TryEncode(1, 1, AckFlags.None, 1, 1, 1, data, 0, data.Length, destination, 0, out written));
        Assert.Equal(0, written);
    }

    [Fact]
    public void Application_data_built_in_place_is_not_copied_over_itself()
    {
        byte[] appData = Hex.Bytes("01 00 02 00 03");
        var copied = new byte[40];
        TelecommandCodec.TryEncode(0x10, 3, AckFlags.Acceptance, 8, 1, 7, appData, 0, appData.Length, copied, 4, out int copiedLength);

        var inPlace = new byte[40];
        appData.CopyTo(inPlace, 4 + TelecommandCodec.ApplicationDataOffset);
        var status = TelecommandCodec.TryEncode(0x10, 3, AckFlags.Acceptance, 8, 1, 7, inPlace, 4 + TelecommandCodec.ApplicationDataOffset, appData.Length, inPlace, 4, out int inPlaceLength);
        Assert.Equal(PacketStatus.Ok, status);
        Assert.Equal(copiedLength, inPlaceLength);
        Assert.Equal(copied, inPlace);
    }

    [Theory]
    [InlineData(2048, 0, 0)]
    [InlineData(0, 16384, 0)]
    [InlineData(0, 0, 0x10)]
    public void Encode_rejects_out_of_range_fields_and_writes_nothing(int apid, int sequenceCount, int ack)
    {
        var destination = SpacePacketHeaderTests.Filled(32);
        var status = TelecommandCodec.TryEncode((ushort)apid, (ushort)sequenceCount, (AckFlags)ack, 1, 1, 1, new byte[3], 0, 3, destination, 0, out int written);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, status);
        Assert.Equal(0, written);
        Assert.Equal(SpacePacketHeaderTests.Filled(32), destination);
    }

    [Fact]
    public void Encode_reports_bad_ranges_and_small_buffers_and_writes_nothing()
    {
        var destination = SpacePacketHeaderTests.Filled(20);
        var data = new byte[4];
        Assert.Equal(PacketStatus.BufferTooSmall, TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, data, 0, 4, destination, 4, out int written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, data, 2, 3, destination, 0, out written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, data, 0, -1, destination, 0, out written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, data, 0, 0, destination, 21, out written));
        Assert.Equal(0, written);
        Assert.Equal(SpacePacketHeaderTests.Filled(20), destination);
        Assert.Throws<ArgumentNullException>(() => TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, data, 0, 0, null!, 0, out _));
        Assert.Throws<ArgumentNullException>(() => TelecommandCodec.TryEncode(1, 1, AckFlags.All, 1, 1, 1, null!, 0, 1, destination, 0, out _));
        Assert.Throws<ArgumentNullException>(() => TelecommandCodec.TryDecode(null!, 0, 13, out _));
    }

    [Fact]
    public void A_telemetry_packet_is_the_wrong_type()
    {
        byte[] tm = new TmFields(1, 1, 3, 25, 0, 0, default, []).Encode();
        Assert.Equal(PacketStatus.WrongPacketType, TelecommandCodec.TryDecode(tm, 0, tm.Length, out var tc));
        Assert.Equal(default, tc);
    }
}
