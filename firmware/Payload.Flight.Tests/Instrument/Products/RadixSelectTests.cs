using CsCheck;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>Radix selection gives what sorting gives, leaves its input alone and allocates nothing.</summary>
public class RadixSelectTests
{
    [Fact]
    public void Select_matches_the_sorted_order_inside_the_range()
    {
        var select = new RadixSelect();
        var gen = Gen.Select(Gen.Int[0, int.MaxValue].Array[1, 300], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, 400]);
        Prop.ForAll(gen, t =>
        {
            var (values, a, b, k) = t;
            int low = Math.Min(a, b), high = Math.Max(a, b);
            var copy = (int[])values.Clone();
            var sorted = values.Where(v => v >= low && v <= high).Order().ToArray();
            int expected = k < sorted.Length ? sorted[k] : -1;
            Assert.Equal(expected, select.Select(values, 0, values.Length, low, high, k));
            Assert.Equal(sorted.Length, RadixSelect.CountInRange(values, 0, values.Length, low, high));
            Assert.Equal(copy, values);
        }, seed: 21, iterations: 1000);
    }

    [Fact]
    public void Median_of_a_small_range_of_pri_values()
    {
        var select = new RadixSelect();
        int[] deltas = [0, 48_480, 48_490, 48_485, 96_970, 48_470, 4_000, 48_500];
        // In [40 000, 60 000]: 48 470, 48 480, 48 485, 48 490, 48 500 → lower median (k = 2) is 48 485.
        Assert.Equal(48_485, select.Select(deltas, 0, deltas.Length, 40_000, 60_000, 2));
        Assert.Equal(48_470, select.Select(deltas, 1, deltas.Length - 1, 40_000, 60_000, 0));
        Assert.Equal(-1, select.Select(deltas, 0, deltas.Length, 40_000, 60_000, 5));
    }

    [Fact]
    public void Select_allocates_nothing()
    {
        var select = new RadixSelect();
        var values = Enumerable.Range(0, 50_000).Select(i => 48_000 + (i * 7919) % 1000).ToArray();
        select.Select(values, 0, values.Length, 0, int.MaxValue, 25_000);
        long before = GC.GetAllocatedBytesForCurrentThread();
        int median = 0;
        for (int i = 0; i < 20; i++)
        {
            median = select.Select(values, 0, values.Length, 0, int.MaxValue, 24_999);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(values.Order().ElementAt(24_999), median);
    }
}
