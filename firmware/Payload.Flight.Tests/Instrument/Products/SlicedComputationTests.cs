using System.Diagnostics;
using System.Reflection;
using CsCheck;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Tests.Support;
using Xunit.Abstractions;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>
/// The products computed a slice per step: the same octets and fields as in one call for any budget, bounded work per
/// step, no allocation. (That the sliced algorithm gives what the one-call algorithm before it gave was checked against
/// a copy of the old code when slicing came in; PassAccumulatorTests and the ground recomputation pin the values.)
/// </summary>
public class SlicedComputationTests(ITestOutputHelper output)
{
    private const int Saturated = (int)PulseFlags.Saturated;
    private const int Truncated = (int)PulseFlags.Truncated;
    private const int Overlapping = (int)PulseFlags.Overlapping;
    private static readonly int[] Budgets = [1, 7, 100, 10_000];

    private static ProductSettings Settings() => new() { PulseCapacity = 40_000, BinCapacity = 6000 };

    private readonly record struct Pulse(long Toa, int Width, int Code, int Flags);

    /// <summary>
    /// A synthetic pass: a sinc² beam (sidelobes included) seen above a detection threshold, with PRI dither, dropped pulses,
    /// burst gaps, second chirps and echoes (satellites), other sub-swaths' PRIs, saturation at the top, and flags.
    /// </summary>
    private static Pulse[] SyntheticPass(int seed, int maxPulses)
    {
        var random = new Random(seed);
        int pulses = random.Next(maxPulses + 1);
        int[] pris = [48_485, 55_112, 46_590, 20_000, 79_000];
        int pri = pris[random.Next(pris.Length)];
        int otherPri = pris[random.Next(pris.Length)];
        double seconds = pulses * (double)pri / 80e6;
        double beamSeconds = seconds * (0.03 + random.NextDouble() * 0.3);
        double peakSeconds = seconds * (0.2 + random.NextDouble() * 0.6);
        double threshold = -15 - random.NextDouble() * 25;
        int peakCode = 20_000 + random.Next(40_000);
        int clipCode = random.Next(3) == 0 ? peakCode - random.Next(3000) : 65_536;
        double dither = random.Next(2) == 0 ? 0 : 0.01;
        double dropRate = random.NextDouble() * 0.05;
        double satelliteRate = random.Next(3) == 0 ? random.NextDouble() * 0.5 : 0;
        bool bursts = random.Next(4) == 0;
        long firstToa = random.Next(4) == 0 ? (1L << 48) - (long)random.Next(1_000_000_000) : random.Next(1_000_000_000);
        var list = new List<Pulse>();
        long t = 0;
        for (int i = 0; i < pulses; i++)
        {
            bool other = bursts && (i / 600) % 3 != 1;
            int step = other ? otherPri : pri;
            t += (long)(step * (1 + dither * (random.NextDouble() * 2 - 1)));
            if (random.Next(500) == 0)
            {
                t += (long)(random.NextDouble() * 2e8); // a burst gap up to 2.5 s
            }

            double x = (t / 80e6 - peakSeconds) / beamSeconds * 2.78;
            double sinc = Math.Abs(x) < 1e-9 ? 1 : Math.Sin(x) / x;
            double db = 10 * Math.Log10(sinc * sinc + 1e-12) + (other ? -6 : 0) + (random.NextDouble() - 0.5);
            if (db < threshold || random.NextDouble() < dropRate)
            {
                continue;
            }

            int code = (int)(peakCode + 655.36 * db);
            int flags = random.Next(50) == 0 ? Truncated : 0;
            if (random.Next(80) == 0)
            {
                flags |= Overlapping;
            }

            if (code >= clipCode)
            {
                code = 65_535;
                flags |= Saturated;
            }

            list.Add(new Pulse(firstToa + t, 3200 + random.Next(20), Math.Clamp(code, 0, 65_535), flags));
            if (random.NextDouble() < satelliteRate)
            {
                list.Add(new Pulse(firstToa + t + 2000 + random.Next(8000), 1600, Math.Max(0, code - 3000), 0));
            }
        }

        return [.. list];
    }

    /// <summary>Passes at the edges: empty, one pulse, no train (all satellites, all gaps), everything saturated, one cluster of two pulses.</summary>
    private static IEnumerable<(string Name, Pulse[] Pulses)> EdgePasses()
    {
        yield return ("empty", []);
        yield return ("one pulse", [new Pulse(1000, 3200, 30_000, 0)]);
        yield return ("satellites only", Enumerable.Range(0, 500).Select(i => new Pulse(i * 3000L, 1600, 20_000 + i, 0)).ToArray());
        yield return ("gaps only", Enumerable.Range(0, 300).Select(i => new Pulse(i * 400_000L, 3200, 20_000 + 10 * i, 0)).ToArray());
        yield return ("all saturated", Enumerable.Range(0, 4000).Select(i => new Pulse(i * 48_485L, 3200, 65_535, Saturated)).ToArray());
        yield return ("saturated top", Enumerable.Range(0, 8000).Select(i =>
        {
            int code = 40_000 - Math.Abs(i - 4000) * 4;
            return code > 38_000 ? new Pulse(i * 48_485L, 3200, 65_535, Saturated) : new Pulse(i * 48_485L, 3200, code, 0);
        }).ToArray());
        yield return ("first after gaps with satellites", Enumerable.Range(0, 6000).SelectMany(i =>
        {
            long toa = i * 48_485L + (i / 200) * 200_000_000L;
            int code = 40_000 - Math.Abs(i - 3000) * 3;
            return new[] { new Pulse(toa, 3200, code, 0), new Pulse(toa + 4000, 1600, code - 2000, 0), new Pulse(toa + 9000, 1600, code - 4000, 0) };
        }).ToArray());
    }

    private static void Load(PassAccumulator accumulator, Pulse[] pulses)
    {
        accumulator.Reset();
        foreach (var p in pulses) accumulator.Add(p.Toa, p.Width, p.Code, p.Flags);
    }

    /// <summary>Steps the computation with <paramref name="budget"/>; asserts each step's bound; returns the steps taken.</summary>
    private static int Sliced(PassAccumulator accumulator, int budget, int speed, int range, int temperature)
    {
        accumulator.BeginCompute(speed, range, temperature);
        int steps = 0;
        bool done = !accumulator.Computing;
        while (!done)
        {
            done = accumulator.Step(budget);
            steps++;
            Assert.InRange(accumulator.LastStepWork, 1, Math.Max(budget, PassAccumulator.MaxIndivisibleWork));
            Assert.True(steps <= 50_000_000, "the computation makes progress");
        }

        return steps;
    }

    private static Dictionary<string, object?> Fields(PassProducts products) =>
        typeof(PassProducts).GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, p => p.GetValue(products));

    private void CheckPass(PassAccumulator accumulator, Pulse[] pulses, string context)
    {
        Load(accumulator, pulses);
        var oneShot = new byte[PassProducts.Length];
        Assert.Equal(PassProducts.Length, accumulator.Compute(6700, 914_000, 2150).Encode(oneShot, 0));
        Dictionary<string, object?> oneCall = Fields(accumulator.Products);
        long work = accumulator.ComputeWork;

        var sliced = new byte[PassProducts.Length];
        foreach (int budget in Budgets)
        {
            int steps = Sliced(accumulator, budget, 6700, 914_000, 2150);
            Assert.Equal(PassProducts.Length, accumulator.Products.Encode(sliced, 0));
            Assert.True(oneShot.AsSpan().SequenceEqual(sliced), $"{context}, budget {budget}: the octets differ from one call");
            Assert.Equal(oneCall, Fields(accumulator.Products));
            Assert.Equal(work, accumulator.ComputeWork); // each element is charged once, wherever the slices fall
            Assert.True(steps >= work / Math.Max(budget, PassAccumulator.MaxIndivisibleWork), $"{context}: {steps} steps for {work} units at {budget}");
        }
    }

    [Fact]
    public void Synthetic_passes_give_the_same_products_for_every_budget_as_in_one_call()
    {
        var settings = Settings();
        var accumulator = new PassAccumulator(settings);
        int fits = 0, sidelobes = 0, pri = 0;
        for (int seed = 1; seed <= 40; seed++)
        {
            var pulses = SyntheticPass(seed, seed % 10 == 0 ? 20_000 : 4000);
            CheckPass(accumulator, pulses, $"seed {seed} ({pulses.Length} pulses)");
            int validity = accumulator.Products.Validity;
            fits += (validity & ProductValidity.Fit) != 0 ? 1 : 0;
            pri += (validity & ProductValidity.Pri) != 0 ? 1 : 0;
            sidelobes += (validity & (ProductValidity.SidelobeLeft | ProductValidity.SidelobeRight)) != 0 ? 1 : 0;
        }

        // The generator reaches every stage, so the comparison covers each of them.
        Assert.InRange(fits, 10, 40);
        Assert.InRange(pri, 20, 40);
        Assert.InRange(sidelobes, 5, 40);
    }

    [Fact]
    public void Edge_passes_give_the_same_products_for_every_budget()
    {
        var settings = Settings();
        var accumulator = new PassAccumulator(settings);
        foreach (var (name, pulses) in EdgePasses())
        {
            CheckPass(accumulator, pulses, name);
        }
    }

    [Fact]
    public void Arbitrary_pulse_sequences_give_the_same_products_sliced()
    {
        // Duplicates, satellites, PRIs, gaps, backwards steps; arbitrary widths, codes and flags.
        var step = Gen.OneOf(Gen.Long[0, 20_000], Gen.Long[40_000, 60_000], Gen.Long[-100_000, 10_000_000], Gen.Long[0, 1L << 40]);
        var pulse = Gen.Select(step, Gen.Int[0, 65_535], Gen.Int[0, 65_535], Gen.Int[0, 255]);
        var settings = new ProductSettings { PulseCapacity = 600, BinCapacity = 200, BinTicks = 80_000 };
        var accumulator = new PassAccumulator(settings);
        Prop.ForAll(pulse.Array[0, 700], steps =>
        {
            long toa = 0;
            var pulses = new Pulse[steps.Length];
            for (int i = 0; i < steps.Length; i++)
            {
                toa += steps[i].Item1;
                pulses[i] = new Pulse(toa, steps[i].Item2, steps[i].Item3, steps[i].Item4);
            }

            CheckPass(accumulator, pulses, $"{pulses.Length} arbitrary pulses");
        }, seed: 47, iterations: 150);
    }

    [Fact]
    public void A_nisar_pass_takes_about_its_work_over_the_budget_in_steps_and_no_step_exceeds_the_budget()
    {
        var settings = new ProductSettings();
        var accumulator = new PassAccumulator(settings);
        var pulses = NisarPass();
        Load(accumulator, pulses);
        accumulator.Compute(6700, 914_000, 0);
        long work = accumulator.ComputeWork;
        Assert.Equal(ProductValidity.Fit, accumulator.Products.Validity & ProductValidity.Fit);
        // The counter counts what the loops visit: nine passes over the pulses at least (clusters ×2, radix ×4, PRI sums, bins, spread).
        Assert.InRange(work, 9L * (pulses.Length - 1), 14L * pulses.Length + 4 * settings.BinCapacity + 8 * PassAccumulator.MaxIndivisibleWork);

        const int budget = PassStateMachine.ComputeWorkPerFrame;
        int steps = 0;
        int largest = 0;
        TimeSpan fastest = TimeSpan.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            // Wall-clock time is printed, never asserted; the fastest of five runs is the least disturbed.
            accumulator.BeginCompute(6700, 914_000, 0);
            steps = 0;
            var watch = Stopwatch.StartNew();
            bool done = false;
            while (!done)
            {
                done = accumulator.Step(budget);
                steps++;
                largest = Math.Max(largest, accumulator.LastStepWork);
            }

            watch.Stop();
            fastest = watch.Elapsed < fastest ? watch.Elapsed : fastest;
        }

        Assert.InRange(largest, 1, Math.Max(budget, PassAccumulator.MaxIndivisibleWork));
        // Steps only end early before an indivisible part that does not fit: at most one per such part (about 16).
        Assert.InRange(steps, (int)(work / budget), (int)(work / budget) + 20);
        output.WriteLine($"NISAR pass, {pulses.Length} pulses: {work} work units, {steps} steps of {budget}; "
            + $"host {fastest.TotalMilliseconds:F2} ms in all, {fastest.TotalMicroseconds / steps:F1} µs per step");
    }

    [Fact]
    public void Begin_and_step_allocate_nothing_after_construction()
    {
        var settings = Settings();
        var accumulator = new PassAccumulator(settings);
        var pulses = SyntheticPass(10, 20_000);
        Load(accumulator, pulses);
        Sliced(accumulator, 7, 6700, 914_000, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int pass = 0; pass < 3; pass++)
        {
            accumulator.BeginCompute(6700, 914_000, 0);
            while (!accumulator.Step(100 + pass))
            {
            }
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(pulses.Length, accumulator.Products.PulseCount);
    }

    [Fact]
    public void Cancel_and_reset_abandon_a_computation_and_the_next_one_is_whole()
    {
        var settings = Settings();
        var accumulator = new PassAccumulator(settings);
        var pulses = SyntheticPass(20, 20_000);
        Load(accumulator, pulses);
        var expected = new byte[PassProducts.Length];
        accumulator.Compute(6700, 914_000, 0).Encode(expected, 0);

        accumulator.BeginCompute(6700, 914_000, 0);
        Assert.False(accumulator.Step(5000));
        accumulator.CancelCompute();
        Assert.False(accumulator.Computing);
        Assert.True(accumulator.Step(5000), "nothing to compute after a cancel");

        Sliced(accumulator, 333, 6700, 914_000, 0);
        var actual = new byte[PassProducts.Length];
        accumulator.Products.Encode(actual, 0);
        Assert.Equal(expected, actual);

        accumulator.BeginCompute(6700, 914_000, 0);
        accumulator.Step(100);
        accumulator.Reset();
        Assert.False(accumulator.Computing);
        Assert.Equal(0, accumulator.Count);
    }

    /// <summary>A NISAR pass: 1650 Hz with ±1 % dither for 10 s (16 500 pulses), a sinc² beam 24 dB deep.</summary>
    private static Pulse[] NisarPass()
    {
        var random = new Random(5);
        var pulses = new List<Pulse>();
        long t = 0;
        for (int i = 0; i < 16_500; i++)
        {
            t += (long)(48_485 * (1 + 0.01 * (random.NextDouble() * 2 - 1)));
            double x = (t / 80e6 - 5.0) * 2.2;
            double sinc = Math.Abs(x) < 1e-9 ? 1 : Math.Sin(x) / x;
            double db = Math.Max(-24, 10 * Math.Log10(sinc * sinc + 1e-12));
            pulses.Add(new Pulse(t, 3200, (int)(40_000 + 655.36 * db), 0));
        }

        return [.. pulses];
    }
}
