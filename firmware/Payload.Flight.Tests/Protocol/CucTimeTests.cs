using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class CucTimeTests
{
    [Fact]
    public void Is_four_octets_of_seconds_then_two_of_fraction_big_endian()
    {
        var time = new CucTime(0x01020304, 0x0506);
        var buffer = new byte[7];
        Assert.Equal(6, time.Write(buffer, 1));
        Assert.Equal("00 01 02 03 04 05 06", Hex.Of(buffer));
        Assert.Equal(PacketStatus.Ok, CucTime.TryRead(buffer, 1, 6, out var back));
        Assert.Equal(time, back);
    }

    [Theory]
    [InlineData(0L, 0u, 0)]
    [InlineData(1_500_000L, 1u, 32768)]
    [InlineData(15L, 0u, 1)]
    [InlineData(999_999L, 1u, 0)]
    [InlineData(4_294_967_295_999_992L, 4294967295u, 65535)]
    public void FromMicroseconds_rounds_to_the_nearest_fine_unit(long microseconds, uint coarse, int fine)
    {
        Assert.Equal(new CucTime(coarse, (ushort)fine), CucTime.FromMicroseconds(microseconds));
    }

    [Theory]
    [InlineData(0u, 0, 0L)]
    [InlineData(1u, 32768, 1_500_000L)]
    [InlineData(0u, 1, 15L)]
    [InlineData(0u, 65535, 999_985L)]
    [InlineData(4294967295u, 65535, 4_294_967_295_999_985L)]
    public void ToMicroseconds_rounds_to_the_nearest_microsecond(uint coarse, int fine, long microseconds)
    {
        Assert.Equal(microseconds, new CucTime(coarse, (ushort)fine).ToMicroseconds());
    }

    [Fact]
    public void Every_time_survives_a_trip_through_microseconds()
    {
        Prop.ForAll(PacketGen.Time, time => Assert.Equal(time, CucTime.FromMicroseconds(time.ToMicroseconds())), seed: 0xC0C, iterations: 2000);
    }

    [Fact]
    public void Microseconds_survive_a_trip_through_CUC_within_half_a_fine_unit()
    {
        Prop.ForAll(Gen.Long[0, CucTime.MaxMicroseconds], us =>
        {
            long back = CucTime.FromMicroseconds(us).ToMicroseconds();
            Assert.InRange(back - us, -8, 8);
        }, seed: 0x05EC, iterations: 2000);
    }

    [Fact]
    public void Out_of_range_microseconds_throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CucTime.FromMicroseconds(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CucTime.FromMicroseconds(CucTime.MaxMicroseconds + 1));
    }

    [Fact]
    public void Reads_and_writes_report_short_buffers_without_side_effects()
    {
        var buffer = SpacePacketHeaderTests.Filled(6);
        Assert.Equal(PacketStatus.TooShort, CucTime.TryRead(buffer, 1, 5, out var time));
        Assert.Equal(default, time);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, CucTime.TryRead(buffer, 1, 6, out time));
        Assert.Equal(PacketStatus.BufferTooSmall, new CucTime(1, 2).TryWrite(buffer, 1, 5, out int written));
        Assert.Equal(0, written);
        Assert.Equal(PacketStatus.ArgumentOutOfRange, new CucTime(1, 2).TryWrite(buffer, 1, 6, out written));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CucTime(1, 2).Write(buffer, 1));
        Assert.Equal(SpacePacketHeaderTests.Filled(6), buffer);
    }
}
