using System.Text;
using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class Crc16CcittTests
{
    [Fact]
    public void Check_value_of_123456789_is_0x29B1()
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        Assert.Equal(0x29B1, Crc16Ccitt.Compute(data, 0, data.Length));
    }

    // ECSS-E-70-41A annex A (CRC verification examples) and common CRC-16/CCITT-FALSE vectors.
    [Theory]
    [InlineData("", 0xFFFF)]
    [InlineData("00", 0xE1F0)]
    [InlineData("41", 0xB915)]
    [InlineData("00 00", 0x1D0F)]
    [InlineData("00 00 00", 0xCC9C)]
    [InlineData("AB CD EF 01", 0x04A2)]
    [InlineData("14 56 F8 9A 00 01", 0x7FD5)]
    public void Known_vectors(string hex, int expected)
    {
        byte[] data = Hex.Bytes(hex);
        Assert.Equal(expected, Crc16Ccitt.Compute(data, 0, data.Length));
    }

    [Fact]
    public void Honours_offset_and_count()
    {
        byte[] data = Hex.Concat(Hex.Bytes("FF FF FF"), Encoding.ASCII.GetBytes("123456789"), Hex.Bytes("EE"));
        Assert.Equal(0x29B1, Crc16Ccitt.Compute(data, 3, 9));
    }

    [Fact]
    public void Matches_a_bitwise_reference_and_can_be_computed_in_pieces()
    {
        var gen = Gen.Select(Gen.Byte.Array[0, 600], Gen.Int[0, 600]);
        Prop.ForAll(gen, t =>
        {
            var (data, cut) = t;
            int split = Math.Min(cut, data.Length);
            ushort whole = Crc16Ccitt.Compute(data, 0, data.Length);
            Assert.Equal(BitwiseReference(data), whole);
            ushort pieces = Crc16Ccitt.Update(Crc16Ccitt.Update(Crc16Ccitt.Initial, data, 0, split), data, split, data.Length - split);
            Assert.Equal(whole, pieces);
        }, seed: 0x16C1);
    }

    [Fact]
    public void Programming_errors_throw()
    {
        Assert.Throws<ArgumentNullException>(() => Crc16Ccitt.Compute(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crc16Ccitt.Compute(new byte[4], 3, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crc16Ccitt.Compute(new byte[4], -1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crc16Ccitt.Compute(new byte[4], 0, -1));
    }

    private static ushort BitwiseReference(byte[] data)
    {
        int crc = 0xFFFF;
        foreach (byte b in data)
        {
            crc ^= b << 8;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
                crc &= 0xFFFF;
            }
        }

        return (ushort)crc;
    }
}
