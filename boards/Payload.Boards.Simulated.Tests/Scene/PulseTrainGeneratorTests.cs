using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class PulseTrainGeneratorTests
{
    private static ScenePulse[] Generate(RadarProfile profile, SceneOptions options) =>
        new PulseTrainGenerator(new PassGeometry(profile), options).Generate();

    private static double[] Pris(IEnumerable<ScenePulse> pulses)
    {
        var times = pulses.Select(p => p.EmissionTimeS).ToArray();
        return times.Zip(times.Skip(1), (a, b) => b - a).ToArray();
    }

    [Theory]
    [InlineData(914e3, 3962)]
    [InlineData(960e3, 4161)]
    [InlineData(1019e3, 4417)]
    public void Nisar_sends_4000_to_4400_pulses_inside_the_3dB_beam(double slantRangeM, int expected)
    {
        // Physics: dwell × 1650 Hz = 3962 at 914 km (a hair under DESIGN.md's "≈ 4000") to 4417 at 1019 km.
        var pass = RadarPass.Simulate(RadarProfile.NisarL(slantRangeM), new SceneOptions { Effects = SceneEffects.None });

        Assert.InRange(pass.Truth.EmittedPulsesIn3dB, expected - 1, expected + 1);
        Assert.InRange(pass.Truth.EmittedPulsesIn3dB, 3950, 4420);
        Assert.Equal(pass.Truth.NominalPulsesIn3dB, pass.Truth.EmittedPulsesIn3dB, 1.0);
    }

    [Theory]
    [InlineData(815e3, 697)]
    [InlineData(860e3, 736)]
    [InlineData(911e3, 779)]
    public void Sentinel1_sends_about_700_to_780_pulses_inside_the_3dB_beam(double slantRangeM, int expected)
    {
        // Physics: the 0.48–0.54 s dwell falls inside one IW2 burst (1451.6 Hz), so 697–779 pulses — DESIGN.md says
        // "≈ 800", which would need the ≈ 1600 Hz of IW1/IW3 (IW1 alone: 825–922).
        var pass = RadarPass.Simulate(RadarProfile.Sentinel1Iw(slantRangeM), new SceneOptions { Effects = SceneEffects.None with { SubSwathBursts = true } });
        var inBeam = pass.Pulses.Where(p => p.EmissionTimeS >= pass.Truth.DwellStartS && p.EmissionTimeS <= pass.Truth.DwellEndS).ToArray();

        Assert.InRange(pass.Truth.EmittedPulsesIn3dB, expected - 1, expected + 1);
        Assert.All(inBeam, p => Assert.Equal(1, p.SubSwath));
    }

    [Fact]
    public void Nisar_dither_spreads_pris_uniformly_over_plus_minus_one_percent()
    {
        var profile = RadarProfile.NisarL();
        var pulses = Generate(profile, new SceneOptions { Effects = SceneEffects.None with { PrfDither = true } });
        var nominal = 1.0 / 1650.0;
        var ratios = Pris(pulses).Select(p => p / nominal - 1.0).ToArray();
        var mean = ratios.Average();
        var sigma = Math.Sqrt(ratios.Select(r => (r - mean) * (r - mean)).Average());

        Assert.All(ratios, r => Assert.InRange(r, -0.01 - 1e-12, 0.01 + 1e-12));
        Assert.InRange(mean, -5e-4, 5e-4);
        Assert.InRange(sigma, 0.01 / Math.Sqrt(3) * 0.97, 0.01 / Math.Sqrt(3) * 1.03);
        Assert.True(ratios.Min() < -0.0099 && ratios.Max() > 0.0099);
        Assert.All(pulses.Skip(1), p => Assert.True(p.Effects.HasFlag(PulseEffects.PrfDither)));
        Assert.False(pulses[0].Effects.HasFlag(PulseEffects.PrfDither));
    }

    [Fact]
    public void Without_dither_every_pri_is_nominal()
    {
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None });

        Assert.All(Pris(pulses), pri => Assert.Equal(1.0 / 1650.0, pri, 1e-12));
        Assert.Equal(16500, pulses.Length);
    }

    [Fact]
    public void Sentinel1_bursts_cycle_iw1_iw2_iw3_each_at_its_own_prf()
    {
        var profile = RadarProfile.Sentinel1Iw();
        var pulses = Generate(profile, new SceneOptions { Effects = SceneEffects.None with { SubSwathBursts = true } });
        var bursts = SplitIntoBursts(pulses);

        Assert.True(bursts.Count >= 9);
        for (var b = 0; b < bursts.Count; b++)
        {
            var burst = bursts[b];
            var prf = profile.SubSwaths[burst[0].SubSwath].PrfHz;
            Assert.All(burst, p => Assert.Equal(burst[0].SubSwath, p.SubSwath));
            Assert.All(Pris(burst), pri => Assert.Equal(1.0 / prf, pri, 1e-9));
            Assert.Equal(b > 0, burst[0].Effects.HasFlag(PulseEffects.BurstStart));
            Assert.All(burst.Skip(1), p => Assert.False(p.Effects.HasFlag(PulseEffects.BurstStart)));

            if (b > 0)
            {
                Assert.Equal((bursts[b - 1][0].SubSwath + 1) % 3, burst[0].SubSwath);
                var gap = burst[0].EmissionTimeS - bursts[b - 1][^1].EmissionTimeS;
                Assert.InRange(gap, 1e-3, 1e-3 + 1.0 / 1451.6 + 1e-9);
            }

            if (b > 0 && b < bursts.Count - 1)
            {
                // A whole burst: 2.75 s / 3, less the switching gap and the unfilled end of the last PRI.
                var span = burst[^1].EmissionTimeS - burst[0].EmissionTimeS;
                Assert.InRange(span, 2.75 / 3 - 1e-3 - 2.0 / prf, 2.75 / 3 - 1e-3);
            }
        }
    }

    [Fact]
    public void Sentinel1_without_bursts_stays_on_the_receivers_sub_swath()
    {
        var pulses = Generate(RadarProfile.Sentinel1Iw(), new SceneOptions { Effects = SceneEffects.None });

        Assert.All(pulses, p => Assert.Equal(1, p.SubSwath));
        Assert.All(Pris(pulses), pri => Assert.Equal(1.0 / 1451.6, pri, 1e-9));
        Assert.All(pulses, p => Assert.Equal(61.7e-6, p.WidthS));
    }

    [Fact]
    public void Other_sub_swaths_arrive_through_their_elevation_gain()
    {
        var pulses = Generate(RadarProfile.Sentinel1Iw(), new SceneOptions { Effects = SceneEffects.None with { SubSwathBursts = true } });

        Assert.All(pulses, p => Assert.Equal(-55.0 + (p.SubSwath == 1 ? 0.0 : -10.0) + p.PatternGainDb, p.ReceivedDbm, 12));
    }

    [Fact]
    public void Split_spectrum_sends_two_chirps_fifty_microseconds_apart_each_pri()
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None with { SplitSpectrum = true } });
        var pulses = pass.Pulses;

        Assert.Equal(2 * 16500, pulses.Count);
        for (var i = 0; i < pulses.Count; i += 2)
        {
            var first = pulses[i];
            var second = pulses[i + 1];
            Assert.True(first.Effects.HasFlag(PulseEffects.SplitSpectrumFirst));
            Assert.True(second.Effects.HasFlag(PulseEffects.SplitSpectrumSecond));
            Assert.Equal(1229e6, first.FrequencyHz);
            Assert.Equal(1293.5e6, second.FrequencyHz);
            Assert.Equal(3200, first.WidthTicks);
            Assert.Equal(1600, second.WidthTicks);
            Assert.Equal(50e-6, second.EmissionTimeS - first.EmissionTimeS, 1e-12);
            Assert.InRange(second.ToaTicks - first.ToaTicks, 3999, 4001);
        }

        var firsts = pulses.Where((_, i) => i % 2 == 0);
        Assert.All(Pris(firsts), pri => Assert.Equal(1.0 / 1650.0, pri, 1e-12));
        Assert.Equal(2 * pass.Truth.DwellS * 1650.0, pass.Truth.NominalPulsesIn3dB, 9);
    }

    [Fact]
    public void Split_spectrum_chirps_see_the_pattern_at_their_own_wavelength()
    {
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None with { SplitSpectrum = true } });
        var offPeak = pulses.Where(p => Math.Abs(p.EmissionTimeS - 6.0) < 0.01).ToArray();
        var low = offPeak.Where(p => p.FrequencyHz == 1229e6).Average(p => p.PatternGainDb);
        var high = offPeak.Where(p => p.FrequencyHz == 1293.5e6).Average(p => p.PatternGainDb);

        Assert.True(high < low - 0.1, $"1293.5 MHz {high:F3} dB should be below 1229 MHz {low:F3} dB one second off peak");
    }

    [Fact]
    public void Drops_happen_at_the_configured_rate_and_never_reach_the_digitizer()
    {
        var profile = RadarProfile.NisarL();
        var withDrops = Generate(profile, new SceneOptions { Effects = SceneEffects.Nominal with { DropProbability = 0.05 } });
        var dropped = withDrops.Count(p => p.IsDropped);

        // Binomial(16500, 0.05): mean 825, σ 28; ±4σ.
        Assert.InRange(dropped, 825 - 112, 825 + 112);

        var source = new DetectedPulseStream(withDrops);
        var delivered = new List<DetectedPulse>();
        while (source.TryPeek(out _))
        {
            delivered.Add(source.Next());
        }

        Assert.Equal(withDrops.Length - dropped, delivered.Count);
        Assert.All(delivered, d => Assert.False(withDrops[d.SceneIndex].IsDropped));
    }

    [Fact]
    public void Drops_do_not_disturb_the_other_random_streams()
    {
        var profile = RadarProfile.NisarL();
        var without = Generate(profile, new SceneOptions { Seed = 9 });
        var with = Generate(profile, new SceneOptions { Seed = 9, Effects = SceneEffects.Nominal with { DropProbability = 0.2 } });

        Assert.True(without.Select(p => (p.ToaTicks, p.WidthTicks, p.PeakCode)).SequenceEqual(with.Select(p => (p.ToaTicks, p.WidthTicks, p.PeakCode))));
    }

    [Fact]
    public void Threshold_jitter_moves_the_comparator_level_by_the_configured_rms()
    {
        var detector = new DetectorModel();
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None with { ThresholdJitterDb = 0.5 } });
        var offsets = pulses.Where(p => p.PeakCode > detector.FloorPeakCode + 2000).Select(p => (double)(p.PeakCode - p.ComparatorCode)).ToArray();
        var mean = offsets.Average();
        var sigma = Math.Sqrt(offsets.Select(o => (o - mean) * (o - mean)).Average());

        Assert.True(offsets.Length > 10000);
        Assert.InRange(mean, -10, 10);
        Assert.InRange(sigma, 0.5 * 655.36 * 0.96, 0.5 * 655.36 * 1.04);
        Assert.All(pulses, p => Assert.True(p.Effects.HasFlag(PulseEffects.ThresholdJitter)));
    }

    [Fact]
    public void Without_threshold_jitter_the_comparator_sees_the_peak_code()
    {
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions());

        Assert.All(pulses, p => Assert.Equal(p.PeakCode, p.ComparatorCode));
        Assert.All(pulses, p => Assert.False(p.Effects.HasFlag(PulseEffects.ThresholdJitter)));
    }

    [Fact]
    public void Gain_drifts_with_the_temperature_profile()
    {
        var options = new SceneOptions
        {
            Effects = SceneEffects.None with { GainDrift = true },
            Temperature = TemperatureProfile.Ramp(25.0, 2.0),
        };
        var pulses = Generate(RadarProfile.NisarL(), options);

        Assert.All(pulses, p => Assert.Equal(25.0 + 2.0 * p.EmissionTimeS, p.TemperatureC, 9));
        Assert.All(pulses, p => Assert.Equal(29.0 - 0.02 * (p.TemperatureC - 25.0), p.DetectorInputDbm - p.ReceivedDbm, 9));
        Assert.Equal(28.6, pulses[^1].DetectorInputDbm - pulses[^1].ReceivedDbm, 2);
        Assert.All(pulses, p => Assert.True(p.Effects.HasFlag(PulseEffects.GainDrift)));
    }

    [Fact]
    public void Without_gain_drift_temperature_changes_nothing()
    {
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None, Temperature = TemperatureProfile.Ramp(25.0, 2.0) });

        Assert.All(pulses, p => Assert.Equal(29.0, p.DetectorInputDbm - p.ReceivedDbm, 12));
    }

    [Fact]
    public void A_hot_front_end_saturates_the_detector_near_the_peak()
    {
        var detector = new DetectorModel();
        var options = new SceneOptions { Effects = SceneEffects.None, FrontEnd = new RfFrontEnd { LnaGainDb = 60.0 } };
        var pulses = Generate(RadarProfile.NisarL(), options);
        var saturated = pulses.Where(p => p.IsSaturated).ToArray();

        Assert.NotEmpty(saturated);
        Assert.All(saturated, p => Assert.True(p.DetectorInputDbm >= -2.0));
        Assert.All(saturated, p => Assert.Equal(detector.SaturationPeakCode, p.PeakCode));
        Assert.All(saturated, p => Assert.True(p.ToDetectedPulse().Saturated));
        Assert.Contains(pulses, p => Math.Abs(p.EmissionTimeS - 5.0) < 0.001 && p.IsSaturated);
    }

    [Fact]
    public void Toa_is_the_arrival_time_on_the_80_MHz_counter()
    {
        var clock = new ToaClock { EpochTicks = 1_000_000_000L, FrequencyErrorPpm = 10.0 };
        var geometry = new PassGeometry(RadarProfile.NisarL());
        var pulses = new PulseTrainGenerator(geometry, new SceneOptions { Clock = clock }).Generate();

        Assert.All(pulses, p => Assert.Equal(geometry.PropagationDelayS(p.EmissionTimeS), p.ArrivalTimeS - p.EmissionTimeS, 1e-15));
        Assert.All(pulses, p => Assert.Equal(1_000_000_000L + (long)Math.Round(p.ArrivalTimeS * 80e6 * (1 + 10e-6)), p.ToaTicks));
        Assert.All(pulses.Zip(pulses.Skip(1)), pair => Assert.True(pair.Second.ToaTicks > pair.First.ToaTicks));
    }

    [Fact]
    public void Measured_width_jitters_by_about_one_tick_around_the_pulse_length()
    {
        var pulses = Generate(RadarProfile.NisarL(), new SceneOptions());
        var widths = pulses.Select(p => (double)p.WidthTicks).ToArray();
        var mean = widths.Average();
        var sigma = Math.Sqrt(widths.Select(w => (w - mean) * (w - mean)).Average());

        Assert.Equal(3200.0, mean, 0.05);
        Assert.InRange(sigma, 0.95, 1.15);
    }

    [Fact]
    public void The_same_seed_gives_identical_pulses_and_another_seed_other_noise()
    {
        var profile = RadarProfile.NisarL();
        var generator = new PulseTrainGenerator(new PassGeometry(profile), new SceneOptions { Seed = 42 });
        var a = generator.Generate();
        var b = new PulseTrainGenerator(new PassGeometry(profile), new SceneOptions { Seed = 42 }).Generate();
        var c = new PulseTrainGenerator(new PassGeometry(profile), new SceneOptions { Seed = 43 }).Generate();

        Assert.Equal(a.Length, b.Length);
        Assert.True(a.SequenceEqual(b));
        Assert.True(a.SequenceEqual(generator.Pulses()));
        Assert.False(a.Select(p => p.DetectedDbm).SequenceEqual(c.Select(p => p.DetectedDbm)));
        Assert.False(a.Select(p => p.EmissionTimeS).SequenceEqual(c.Select(p => p.EmissionTimeS)));
    }

    [Fact]
    public void Another_seed_without_dither_keeps_the_schedule_and_changes_only_the_noise()
    {
        var effects = SceneEffects.Nominal with { PrfDither = false };
        var a = Generate(RadarProfile.NisarL(), new SceneOptions { Seed = 1, Effects = effects });
        var b = Generate(RadarProfile.NisarL(), new SceneOptions { Seed = 2, Effects = effects });

        Assert.True(a.Select(p => p.ToaTicks).SequenceEqual(b.Select(p => p.ToaTicks)));
        Assert.True(a.Zip(b).Count(pair => pair.First.PeakCode != pair.Second.PeakCode) > a.Length / 2);
    }

    [Fact]
    public void Full_nisar_pass_peaks_where_the_truth_says()
    {
        var pass = RadarPass.Simulate(RadarProfile.NisarL(), new SceneOptions { Effects = SceneEffects.None });
        var loudest = pass.Pulses.MaxBy(p => p.DetectedDbm);

        Assert.Equal(16500, pass.Pulses.Count);
        Assert.InRange(loudest.ArrivalTimeS, pass.Truth.PeakArrivalTimeS - 1.0 / 1650, pass.Truth.PeakArrivalTimeS + 1.0 / 1650);
        Assert.InRange(loudest.PeakCode, pass.Truth.PeakCode - 1, pass.Truth.PeakCode);
    }

    [Fact]
    public void Drop_probability_outside_zero_to_one_is_refused()
    {
        var geometry = new PassGeometry(RadarProfile.NisarL());

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            new PulseTrainGenerator(geometry, new SceneOptions { Effects = SceneEffects.None with { DropProbability = 1.5 } }));
    }

    private static List<ScenePulse[]> SplitIntoBursts(IReadOnlyList<ScenePulse> pulses)
    {
        var bursts = new List<ScenePulse[]>();
        var start = 0;
        for (var i = 1; i <= pulses.Count; i++)
        {
            if (i == pulses.Count || pulses[i].SubSwath != pulses[i - 1].SubSwath)
            {
                bursts.Add(pulses.Skip(start).Take(i - start).ToArray());
                start = i;
            }
        }

        return bursts;
    }
}
