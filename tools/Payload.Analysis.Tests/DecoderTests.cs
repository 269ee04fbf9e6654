using Payload.Flight.Instrument.Products;

namespace Payload.Analysis.Tests;

/// <summary>The ground decoder reads every field of the board's encoding and refuses what it cannot read.</summary>
public class DecoderTests
{
    private static PassProducts Computed(out PassAccumulator accumulator)
    {
        var pass = new SyntheticPass { Name = "decoder", DitherFraction = 0.01, SaturationDbm = -26.5, DropProbability = 0.01, EpochTicks = 0x0000_ABCD_0000_1234L };
        accumulator = new PassAccumulator(new ProductSettings());
        foreach (var (toa, width, code, flags) in pass.Generate())
        {
            accumulator.Add(toa, width, code, flags);
        }

        return accumulator.Compute(6700, 960_000, -1550);
    }

    [Fact]
    public void Decodes_every_field_in_engineering_units()
    {
        var p = Computed(out _);
        var wire = new byte[PassProducts.Length + 5];
        Assert.Equal(PassProducts.Length, p.Encode(wire, 5));

        var d = OnboardProductsDecoder.Decode(wire.AsSpan(5));

        Assert.Equal(p.FirstToa, d.FirstToa);
        Assert.Equal(p.DurationTicks, d.DurationTicks);
        Assert.Equal(p.PulseCount, d.PulseCount);
        Assert.Equal(p.ExpectedCount, d.ExpectedCount);
        Assert.Equal(p.MissedPulses, d.MissedPulses);
        Assert.Equal(p.GapCount, d.GapCount);
        Assert.Equal(p.RejectedCount, d.RejectedCount);
        Assert.Equal(p.TrainPulseCount, d.TrainPulseCount);
        Assert.Equal(p.AmplitudeExcludedCount, d.AmplitudeExcludedCount);
        Assert.Equal(p.WidthExcludedCount, d.WidthExcludedCount);
        Assert.Equal(p.PriClusterCount, d.PriClusterCount);
        Assert.Equal(p.PriMedianTicks, d.PriMedianTicks);
        Assert.Equal(p.PriMeanQ4 / 16.0, d.PriMeanTicks);
        Assert.Equal(p.PrfMilliHz / 1000.0, d.PrfHz);
        Assert.Equal(p.PriJitterRmsQ4 / 16.0, d.PriJitterRmsTicks);
        Assert.Equal(p.WidthMeanQ4 / 16.0, d.WidthMeanTicks);
        Assert.Equal(p.WidthStdQ4 / 16.0, d.WidthStdTicks);
        Assert.Equal(p.AmplitudeSpreadMilliDb / 1000.0, d.AmplitudeSpreadDb);
        Assert.Equal(p.PeakToa, d.PeakToa);
        Assert.Equal(p.PeakCodeQ4 / 16.0, d.PeakCode);
        Assert.Equal(p.PeakMilliDbm / 1000.0, d.PeakDbm);
        Assert.Equal(p.BeamwidthTicks, d.BeamwidthTicks);
        Assert.Equal(p.BeamwidthMicroDeg / 1e6, d.BeamwidthDeg);
        Assert.Equal(p.SidelobeLeftMilliDb / 1000.0, d.SidelobeLeftDb);
        Assert.Equal(p.SidelobeRightMilliDb / 1000.0, d.SidelobeRightDb);
        Assert.Equal(p.SidelobeAsymmetryMilliDb / 1000.0, d.SidelobeAsymmetryDb);
        Assert.Equal(p.FitPoints, d.FitPoints);
        Assert.Equal(6700, d.GroundSpeedMps);
        Assert.Equal(960_000, d.SlantRangeM);
        Assert.Equal(-15.5, d.DetectorTemperatureC);
        Assert.True(p.AmplitudeExcludedCount > 0 && p.MissedPulses > 0 && p.SidelobeLeftMilliDb < 0, "the pass exercises the signed and counted fields");
        Assert.True(d.FirstToa > 1L << 40, "the TOA uses all 48 bits");
    }

    [Fact]
    public void Products_that_were_not_computed_decode_as_absent()
    {
        var accumulator = new PassAccumulator(new ProductSettings());
        accumulator.Add(1000, 3200, 30_000, 0); // one pulse: no PRI, no fit
        var wire = new byte[PassProducts.Length];
        accumulator.Compute(6700, 960_000, 2000).Encode(wire, 0);

        var d = OnboardProductsDecoder.Decode(wire);

        Assert.Equal(1, d.PulseCount);
        Assert.Null(d.PrfHz);
        Assert.Null(d.ExpectedCount);
        Assert.Null(d.PeakToa);
        Assert.Null(d.BeamwidthDeg);
        Assert.Null(d.SidelobeLeftDb);
        Assert.Null(d.SidelobeAsymmetryDb);
        Assert.Equal(3200, d.WidthMeanTicks);
        Assert.Equal(20.0, d.DetectorTemperatureC);
    }

    [Fact]
    public void A_short_buffer_or_an_unknown_format_is_refused()
    {
        var wire = new byte[PassProducts.Length];
        Computed(out _).Encode(wire, 0);

        Assert.Throws<FormatException>(() => OnboardProductsDecoder.Decode(wire.AsSpan(0, PassProducts.Length - 1)));
        wire[0] = 2;
        Assert.Throws<FormatException>(() => OnboardProductsDecoder.Decode(wire));
    }
}
