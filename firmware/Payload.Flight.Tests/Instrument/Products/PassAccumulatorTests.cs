using CsCheck;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>Pass products from constructed pulse trains: counting, PRI statistics, clusters, pattern, encoding, allocation.</summary>
public class PassAccumulatorTests
{
    private const int Pri = 48_485;          // 1650 Hz at 80 MHz
    private const int Saturated = 0x01;
    private const int Overlapping = 0x04;

    private static ProductSettings Settings(int capacity = 20_000) => new()
    {
        PulseCapacity = capacity,
        BinCapacity = 3000,
        AmplitudeExcludeFlags = Saturated | Overlapping,
        WidthExcludeFlags = Overlapping,
    };

    /// <summary>A parabola in dB (a Gaussian beam): exact for the fit, 1.25 s half-power half width, peak at 5 s.</summary>
    private static int GaussianBeamCode(long offsetTicks)
    {
        double t = offsetTicks / 80e6 - 5.0;
        double db = -3.0103 * (t / 1.25) * (t / 1.25);
        return (int)Math.Round(40_000 + 655.36 * db);
    }

    private static PassAccumulator Train(ProductSettings settings, int pulses, long firstToa = 1_000_000, Func<int, bool>? keep = null,
        Func<int, int>? flags = null)
    {
        var accumulator = new PassAccumulator(settings);
        for (int i = 0; i < pulses; i++)
        {
            if (keep is null || keep(i))
            {
                long offset = (long)i * Pri;
                accumulator.Add(firstToa + offset, 3200 + (i % 3), GaussianBeamCode(offset), flags?.Invoke(i) ?? 0);
            }
        }

        return accumulator;
    }

    [Fact]
    public void Counts_pulses_missed_pulses_and_the_expected_count()
    {
        int[] dropped = [100, 500, 501, 502, 6000];
        var products = Train(Settings(), 7000, keep: i => !dropped.Contains(i)).Compute(6700, 914_000, 2150);

        Assert.Equal(6995, products.PulseCount);
        Assert.Equal(7000, products.ExpectedCount);
        Assert.Equal(5, products.MissedPulses);
        Assert.Equal(0, products.GapCount);
        Assert.Equal(Pri, products.PriMedianTicks);
        Assert.Equal(16L * Pri, products.PriMeanQ4);
        Assert.Equal(0, products.PriJitterRmsQ4);
        Assert.Equal(1_649_995, products.PrfMilliHz); // 80 MHz / 48 485 = 1649.99484 Hz
        Assert.Equal(1, products.PriClusterCount);
        Assert.Equal(6999L * Pri, products.DurationTicks);
        Assert.Equal(ProductValidity.Pri, products.Validity & ProductValidity.Pri);
    }

    [Fact]
    public void A_long_silence_is_a_gap_not_missed_pulses()
    {
        var products = Train(Settings(), 7000, keep: i => i < 3000 || i >= 3100).Compute(6700, 914_000, 0);

        Assert.Equal(1, products.GapCount);
        Assert.Equal(0, products.MissedPulses);
        Assert.Equal(7000, products.ExpectedCount);
    }

    [Fact]
    public void Jitter_is_the_rms_around_the_median()
    {
        var accumulator = new PassAccumulator(Settings());
        long toa = 0;
        int[] pattern = [Pri - 40, Pri + 40, Pri, Pri + 40, Pri - 40]; // rms of (−40, +40, 0, +40, −40) = √(1600·4/5)
        for (int i = 0; i < 5000; i++)
        {
            accumulator.Add(toa, 3200, 30_000, 0);
            toa += pattern[i % pattern.Length];
        }

        var products = accumulator.Compute(0, 0, 0);
        Assert.Equal(Pri, products.PriMedianTicks);
        Assert.Equal(Math.Sqrt(1600 * 4 / 5.0) * 16, products.PriJitterRmsQ4, 1.0);
        Assert.Equal(16.0 * Pri, products.PriMeanQ4, 1.0);
    }

    [Fact]
    public void Second_chirps_and_echoes_are_satellites_outside_the_pri_statistics()
    {
        var accumulator = new PassAccumulator(Settings());
        for (int i = 0; i < 3000; i++)
        {
            long toa = 5_000 + (long)i * Pri;
            accumulator.Add(toa, 3200, GaussianBeamCode((long)i * Pri), 0);
            accumulator.Add(toa + 4000, 1600, 1000, 0); // split-spectrum second chirp, quieter
        }

        var products = accumulator.Compute(0, 0, 0);
        Assert.Equal(6000, products.PulseCount);
        Assert.Equal(3000, products.TrainPulseCount);
        Assert.Equal(Pri, products.PriMedianTicks);
        Assert.Equal(0, products.MissedPulses);
        Assert.Equal(3200 * 16, products.WidthMeanQ4);
    }

    [Fact]
    public void Sub_swath_bursts_make_clusters_and_the_loudest_is_the_train()
    {
        // Sentinel-1 IW: IW1 1717.1 Hz, IW2 1451.6 Hz (the receiver's, 10 dB louder), IW3 1685.8 Hz, bursts of 0.9 s.
        int[] pris = [46_590, 55_112, 47_456];
        int[] codes = [30_000, 36_554, 30_000];
        var accumulator = new PassAccumulator(Settings(20_000));
        long toa = 0;
        for (int burst = 0; burst < 9; burst++)
        {
            int s = burst % 3;
            for (int i = 0; i < 1500; i++)
            {
                accumulator.Add(toa, 4000 + s, codes[s] + (i % 5), 0);
                toa += pris[s];
            }

            toa += 80_000; // 1 ms switch
        }

        var products = accumulator.Compute(0, 0, 0);
        Assert.Equal(3, products.PriClusterCount);
        Assert.Equal(55_112, products.PriMedianTicks);
        Assert.Equal(3 * 1500, products.TrainPulseCount);
        Assert.Equal(16 * 4001, products.WidthMeanQ4);
    }

    [Fact]
    public void Flagged_pulses_stay_out_of_the_amplitude_and_width_products()
    {
        var accumulator = new PassAccumulator(Settings());
        for (int i = 0; i < 16_000; i++)
        {
            long offset = (long)i * Pri;
            bool saturated = i % 10 == 0, overlapping = i % 25 == 1;
            int flags = (saturated ? Saturated : 0) | (overlapping ? Overlapping : 0);
            accumulator.Add(offset, overlapping ? 9000 : 3200, saturated || overlapping ? 65_535 : GaussianBeamCode(offset), flags);
        }

        var products = accumulator.Compute(6700, 914_000, 0);
        Assert.Equal(1600 + 640, products.AmplitudeExcludedCount); // i % 10 == 0 or i % 25 == 1, never both
        Assert.Equal(640, products.WidthExcludedCount);
        Assert.Equal(3200 * 16, products.WidthMeanQ4);
        Assert.Equal(0, products.WidthStdQ4);
        Assert.Equal(40_000 * 16.0, products.PeakCodeQ4, 4.0);
    }

    [Fact]
    public void An_exact_gaussian_beam_gives_its_peak_time_and_width()
    {
        var products = Train(Settings(), 16_000, firstToa: 7_000_000).Compute(6700, 914_000, -1234);

        Assert.Equal(ProductValidity.Fit | ProductValidity.Beamwidth, products.Validity & (ProductValidity.Fit | ProductValidity.Beamwidth));
        // Codes are rounded to integers, so the fit sees a parabola plus ±0.5 code of rounding noise.
        Assert.Equal(7_000_000 + 5.0 * 80e6, products.PeakToa, 0.002 * 80e6);
        Assert.Equal(2.5 * 80e6, products.BeamwidthTicks, 0.002 * 2.5 * 80e6);
        double degrees = 2 * Math.Atan(6700 * (products.BeamwidthTicks / 2.0 / 80e6) / 914_000) * 180 / Math.PI;
        Assert.Equal(degrees * 1e6, products.BeamwidthMicroDeg, 1.0);
        Assert.Equal(40_000 * 16.0, products.PeakCodeQ4, 4.0);
        Assert.Equal(-80_000 + 40_000 / 0.65536, products.PeakMilliDbm, 1.0);
        Assert.Equal(-1234, products.DetectorTemperatureCentiC);
        Assert.Equal(ProductValidity.AmplitudeSpread, products.Validity & ProductValidity.AmplitudeSpread);
        Assert.InRange(products.AmplitudeSpreadMilliDb, 0, 2); // successive codes differ by rounding only
    }

    [Fact]
    public void Toa_wraps_at_48_bits()
    {
        long start = (1L << 48) - 3000L * Pri;
        var products = Train(Settings(), 16_000, firstToa: start).Compute(6700, 914_000, 0);

        Assert.Equal(16_000, products.PulseCount);
        Assert.Equal(0, products.RejectedCount);
        Assert.Equal(start, products.FirstToa);
        Assert.Equal((start + (long)(5.0 * 80e6)) & ((1L << 48) - 1), products.PeakToa, 0.002 * 80e6);
    }

    [Fact]
    public void Over_capacity_and_backwards_pulses_are_rejected_and_flagged()
    {
        var accumulator = Train(Settings(capacity: 100), 150);
        Assert.Equal(100, accumulator.Count);
        Assert.Equal(50, accumulator.Rejected);

        accumulator.Reset();
        accumulator.Add(10 * (long)Pri, 3200, 30_000, 0);
        accumulator.Add(11 * (long)Pri, 3200, 30_000, 0);
        accumulator.Add(10 * (long)Pri + 7, 3200, 30_000, 0); // earlier than the last pulse
        var products = accumulator.Compute(0, 0, 0);
        Assert.Equal(2, products.PulseCount);
        Assert.Equal(1, products.RejectedCount);
        Assert.Equal(ProductValidity.Truncated, products.Validity & ProductValidity.Truncated);
    }

    [Fact]
    public void An_empty_pass_has_no_products()
    {
        var products = new PassAccumulator(Settings()).Compute(6700, 914_000, 2500);
        Assert.Equal(0, products.Validity);
        Assert.Equal(0, products.PulseCount);
        Assert.Equal(2500, products.DetectorTemperatureCentiC);
    }

    [Fact]
    public void Encodes_the_documented_layout()
    {
        var products = Train(Settings(), 16_000, firstToa: 0x0000_1234_5678_9ABCL).Compute(6700, 914_000, -1234);
        var buffer = new byte[PassProducts.Length + 3];

        Assert.Equal(0, products.Encode(buffer, 4));
        Assert.Equal(PassProducts.Length, products.Encode(buffer, 3));

        Assert.Equal(113, PassProducts.Length);
        Assert.Equal(PassProducts.FormatVersion, buffer[3]);
        Assert.Equal(products.Validity, (buffer[4] << 8) | buffer[5]);
        Assert.Equal(new byte[] { 0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC }, buffer[6..12]);
        Assert.Equal(16_000, (buffer[16] << 24) | (buffer[17] << 16) | (buffer[18] << 8) | buffer[19]);
        Assert.Equal(Pri, (buffer[47] << 24) | (buffer[48] << 16) | (buffer[49] << 8) | buffer[50]);
        Assert.Equal(6700, (buffer[108] << 8) | buffer[109]);
        Assert.Equal(-1234, (short)((buffer[114] << 8) | buffer[115]));
    }

    [Fact]
    public void Records_in_the_digitizer_layout_give_the_same_products_as_fields()
    {
        var settings = Settings();
        var byFields = new PassAccumulator(settings);
        var byRecords = new PassAccumulator(new ProductSettings { PulseCapacity = 20_000, BinCapacity = 3000 });
        var block = new byte[16_000 * PulseRecord.Size];
        for (int i = 0; i < 16_000; i++)
        {
            long toa = 5_000 + (long)i * Pri;
            int flags = i % 40 == 0 ? (int)PulseFlags.Saturated : 0;
            byFields.Add(toa, 3200 + i % 7, GaussianBeamCode((long)i * Pri), flags);
            PulseRecordCodec.Write(block, PulseRecordCodec.OffsetOf(0, i), toa, 3200 + i % 7, GaussianBeamCode((long)i * Pri), (PulseFlags)flags, i);
        }

        byRecords.AddRecords(block, 0, 15_000);
        byRecords.AddRecord(block, PulseRecordCodec.OffsetOf(0, 15_000));
        byRecords.AddRecords(block, PulseRecordCodec.OffsetOf(0, 15_001), 999);
        var expected = new byte[PassProducts.Length];
        var actual = new byte[PassProducts.Length];
        byFields.Compute(6700, 914_000, 0).Encode(expected, 0);
        byRecords.Compute(6700, 914_000, 0).Encode(actual, 0);

        Assert.Equal(expected, actual);
        Assert.Equal(400, byRecords.Products.AmplitudeExcludedCount);
    }

    [Fact]
    public void Any_pulse_sequence_computes_without_throwing()
    {
        // Arbitrary TOA steps (duplicates, satellites, PRIs, gaps, backwards), widths, codes and flags.
        var step = Gen.OneOf(Gen.Long[0, 20_000], Gen.Long[40_000, 60_000], Gen.Long[-100_000, 10_000_000], Gen.Long[0, 1L << 40]);
        var pulse = Gen.Select(step, Gen.Int[0, 65_535], Gen.Int[0, 65_535], Gen.Int[0, 255]);
        var settings = new ProductSettings { PulseCapacity = 600, BinCapacity = 200, BinTicks = 80_000 };
        var accumulator = new PassAccumulator(settings);
        var wire = new byte[PassProducts.Length];
        Prop.ForAll(pulse.Array[0, 700], pulses =>
        {
            accumulator.Reset();
            long toa = 0;
            foreach (var (dt, width, code, flags) in pulses)
            {
                toa += dt;
                accumulator.Add(toa, width, code, flags);
            }

            var products = accumulator.Compute(6700, 914_000, 0);
            Assert.Equal(PassProducts.Length, products.Encode(wire, 0));
            Assert.Equal(accumulator.Count, products.PulseCount);
            Assert.Equal(pulses.Length, products.PulseCount + products.RejectedCount);
            Assert.InRange(products.TrainPulseCount, 0, products.PulseCount);
        }, seed: 31, iterations: 300);
    }

    [Fact]
    public void Add_and_Compute_allocate_nothing_after_construction()
    {
        var accumulator = new PassAccumulator(Settings());
        RunPass(accumulator);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int pass = 0; pass < 3; pass++)
        {
            RunPass(accumulator);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(ProductValidity.Fit, accumulator.Products.Validity & ProductValidity.Fit);
    }

    private static void RunPass(PassAccumulator accumulator)
    {
        accumulator.Reset();
        for (int i = 0; i < 16_000; i++)
        {
            long offset = (long)i * Pri;
            accumulator.Add(offset, 3200, GaussianBeamCode(offset), i % 50 == 0 ? Saturated : 0);
        }

        accumulator.Compute(6700, 914_000, 0);
    }
}
