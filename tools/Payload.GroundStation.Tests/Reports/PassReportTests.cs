using Payload.Analysis;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;
using Payload.GroundStation.Reports;

namespace Payload.GroundStation.Tests.Reports;

public sealed class PassReportTests : IDisposable
{
    private static readonly Lazy<ScenePass> Nisar = new(() => ScenePass.Nisar(seed: 1));

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "payload-report-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void TheReportHasThePlotsBesideItAndEveryProductPassesItsTolerance()
    {
        PassReportInput input = Input(Nisar.Value);

        PassReportResult result = PassReport.Write(_directory, input);

        Assert.Equal(Path.Combine(_directory, "pass-report.md"), result.MarkdownPath);
        Assert.Equal(["pulse-train.png", "antenna-pattern.png", "hk-temperatures.png", "hk-rails.png"], result.Images.Select(Path.GetFileName));
        Assert.All(result.Images, image => Assert.Equal((PassPlots.Width, PassPlots.Height), PngFile.Dimensions(image)));
        Assert.True(result.AllAgree, string.Join("; ", result.Comparison.Where(r => r.Verdict == ComparisonVerdict.Fail)));
        Assert.Equal(31, result.Comparison.Count);

        string markdown = File.ReadAllText(result.MarkdownPath);
        Assert.StartsWith("# Pass 1 — NISAR\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| On board against ground | **PASS**: all 31 products within tolerance |", markdown, StringComparison.Ordinal);
        Assert.Contains("| Product | Unit | On board | Ground | Difference | Tolerance | Result |", markdown, StringComparison.Ordinal);
        foreach (ProductComparisonRow row in result.Comparison)
            Assert.Contains($"| {row.Product} | {row.Unit} | ", markdown, StringComparison.Ordinal);
        Assert.Equal(31, markdown.Split('\n').Count(l => l.EndsWith("| pass |", StringComparison.Ordinal)));
        Assert.Contains($"| PRF | Hz | {input.Onboard.PrfHz!.Value.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture)} | ", markdown, StringComparison.Ordinal);
        Assert.Contains("| Pulses |  | " + input.Onboard.PulseCount + " | " + input.Onboard.PulseCount + " | 0 | equal | pass |", markdown, StringComparison.Ordinal);
        foreach (string image in result.Images) Assert.Contains($"]({Path.GetFileName(image)})", markdown, StringComparison.Ordinal);
        Assert.Contains("| hkadc.det_temp | degC | 3 | 24.5 | 25 | 25.5 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void AProductBeyondItsToleranceIsMarkedFail()
    {
        PassReportInput input = Input(Nisar.Value);
        PassProductValues ground = PassReport.GroundOf(input);
        input = input with { Ground = ground with { PrfHz = ground.PrfHz + 0.01, PeakDbm = null } };

        PassReportResult result = PassReport.Write(_directory, input);

        Assert.Equal(2, result.Failures);
        Assert.Equal(["PRF", "Peak level"], result.Comparison.Where(r => r.Verdict == ComparisonVerdict.Fail).Select(r => r.Product));
        string markdown = File.ReadAllText(result.MarkdownPath);
        Assert.Contains("**FAIL**: 2 of 31 products beyond tolerance", markdown, StringComparison.Ordinal);
        Assert.Contains("| PRF | Hz | ", markdown, StringComparison.Ordinal);
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| PRF | Hz |", StringComparison.Ordinal) && l.EndsWith("| ±0.001 | **FAIL** |", StringComparison.Ordinal));
        Assert.Single(markdown.Split('\n'), l => l.StartsWith("| Peak level | dBm |", StringComparison.Ordinal) && l.Contains("| — |", StringComparison.Ordinal)
            && l.EndsWith("| **FAIL** |", StringComparison.Ordinal));
    }

    [Fact]
    public void ADecimatedPassSaysWhyTheGroundCannotAgree()
    {
        ScenePass decimated = ScenePass.Nisar(seed: 1, decimation: 10);
        PassReportInput input = Input(decimated) with { Pulses = decimated.RawPulses, Decimation = 10 };

        PassReportResult result = PassReport.Write(_directory, input);

        Assert.False(result.AllAgree);
        string markdown = File.ReadAllText(result.MarkdownPath);
        Assert.Contains("| Raw decimation | every 10th record |", markdown, StringComparison.Ordinal);
        Assert.Contains("differences beyond tolerance are expected", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutHousekeepingOnlyThePulsePlotsAreWritten()
    {
        PassReportInput input = Input(Nisar.Value) with { Housekeeping = [] };

        IReadOnlyList<string> images = PassReport.WritePlots(_directory, input);

        Assert.Equal(["pulse-train.png", "antenna-pattern.png"], images.Select(Path.GetFileName));
        Assert.All(images, image => PngFile.Dimensions(image));
    }

    [Fact]
    public void PlotsOfAnEmptyPassAreStillImages()
    {
        string train = Path.Combine(_directory, "empty-train.png");
        string pattern = Path.Combine(_directory, "empty-pattern.png");
        var settings = new PassReportInput { Title = "", Pulses = [], Onboard = new PassProductValues() }.Settings;

        PassPlots.PulseTrain(train, [], settings);
        PassPlots.AntennaPattern(pattern, [], new PassProductValues(), null, settings);

        Assert.Equal((1200, 600), PngFile.Dimensions(train));
        Assert.Equal((1200, 600), PngFile.Dimensions(pattern));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory)) Directory.Delete(_directory, recursive: true);
    }

    private static PassReportInput Input(ScenePass scene)
    {
        InstrumentMessage products = InstrumentMessage.Decode(scene.ProductsMessage);
        Assert.Null(products.Problem);
        return new PassReportInput
        {
            Title = "Pass 1 — NISAR",
            Pulses = scene.Pulses,
            Onboard = products.Products!,
            Decimation = products.Decimation,
            EndReason = products.EndReason,
            ExpectedRadar = products.ExpectedRadar,
            Housekeeping =
            [
                new ParameterSeries("hkadc.det_temp", "degC", [(1_000_000, 24.5), (2_000_000, 25.0), (3_000_000, 25.5)]),
                new ParameterSeries("hkadc.board_temp", "degC", [(1_000_000, 30.0), (2_000_000, 30.25), (3_000_000, 30.5)]),
                new ParameterSeries("hkadc.rail_5v", "mV", [(1_000_000, 5000), (2_000_000, 4998), (3_000_000, 5001)]),
                new ParameterSeries("hkadc.rail_3v3", "mV", [(1_000_000, 3300), (2_000_000, 3301), (3_000_000, 3299)]),
                new ParameterSeries("sys.uptime", "s", [(1_000_000, 1), (2_000_000, 2), (3_000_000, 3)]),
            ],
        };
    }
}
