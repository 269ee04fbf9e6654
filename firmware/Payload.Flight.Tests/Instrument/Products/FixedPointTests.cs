using System.Numerics;
using CsCheck;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>The integer square root, the 128-bit a·b/c and the CORDIC atan against exact or double references.</summary>
public class FixedPointTests
{
    /// <summary>Largest |error| of <see cref="FixedPoint.Atan2"/> the doc comment promises, radians.</summary>
    private const double AtanBoundRad = 1e-9;

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(1L, 1L)]
    [InlineData(3L, 1L)]
    [InlineData(4L, 2L)]
    [InlineData(99L, 9L)]
    [InlineData(100L, 10L)]
    [InlineData(-5L, 0L)]
    [InlineData(long.MaxValue, 3037000499L)]
    [InlineData(3037000499L * 3037000499L, 3037000499L)]
    [InlineData(3037000499L * 3037000499L - 1, 3037000498L)]
    public void Sqrt_is_the_exact_floor(long value, long root)
    {
        Assert.Equal(root, FixedPoint.Sqrt(value));
    }

    [Fact]
    public void Sqrt_is_the_floor_for_random_values()
    {
        Prop.ForAll(Gen.Long[0, long.MaxValue], v =>
        {
            long r = FixedPoint.Sqrt(v);
            BigInteger big = r;
            Assert.True(big * big <= v && (big + 1) * (big + 1) > v, $"sqrt({v}) = {r}");
        }, seed: 11, iterations: 2000);
    }

    [Fact]
    public void MulDiv_rounds_the_exact_128_bit_quotient_to_nearest()
    {
        Prop.ForAll(Gen.Select(Gen.Long, Gen.Long, Gen.Long[1, long.MaxValue], Gen.Bool), t =>
        {
            var (a, b, c, negate) = t;
            if (negate)
            {
                c = -c;
            }

            BigInteger product = (BigInteger)a * b;
            BigInteger quotient = BigInteger.Divide(BigInteger.Abs(product) + BigInteger.Abs((BigInteger)c) / 2, BigInteger.Abs(c));
            if ((product.Sign < 0) ^ (c < 0))
            {
                quotient = -quotient;
            }

            long actual = FixedPoint.MulDiv(a, b, c);
            if (BigInteger.Abs(quotient) <= long.MaxValue)
            {
                Assert.Equal((long)quotient, actual);
            }
            else
            {
                Assert.Equal(quotient.Sign > 0 ? long.MaxValue : -long.MaxValue, actual);
            }
        }, seed: 12, iterations: 5000);
    }

    [Theory]
    [InlineData(7L, 3L, 2L, 11L)]     // 10.5 rounds away from zero
    [InlineData(-7L, 3L, 2L, -11L)]
    [InlineData(5L, 1L, 3L, 2L)]      // 1.67
    [InlineData(long.MaxValue, long.MaxValue, long.MaxValue, long.MaxValue)]
    [InlineData(long.MinValue, 1L, -1L, long.MaxValue)] // 2^63 does not fit: saturates
    [InlineData(1L, 1L, 0L, long.MaxValue)]
    public void MulDiv_examples(long a, long b, long c, long expected)
    {
        Assert.Equal(expected, FixedPoint.MulDiv(a, b, c));
    }

    [Fact]
    public void Atan2_stays_within_its_bound_over_the_half_plane()
    {
        double worst = 0;
        Prop.ForAll(Gen.Select(Gen.Long[-(1L << 50), 1L << 50], Gen.Long[1, 1L << 50]), t =>
        {
            var (y, x) = t;
            double expected = Math.Atan2(y, x);
            double actual = FixedPoint.Atan2(y, x) / (double)FixedPoint.OneQ30;
            worst = Math.Max(worst, Math.Abs(actual - expected));
            Assert.True(Math.Abs(actual - expected) <= AtanBoundRad, $"atan2({y}, {x}): {actual} vs {expected}");
        }, seed: 13, iterations: 5000);
        Assert.True(worst > 0, "the comparison ran");
    }

    [Fact]
    public void Atan2_is_accurate_for_beam_sized_angles()
    {
        // What the products use: v_g·half width against R0·80 MHz, angles of 0.05°–1° (S-1 to NISAR).
        foreach (double halfWidthS in new[] { 0.1, 0.25, 1.2, 1.35, 3.0 })
        {
            long y = (long)(6700 * halfWidthS * 80e6);
            long x = 914_000L * 80_000_000;
            double expected = Math.Atan((double)y / x);
            double actual = FixedPoint.Atan2(y, x) / (double)FixedPoint.OneQ30;
            Assert.InRange(actual - expected, -AtanBoundRad, AtanBoundRad);
        }
    }

    [Theory]
    [InlineData(0L, 0L)]
    [InlineData(-5L, 0L)]
    public void Atan2_needs_a_positive_x(long x, long expected)
    {
        Assert.Equal(expected, FixedPoint.Atan2(1, x));
    }

    [Fact]
    public void MicroDegrees_converts_radians()
    {
        long quarterTurnQ30 = (long)Math.Round(Math.PI / 2 * FixedPoint.OneQ30);
        Assert.Equal(90_000_000.0, FixedPoint.MicroDegrees(quarterTurnQ30), 1.0);
        Assert.Equal(-57_295_780.0, FixedPoint.MicroDegrees(-FixedPoint.OneQ30), 1.0);
    }
}
