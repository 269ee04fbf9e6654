using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class CobsTests
{
    // Cheshire & Baker (1999) and the Wikipedia COBS example table.
    [Theory]
    [InlineData("", "01")]
    [InlineData("00", "01 01")]
    [InlineData("00 00", "01 01 01")]
    [InlineData("00 11 00", "01 02 11 01")]
    [InlineData("11 22 00 33", "03 11 22 02 33")]
    [InlineData("11 22 33 44", "05 11 22 33 44")]
    [InlineData("11 00 00 00", "02 11 01 01 01")]
    public void Encodes_and_decodes_the_published_examples(string decoded, string encoded)
    {
        AssertExample(Hex.Bytes(decoded), Hex.Bytes(encoded));
    }

    [Fact]
    public void Example_254_non_zero_octets_needs_one_code_octet()
    {
        AssertExample(Hex.Run(0x01, 0xFE), Hex.Concat([0xFF], Hex.Run(0x01, 0xFE)));
    }

    [Fact]
    public void Example_255_octets_00_to_FE()
    {
        AssertExample(Hex.Run(0x00, 0xFE), Hex.Concat([0x01, 0xFF], Hex.Run(0x01, 0xFE)));
    }

    [Fact]
    public void Example_255_octets_01_to_FF()
    {
        AssertExample(Hex.Run(0x01, 0xFF), Hex.Concat([0xFF], Hex.Run(0x01, 0xFE), [0x02, 0xFF]));
    }

    [Fact]
    public void Example_255_octets_02_to_FF_then_00()
    {
        AssertExample(Hex.Concat(Hex.Run(0x02, 0xFF), [0x00]), Hex.Concat([0xFF], Hex.Run(0x02, 0xFF), [0x01, 0x01]));
    }

    [Fact]
    public void Example_255_octets_03_to_FF_then_00_01()
    {
        AssertExample(Hex.Concat(Hex.Run(0x03, 0xFF), [0x00, 0x01]), Hex.Concat([0xFE], Hex.Run(0x03, 0xFF), [0x02, 0x01]));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(1024)]
    public void All_zero_input_encodes_to_n_plus_1_ones(int n)
    {
        AssertExample(new byte[n], Enumerable.Repeat((byte)0x01, n + 1).ToArray());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(253, 254)]
    [InlineData(254, 255)]
    [InlineData(255, 257)]
    [InlineData(508, 510)]
    [InlineData(509, 512)]
    [InlineData(1024, 1029)]
    public void MaxEncodedLength_is_n_plus_ceiling_n_over_254_and_is_reached_by_non_zero_data(int n, int expected)
    {
        Assert.Equal(expected, Cobs.MaxEncodedLength(n));
        byte[] nonZero = Enumerable.Range(0, n).Select(i => (byte)(1 + (i % 255))).ToArray();
        var destination = new byte[expected];
        Assert.Equal(expected, Cobs.Encode(nonZero, 0, n, destination, 0));
    }

    [Fact]
    public void EncodeFrame_appends_the_delimiter()
    {
        var destination = new byte[8];
        int written = Cobs.EncodeFrame(Hex.Bytes("11 22 00 33"), 0, 4, destination, 1);
        Assert.Equal(6, written);
        Assert.Equal("00 03 11 22 02 33 00 00", Hex.Of(destination));
    }

    [Fact]
    public void Round_trip_overhead_is_at_most_one_octet_per_254_plus_the_delimiter_and_output_has_no_zero()
    {
        var gen = Gen.Frequency(
            (3, Gen.Byte.Array[0, 3000]),
            (2, Gen.OneOf(Gen.Const((byte)0), Gen.Const((byte)0xFF), Gen.Byte).Array[0, 1200]),
            (1, Gen.Byte[1, 255].Array[200, 800]));
        Prop.ForAll(gen, data =>
        {
            int n = data.Length;
            int bound = n + ((n + 253) / 254);
            var frame = new byte[Cobs.MaxEncodedLength(n) + 1 + 3];
            int written = Cobs.EncodeFrame(data, 0, n, frame, 3);
            Assert.InRange(written - 1, n + 1, Math.Max(1, bound));
            Assert.Equal(0, frame[3 + written - 1]);
            Assert.DoesNotContain((byte)0, frame.AsSpan(3, written - 1).ToArray());

            var decoded = new byte[n + 2];
            int length = Cobs.Decode(frame, 3, written - 1, decoded, 2);
            Assert.Equal(n, length);
            Assert.Equal(data, decoded.AsSpan(2, n).ToArray());
        }, seed: 0xC0B5, iterations: 400);
    }

    [Theory]
    [InlineData("")]
    [InlineData("00")]
    [InlineData("03 11")]
    [InlineData("05 11 22 33")]
    [InlineData("02 00")]
    [InlineData("03 11 00")]
    [InlineData("02 11 00 01")]
    [InlineData("FF 01")]
    public void Decode_reports_malformed_input(string encoded)
    {
        byte[] source = Hex.Bytes(encoded);
        Assert.Equal(Cobs.Malformed, Cobs.Decode(source, 0, source.Length, new byte[300], 0));
    }

    [Fact]
    public void Decode_reports_a_destination_too_small()
    {
        byte[] source = Hex.Bytes("05 11 22 33 44");
        Assert.Equal(Cobs.DestinationTooSmall, Cobs.Decode(source, 0, source.Length, new byte[3], 0));
        Assert.Equal(4, Cobs.Decode(source, 0, source.Length, new byte[4], 0));
        source = Hex.Bytes("03 11 22 02 33");
        Assert.Equal(Cobs.DestinationTooSmall, Cobs.Decode(source, 0, source.Length, new byte[2], 0));
    }

    [Fact]
    public void Decode_accepts_the_redundant_trailing_block_some_encoders_emit()
    {
        byte[] source = Hex.Concat([0xFF], Hex.Run(0x01, 0xFE), [0x01]);
        var decoded = new byte[source.Length];
        Assert.Equal(254, Cobs.Decode(source, 0, source.Length, decoded, 0));
        Assert.Equal(Hex.Run(0x01, 0xFE), decoded.AsSpan(0, 254).ToArray());
    }

    [Fact]
    public void Decode_never_throws_on_random_input()
    {
        Prop.ForAll(Gen.OneOf(Gen.Const((byte)0), Gen.Byte[1, 8], Gen.Byte).Array[0, 600], source =>
        {
            var decoded = new byte[source.Length];
            int length = Cobs.Decode(source, 0, source.Length, decoded, 0);
            Assert.True(length == Cobs.Malformed || (length >= 0 && length <= Math.Max(0, source.Length - 1)), $"length {length}");
            if (length >= 0)
            {
                // What decodes must re-encode to an equivalent frame.
                var again = new byte[Cobs.MaxEncodedLength(length)];
                int encodedLength = Cobs.Encode(decoded, 0, length, again, 0);
                var redecoded = new byte[encodedLength];
                Assert.Equal(length, Cobs.Decode(again, 0, encodedLength, redecoded, 0));
                Assert.Equal(decoded.AsSpan(0, length).ToArray(), redecoded.AsSpan(0, length).ToArray());
            }
        }, seed: 0xBAD, iterations: 2000);
    }

    [Fact]
    public void Programming_errors_throw()
    {
        var small = new byte[4];
        Assert.Throws<ArgumentNullException>(() => Cobs.Encode(null!, 0, 0, small, 0));
        Assert.Throws<ArgumentNullException>(() => Cobs.Encode(small, 0, 0, null!, 0));
        Assert.Throws<ArgumentNullException>(() => Cobs.Decode(null!, 0, 0, small, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cobs.Encode(small, 2, 3, new byte[10], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cobs.Decode(small, -1, 1, small, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cobs.Decode(small, 0, 1, small, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cobs.MaxEncodedLength(-1));
        Assert.Throws<ArgumentException>(() => Cobs.Encode(small, 0, 4, new byte[4], 0));
        Assert.Throws<ArgumentException>(() => Cobs.EncodeFrame(small, 0, 4, new byte[5], 0));
    }

    private static void AssertExample(byte[] decoded, byte[] encoded)
    {
        var destination = new byte[Cobs.MaxEncodedLength(decoded.Length) + 2];
        int written = Cobs.Encode(decoded, 0, decoded.Length, destination, 2);
        Assert.Equal(Hex.Of(encoded), Hex.Of(destination, 2, written));
        Assert.True(written <= Cobs.MaxEncodedLength(decoded.Length));

        var back = new byte[encoded.Length + 1];
        int length = Cobs.Decode(encoded, 0, encoded.Length, back, 1);
        Assert.Equal(decoded.Length, length);
        Assert.Equal(Hex.Of(decoded), Hex.Of(back, 1, length));
    }
}
