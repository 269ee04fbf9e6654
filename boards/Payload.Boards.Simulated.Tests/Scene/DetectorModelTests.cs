using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class DetectorModelTests
{
    private readonly DetectorModel model = new();

    [Fact]
    public void Transfer_is_minus_25_mV_per_dB_through_the_intercept()
    {
        var detector = model.Detector;

        Assert.Equal(1.15, detector.Volts(-26.0), 12);
        Assert.Equal(-0.025, detector.Volts(-30.0) - detector.Volts(-31.0), 12);
        Assert.Equal(-26.0, detector.LevelDbm(1.15), 12);
    }

    [Fact]
    public void Output_clips_at_floor_and_saturation_over_a_58_dB_range()
    {
        var detector = model.Detector;

        Assert.Equal(58.0, detector.DynamicRangeDb);
        Assert.Equal(2.0, detector.Volts(-60.0), 12);
        Assert.Equal(2.0, detector.Volts(-90.0), 12);
        Assert.Equal(0.55, detector.Volts(-2.0), 12);
        Assert.Equal(0.55, detector.Volts(+10.0), 12);
    }

    [Fact]
    public void Peak_code_rises_with_power_at_655_36_codes_per_dB()
    {
        Assert.Equal(655.36, model.CodesPerDb, 10);
        Assert.True(model.PeakCode(-30.0) > model.PeakCode(-40.0));
        Assert.InRange(model.PeakCode(-30.0) - model.PeakCode(-40.0), 6553, 6554);
        Assert.Equal(13107, model.FloorPeakCode);
        Assert.Equal(51118, model.SaturationPeakCode);
        Assert.Equal(model.FloorPeakCode, model.PeakCode(-75.0));
        Assert.Equal(model.SaturationPeakCode, model.PeakCode(0.0));
    }

    [Fact]
    public void Every_code_in_range_inverts_to_a_level_that_gives_the_same_code()
    {
        for (var code = model.FloorPeakCode; code <= model.SaturationPeakCode; code++)
        {
            Assert.Equal(code, model.PeakCode(model.Dbm(code)));
        }
    }

    [Fact]
    public void Inverse_is_within_half_a_code_of_every_level_in_range()
    {
        var halfCodeDb = 0.5 / model.CodesPerDb;
        for (var level = -60.0; level <= -2.0; level += 0.0137)
        {
            Assert.InRange(model.Dbm(model.PeakCode(level)) - level, -halfCodeDb - 1e-9, halfCodeDb + 1e-9);
        }
    }

    [Fact]
    public void Codes_are_linear_in_dB()
    {
        var zero = model.DbmAtPeakCodeZero;

        Assert.Equal(-79.9992, zero, 4);
        foreach (var code in new[] { 0, 13107, 20000, 35389, 51118, 65535 })
        {
            Assert.Equal(zero + code / model.CodesPerDb, model.Dbm(code), 9);
        }
    }

    [Fact]
    public void Adc_maps_0_to_2_5_V_onto_16_bits_and_inverts_to_bin_centres()
    {
        var adc = model.Adc;

        Assert.Equal(65535, adc.MaxCode);
        Assert.Equal(0, adc.Code(0.0));
        Assert.Equal(0, adc.Code(-0.1));
        Assert.Equal(65535, adc.Code(2.5));
        Assert.Equal(32768, adc.Code(1.25));
        Assert.Equal(1.25 + adc.LsbVolts / 2, adc.Volts(32768), 12);
    }

    [Fact]
    public void Noiseless_read_flags_saturation_and_floor()
    {
        var saturated = model.Read(5.0, null);
        var atFloor = model.Read(-70.0, null);
        var normal = model.Read(-26.0, null);

        Assert.True(saturated.Saturated);
        Assert.Equal(model.SaturationPeakCode, saturated.PeakCode);
        Assert.True(atFloor.AtFloor);
        Assert.Equal(model.FloorPeakCode, atFloor.PeakCode);
        Assert.False(normal.Saturated || normal.AtFloor);
        Assert.Equal(-26.0, normal.LevelDbm);
        Assert.Equal(model.PeakCode(-26.0), normal.PeakCode);
    }

    [Fact]
    public void High_snr_noise_is_a_small_gaussian_in_dB()
    {
        var detector = model.Detector;
        var random = new Pcg32(7);
        var levels = Enumerable.Range(0, 20000).Select(_ => detector.NoisyLevelDbm(-26.0, random)).ToArray();

        // Rician at 36 dB SNR: 4.343·sqrt(2·Pn/Ps) ≈ 0.097 dB, plus the 0.05 dB log-output noise.
        var rician = 10 / Math.Log(10) * Math.Sqrt(2 * Math.Pow(10, (-62.0 + 26.0) / 10));
        var expectedSigma = Math.Sqrt(rician * rician + 0.05 * 0.05);
        var mean = levels.Average();
        var sigma = Math.Sqrt(levels.Select(l => (l - mean) * (l - mean)).Average());

        Assert.Equal(-26.0, mean, 1);
        Assert.InRange(sigma, expectedSigma * 0.95, expectedSigma * 1.05);
    }

    [Fact]
    public void Near_the_floor_the_detected_power_is_rician_signal_plus_noise()
    {
        var detector = model.Detector with { HighSnrNoiseDb = 0.0 };
        var random = new Pcg32(11);
        const double inputDbm = -52.0;
        var meanPowerMw = Enumerable.Range(0, 40000)
            .Select(_ => Math.Pow(10, detector.NoisyLevelDbm(inputDbm, random) / 10))
            .Average();

        // E|s + n|² = Ps + Pn: at 10 dB SNR the detector reads 0.41 dB high on average.
        var expected = Math.Pow(10, inputDbm / 10) + Math.Pow(10, detector.NoisePowerDbm / 10);
        Assert.Equal(1.0, meanPowerMw / expected, 2);
    }

    [Fact]
    public void Noise_alone_mostly_sits_on_the_floor()
    {
        var random = new Pcg32(3);
        var readings = Enumerable.Range(0, 5000).Select(_ => model.Read(-100.0, random)).ToArray();

        // Rayleigh noise of mean power −62 dBm stays under the −60 dBm floor with probability 1 − exp(−10^0.2) = 0.795,
        // and exceeds −48 dBm (25× its mean) with probability e^−25.
        Assert.InRange(readings.Count(r => r.AtFloor), 3800, 4150);
        Assert.All(readings, r => Assert.InRange(r.PeakCode, model.FloorPeakCode, model.PeakCode(-48.0)));
    }

    [Fact]
    public void Temp_pin_gives_2_mV_per_degree_and_inverts()
    {
        var detector = model.Detector;

        Assert.Equal(0.6, detector.TemperatureVolts(25.0), 12);
        Assert.Equal(0.002, detector.TemperatureVolts(26.0) - detector.TemperatureVolts(25.0), 12);
        Assert.Equal(0.54, detector.TemperatureVolts(-5.0), 12);
        Assert.Equal(-5.0, detector.CelsiusFromTemperatureVolts(0.54), 9);
    }

    [Fact]
    public void A_detector_whose_output_rises_with_power_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new DetectorModel(new LogDetector { SlopeVoltsPerDb = 0.025 }));
    }
}
