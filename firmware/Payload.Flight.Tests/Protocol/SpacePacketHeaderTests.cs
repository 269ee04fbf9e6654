using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class SpacePacketHeaderTests
{
    [Fact]
    public void Writes_the_CCSDS_bit_layout()
    {
        var header = new SpacePacketHeader(PacketType.Telecommand, true, 0x123, SequenceFlags.Unsegmented, 0x1ABC, 0x0010);
        var buffer = new byte[8];
        Assert.Equal(6, header.Write(buffer, 1));
        Assert.Equal("00 19 23 DA BC 00 10 00", Hex.Of(buffer));
        Assert.Equal(6 + 0x10 + 1, header.TotalPacketLength);
        Assert.Equal(0x11, header.DataFieldLength);
    }

    [Fact]
    public void Reads_the_CCSDS_bit_layout()
    {
        byte[] buffer = Hex.Bytes("FF 08 42 40 07 01 02");
        Assert.Equal(PacketStatus.Ok, SpacePacketHeader.TryRead(buffer, 1, 6, out var header));
        Assert.Equal(0, header.Version);
        Assert.Equal(PacketType.Telemetry, header.Type);
        Assert.True(header.HasSecondaryHeader);
        Assert.Equal(0x042, header.Apid);
        Assert.Equal(SequenceFlags.First, header.SequenceFlags);
        Assert.Equal(7, header.SequenceCount);
        Assert.Equal(0x0102, header.DataLength);
        Assert.Equal(6 + 0x0102 + 1, header.TotalPacketLength);
    }

    [Fact]
    public void Round_trips_every_field_value()
    {
        var gen = Gen.Select(Gen.Bool, Gen.Bool, PacketGen.Apid, Gen.Int[0, 3], PacketGen.SequenceCount, Gen.UShort);
        Prop.ForAll(gen, t =>
        {
            var (tc, secondary, apid, flags, count, length) = t;
            var header = new SpacePacketHeader(tc ? PacketType.Telecommand : PacketType.Telemetry, secondary, apid, (SequenceFlags)flags, count, length);
            var buffer = new byte[6];
            Assert.Equal(PacketStatus.Ok, header.TryWrite(buffer, 0, 6, out int written));
            Assert.Equal(6, written);
            Assert.Equal(PacketStatus.Ok, SpacePacketHeader.TryRead(buffer, 0, 6, out var back));
            Assert.Equal(header, back);
        }, seed: 0x5A);
    }

    [Fact]
    public void Extreme_field_values_round_trip()
    {
        var header = new SpacePacketHeader(PacketType.Telecommand, true, 2047, SequenceFlags.Unsegmented, 16383, 65535);
        var buffer = new byte[6];
        header.Write(buffer, 0);
        Assert.Equal("1F FF FF FF FF FF", Hex.Of(buffer));
        Assert.Equal(PacketStatus.Ok, SpacePacketHeader.TryRead(buffer, 0, 6, out var back));
        Assert.Equal(header, back);
        Assert.Equal(65542, back.TotalPacketLength);
    }

    [Theory]
    [InlineData(2048, 0, 0, 0, PacketStatus.ArgumentOutOfRange)]
    [InlineData(0, 16384, 0, 0, PacketStatus.ArgumentOutOfRange)]
    [InlineData(0, 0, 2, 0, PacketStatus.ArgumentOutOfRange)]
    [InlineData(0, 0, 0, 4, PacketStatus.ArgumentOutOfRange)]
    [InlineData(0, 0, 0, -1, PacketStatus.ArgumentOutOfRange)]
    public void Writers_reject_out_of_range_fields_instead_of_masking_them(int apid, int count, int type, int flags, PacketStatus expected)
    {
        var header = new SpacePacketHeader((PacketType)type, true, (ushort)apid, (SequenceFlags)flags, (ushort)count, 0);
        var buffer = Filled(6);
        Assert.Equal(expected, header.TryWrite(buffer, 0, 6, out int written));
        Assert.Equal(0, written);
        Assert.Equal(Filled(6), buffer);
        Assert.Throws<ArgumentOutOfRangeException>(() => header.Write(buffer, 0));
        Assert.Equal(Filled(6), buffer);
    }

    [Fact]
    public void Writers_reject_a_version_other_than_0()
    {
        var header = new SpacePacketHeader(PacketType.Telemetry, true, 1, SequenceFlags.Unsegmented, 1, 1) { Version = 1 };
        var buffer = Filled(6);
        Assert.Equal(PacketStatus.BadVersion, header.TryWrite(buffer, 0, 6, out int written));
        Assert.Equal(0, written);
        Assert.Equal(Filled(6), buffer);
    }

    [Fact]
    public void Writers_report_too_little_room_and_a_range_outside_the_buffer()
    {
        var header = new SpacePacketHeader(PacketType.Telemetry, true, 1, SequenceFlags.Unsegmented, 1, 1);
        var buffer = Filled(8);
        Assert.Equal(PacketStatus.BufferTooSmall, header.TryWrite(buffer, 3, 5, out int written));
        Assert.Equal(0, written);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, header.TryWrite(buffer, 3, 6, out written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, header.TryWrite(buffer, -1, 6, out written));
        Assert.Equal(Filled(8), buffer);
        Assert.Throws<ArgumentOutOfRangeException>(() => header.Write(buffer, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => header.Write(buffer, 9));
        Assert.Throws<ArgumentNullException>(() => header.Write(null!, 0));
        Assert.Equal(Filled(8), buffer);
    }

    [Fact]
    public void A_failed_read_sets_only_its_out_value()
    {
        byte[] buffer = Hex.Bytes("08 42 C0 07 00 10");
        byte[] copy = (byte[])buffer.Clone();
        Assert.Equal(PacketStatus.TooShort, SpacePacketHeader.TryRead(buffer, 0, 5, out var header));
        Assert.Equal(default, header);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, SpacePacketHeader.TryRead(buffer, 1, 6, out header));
        Assert.Equal(default, header);
        buffer[0] |= 0x20;
        copy[0] |= 0x20;
        Assert.Equal(PacketStatus.BadVersion, SpacePacketHeader.TryRead(buffer, 0, 6, out header));
        Assert.Equal(default, header);
        Assert.Equal(copy, buffer);
        Assert.Throws<ArgumentNullException>(() => SpacePacketHeader.TryRead(null!, 0, 6, out _));
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x40)]
    [InlineData(0x80)]
    [InlineData(0xE0)]
    public void Every_non_zero_version_is_rejected(int versionBits)
    {
        byte[] buffer = Hex.Bytes("08 42 C0 07 00 10");
        buffer[0] |= (byte)versionBits;
        Assert.Equal(PacketStatus.BadVersion, SpacePacketHeader.TryRead(buffer, 0, 6, out _));
    }

    internal static byte[] Filled(int length) => Enumerable.Repeat((byte)0xA5, length).ToArray();
}
