using Payload.Flight.Devices.Mcp3208;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Devices.Mcp3208;

/// <summary>The frame definition the driver and the chip model share.</summary>
public class Mcp3208FrameTests
{
    [Fact]
    public void The_clock_positions_are_the_datasheets()
    {
        // Start bit on clock 0, SGL/DIFF 1, D2..D0 2..4, sample 5, null bit 6, B11..B0 7..18, LSB first B1..B11 19..29.
        Assert.Equal(1, Mcp3208Frame.ModeBitClock);
        Assert.Equal(4, Mcp3208Frame.LastConfigurationClock);
        Assert.Equal(6, Mcp3208Frame.NullBitClock);
        Assert.Equal(7, Mcp3208Frame.FirstDataClock);
        Assert.Equal(19, Mcp3208Frame.LsbFirstClock);
        Assert.Equal(30, Mcp3208Frame.TrailingZerosClock);
        // The driver's three bytes put the start bit on clock 5 of 24, so B0 is the last bit clocked.
        Assert.Equal(3 * 8, 5 + Mcp3208Frame.FirstDataClock + Mcp3208Frame.ResolutionBits);
        Assert.Equal(Mcp3208Frame.CodeCount - 1, Mcp3208Frame.MaxCode);
    }

    [Fact]
    public void Encode_writes_at_the_offset_and_nowhere_else()
    {
        byte[] buffer = Hex.Bytes("AA AA AA AA AA");

        Mcp3208Frame.Encode(true, 5, buffer, 1);

        Assert.Equal("AA 07 40 00 AA", Hex.Of(buffer));
    }

    [Fact]
    public void Encode_refuses_bad_arguments_naming_them()
    {
        var buffer = new byte[3];
        Assert.Equal("configuration", Assert.Throws<ArgumentOutOfRangeException>(() => Mcp3208Frame.Encode(true, 8, buffer, 0)).ParamName);
        Assert.Equal("configuration", Assert.Throws<ArgumentOutOfRangeException>(() => Mcp3208Frame.Encode(false, -1, buffer, 0)).ParamName);
        Assert.Equal("buffer", Assert.Throws<ArgumentNullException>(() => Mcp3208Frame.Encode(true, 0, null!, 0)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => Mcp3208Frame.Encode(true, 0, buffer, 1)).ParamName);
        Assert.Equal("offset", Assert.Throws<ArgumentOutOfRangeException>(() => Mcp3208Frame.Encode(true, 0, buffer, -1)).ParamName);
    }

    [Fact]
    public void The_result_and_null_bit_are_read_at_the_offset()
    {
        byte[] frame = Hex.Bytes("FF FF E5 7A FF");

        Assert.True(Mcp3208Frame.HasNullBit(frame, 1));
        Assert.Equal(0x57A, Mcp3208Frame.ResultOf(frame, 1));
        Assert.False(Mcp3208Frame.HasNullBit(frame, 2));
    }
}
