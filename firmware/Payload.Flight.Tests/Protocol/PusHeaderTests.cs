using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class PusHeaderTests
{
    [Fact]
    public void Tc_header_layout()
    {
        var header = new PusTcHeader(AckFlags.All, 17, 1, 0x1234);
        var buffer = new byte[5];
        Assert.Equal(5, header.Write(buffer, 0));
        Assert.Equal("2F 11 01 12 34", Hex.Of(buffer));
        Assert.Equal(PacketStatus.Ok, PusTcHeader.TryRead(buffer, 0, 5, out var back));
        Assert.Equal(header, back);
    }

    // ECSS-E-ST-70-41C 7.4.3.1: the last bit of the 4-bit field is acceptance, the first is completion.
    [Theory]
    [InlineData(AckFlags.None, 0x20)]
    [InlineData(AckFlags.Acceptance, 0x21)]
    [InlineData(AckFlags.Start, 0x22)]
    [InlineData(AckFlags.Progress, 0x24)]
    [InlineData(AckFlags.Completion, 0x28)]
    [InlineData(AckFlags.Acceptance | AckFlags.Completion, 0x29)]
    [InlineData(AckFlags.All, 0x2F)]
    public void Ack_flags_sit_in_the_low_nibble_acceptance_least_significant(AckFlags flags, int firstOctet)
    {
        var buffer = new byte[5];
        new PusTcHeader(flags, 1, 1, 0).Write(buffer, 0);
        Assert.Equal(firstOctet, buffer[0]);
        Assert.Equal(PacketStatus.Ok, PusTcHeader.TryRead(buffer, 0, 5, out var back));
        Assert.Equal(flags, back.AckFlags);
    }

    [Fact]
    public void Tm_header_layout()
    {
        var header = new PusTmHeader(5, 3, 25, 0x0102, 0x0304, new CucTime(0x0A0B0C0D, 0x0E0F));
        var buffer = new byte[13];
        Assert.Equal(13, header.Write(buffer, 0));
        Assert.Equal("25 03 19 01 02 03 04 0A 0B 0C 0D 0E 0F", Hex.Of(buffer));
        Assert.Equal(PacketStatus.Ok, PusTmHeader.TryRead(buffer, 0, 13, out var back));
        Assert.Equal(header, back);
    }

    [Theory]
    [InlineData(0x0F)]
    [InlineData(0x1F)]
    [InlineData(0x3F)]
    [InlineData(0xFF)]
    public void Readers_reject_a_PUS_version_other_than_2(int firstOctet)
    {
        byte[] tc = Hex.Bytes("2F 11 01 12 34");
        tc[0] = (byte)firstOctet;
        Assert.Equal(PacketStatus.BadPusVersion, PusTcHeader.TryRead(tc, 0, 5, out var tcHeader));
        Assert.Equal(default, tcHeader);

        byte[] tm = Hex.Bytes("20 03 19 01 02 03 04 0A 0B 0C 0D 0E 0F");
        tm[0] = (byte)firstOctet;
        Assert.Equal(PacketStatus.BadPusVersion, PusTmHeader.TryRead(tm, 0, 13, out var tmHeader));
        Assert.Equal(default, tmHeader);
    }

    [Fact]
    public void Readers_report_a_secondary_header_too_short()
    {
        byte[] buffer = Hex.Bytes("20 03 19 01 02 03 04 0A 0B 0C 0D 0E 0F");
        Assert.Equal(PacketStatus.SecondaryHeaderTooShort, PusTcHeader.TryRead(buffer, 0, 4, out var tc));
        Assert.Equal(default, tc);
        Assert.Equal(PacketStatus.SecondaryHeaderTooShort, PusTmHeader.TryRead(buffer, 0, 12, out var tm));
        Assert.Equal(default, tm);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, PusTcHeader.TryRead(buffer, 10, 5, out _));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, PusTmHeader.TryRead(buffer, 1, 13, out _));
        Assert.Throws<ArgumentNullException>(() => PusTcHeader.TryRead(null!, 0, 5, out _));
        Assert.Throws<ArgumentNullException>(() => PusTmHeader.TryRead(null!, 0, 13, out _));
    }

    [Fact]
    public void Writers_reject_bad_fields_and_write_nothing()
    {
        var buffer = SpacePacketHeaderTests.Filled(13);
        Assert.Equal(PacketStatus.BadPusVersion, default(PusTcHeader).TryWrite(buffer, 0, 13, out int written));
        Assert.Equal(PacketStatus.BadPusVersion, default(PusTmHeader).TryWrite(buffer, 0, 13, out written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, new PusTcHeader((AckFlags)0x10, 1, 1, 1).TryWrite(buffer, 0, 13, out written));
        Assert.Equal(PacketStatus.ArgumentOutOfRange, new PusTmHeader(16, 1, 1, 1, 1, default).TryWrite(buffer, 0, 13, out written));
        Assert.Equal(PacketStatus.BufferTooSmall, new PusTcHeader(AckFlags.All, 1, 1, 1).TryWrite(buffer, 0, 4, out written));
        Assert.Equal(PacketStatus.BufferTooSmall, new PusTmHeader(0, 1, 1, 1, 1, default).TryWrite(buffer, 1, 12, out written));
        Assert.Equal(0, written);
        Assert.Throws<ArgumentOutOfRangeException>(() => default(PusTcHeader).Write(buffer, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PusTmHeader(0, 1, 1, 1, 1, default).Write(buffer, 1));
        Assert.Equal(SpacePacketHeaderTests.Filled(13), buffer);
    }
}
