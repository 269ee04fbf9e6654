using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class BigEndianTests
{
    [Fact]
    public void UInt16_is_most_significant_octet_first()
    {
        var buffer = new byte[4];
        BigEndian.WriteUInt16(buffer, 1, 0xABCD);
        Assert.Equal("00 AB CD 00", Hex.Of(buffer));
        Assert.Equal(0xABCD, BigEndian.ReadUInt16(buffer, 1));
    }

    [Fact]
    public void UInt32_reads_back_values_above_int_max_as_positive()
    {
        var buffer = new byte[5];
        BigEndian.WriteUInt32(buffer, 1, 0xFEDCBA98L);
        Assert.Equal("00 FE DC BA 98", Hex.Of(buffer));
        Assert.Equal(0xFEDCBA98L, BigEndian.ReadUInt32(buffer, 1));
    }

    [Fact]
    public void UInt48_is_most_significant_octet_first()
    {
        var buffer = new byte[6];
        BigEndian.WriteUInt48(buffer, 0, 0xFFEEDDCCBBAAL);
        Assert.Equal("FF EE DD CC BB AA", Hex.Of(buffer));
        Assert.Equal(0xFFEEDDCCBBAAL, BigEndian.ReadUInt48(buffer, 0));
    }

    [Fact]
    public void Writers_keep_only_the_low_bits()
    {
        var buffer = new byte[6];
        BigEndian.WriteUInt16(buffer, 0, 0x12345);
        Assert.Equal(0x2345, BigEndian.ReadUInt16(buffer, 0));
        BigEndian.WriteUInt48(buffer, 0, 0x7F_0102_0304_0506L);
        Assert.Equal(0x0102_0304_0506L, BigEndian.ReadUInt48(buffer, 0));
    }

    [Fact]
    public void Round_trips_agree_with_the_framework()
    {
        Prop.ForAll(Gen.Select(Gen.UInt, Gen.ULong[0, (1UL << 48) - 1]), t =>
        {
            var (u32, u48) = t;
            var buffer = new byte[8];
            BigEndian.WriteUInt32(buffer, 0, u32);
            Assert.Equal(u32, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(buffer));
            Assert.Equal((long)u32, BigEndian.ReadUInt32(buffer, 0));
            BigEndian.WriteUInt48(buffer, 2, (long)u48);
            Assert.Equal((long)u48, BigEndian.ReadUInt48(buffer, 2));
            Assert.Equal(u48, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(buffer) & 0xFFFF_FFFF_FFFFUL);
        }, seed: 0xBE);
    }
}
