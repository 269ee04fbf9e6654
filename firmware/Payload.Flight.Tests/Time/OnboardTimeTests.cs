using Payload.Flight.Protocol;
using Payload.Flight.Time;

namespace Payload.Flight.Tests.Time;

public class OnboardTimeTests
{
    [Fact]
    public void Mission_time_is_monotonic_time_plus_the_offset()
    {
        var time = new OnboardTime { OffsetMicroseconds = 1_000_000_000 };
        time.Advance(2_500_000);

        Assert.Equal(1_002_500_000, time.MissionMicroseconds);
        Assert.Equal(new CucTime(1002, 32768), time.Now);
    }

    [Fact]
    public void Time_never_goes_backwards_within_a_boot()
    {
        var time = new OnboardTime();
        time.Advance(5_000);
        time.Advance(4_000);

        Assert.Equal(5_000, time.MonotonicMicroseconds);
    }

    [Theory]
    [InlineData(-10_000_000L, 0u)]
    [InlineData(long.MaxValue / 2, uint.MaxValue)]
    public void Out_of_range_mission_time_is_held_at_the_ends_of_the_cuc_range(long offset, uint expectedCoarse)
    {
        var time = new OnboardTime { OffsetMicroseconds = offset };
        time.Advance(1_000);

        Assert.Equal(expectedCoarse, time.Now.Coarse);
    }
}
