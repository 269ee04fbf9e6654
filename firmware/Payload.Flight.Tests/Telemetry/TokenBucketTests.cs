using CsCheck;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Telemetry;

public class TokenBucketTests
{
    [Fact]
    public void Tokens_earned_over_irregular_steps_are_exactly_the_rate_times_the_elapsed_time_rounded_down()
    {
        var steps = Gen.Int[1, 25_000].Array[1, 400];
        Prop.ForAll(Gen.Select(Gen.Int[1, 200_000], steps), input =>
        {
            var (rate, gaps) = input;
            var bucket = new TokenBucket(rate, long.MaxValue / 4, 0);
            bucket.Spend(int.MaxValue);
            long start = bucket.Tokens;
            long now = 1_000;
            bucket.Refill(now);
            foreach (int gap in gaps)
            {
                now += gap;
                bucket.Refill(now);
                Assert.Equal((long)rate * (now - 1_000) / 1_000_000, bucket.Tokens - start);
            }
        }, seed: 1501);
    }

    [Fact]
    public void Tokens_stop_at_the_cap_and_a_release_may_overdraw_down_to_the_overdraft()
    {
        var bucket = new TokenBucket(11_520, 0, 116);
        bucket.Refill(0);
        bucket.Refill(5_000_000);
        Assert.Equal(0, bucket.Tokens);
        Assert.True(bucket.MayRelease);

        bucket.Spend(115);
        Assert.True(bucket.MayRelease);
        bucket.Spend(1);
        Assert.False(bucket.MayRelease);

        // 116 bytes at 11 520 B/s take 10 069.4 µs.
        bucket.Refill(5_010_069);
        Assert.Equal(-1, bucket.Tokens);
        bucket.Refill(5_010_070);
        Assert.Equal(0, bucket.Tokens);
    }

    [Fact]
    public void A_clock_that_goes_backwards_earns_nothing()
    {
        var bucket = new TokenBucket(1_000, 100, 0);
        bucket.Refill(1_000_000);
        bucket.Spend(100);
        bucket.Refill(500_000);
        Assert.Equal(0, bucket.Tokens);
        bucket.Refill(1_010_000);
        Assert.Equal(10, bucket.Tokens);
    }

    [Fact]
    public void Gaps_of_days_do_not_overflow()
    {
        var bucket = new TokenBucket(92_160, 1_000, 0);
        bucket.Refill(0);
        bucket.Spend(5_000);
        bucket.Refill(30L * 24 * 3600 * 1_000_000);
        Assert.Equal(1_000, bucket.Tokens);
    }
}
