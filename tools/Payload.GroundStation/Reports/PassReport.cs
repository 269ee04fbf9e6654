using System.Globalization;
using System.Text;
using Payload.Analysis;
using Payload.GroundStation.Archive;

namespace Payload.GroundStation.Reports;

/// <summary>
/// Writes a pass report: a Markdown page (pass-report.md) with the pass's plots as PNG beside it and a table comparing
/// every on-board product with the ground's double-precision recomputation, with each product's tolerance and verdict.
/// </summary>
/// <remarks>The content depends only on the input, so the same pass gives the same report.</remarks>
public static class PassReport
{
    /// <summary>File name of the report.</summary>
    public const string MarkdownFile = "pass-report.md";

    /// <summary>File name of the pulse train plot.</summary>
    public const string PulseTrainFile = "pulse-train.png";

    /// <summary>File name of the antenna pattern plot.</summary>
    public const string AntennaPatternFile = "antenna-pattern.png";

    /// <summary>File name of the temperature trends.</summary>
    public const string TemperaturesFile = "hk-temperatures.png";

    /// <summary>File name of the supply rail trends.</summary>
    public const string RailsFile = "hk-rails.png";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Writes the plots and the report into <paramref name="directory"/> (created when missing).</summary>
    public static PassReportResult Write(string directory, PassReportInput input)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(input);
        PassProductValues ground = GroundOf(input);
        IReadOnlyList<string> images = WritePlots(directory, input, ground);
        IReadOnlyList<ProductComparisonRow> comparison = ProductComparison.Compare(input.Onboard, ground);
        string markdown = Path.Combine(directory, MarkdownFile);
        File.WriteAllText(markdown, Markdown(input, comparison, images), new UTF8Encoding(false));
        return new PassReportResult(markdown, images, comparison);
    }

    /// <summary>Writes only the plots into <paramref name="directory"/>; returns their paths.</summary>
    public static IReadOnlyList<string> WritePlots(string directory, PassReportInput input) => WritePlots(directory, input, GroundOf(input));

    /// <summary>The ground's products of the input: given, or recomputed from its pulses with the board's geometry and temperature.</summary>
    public static PassProductValues GroundOf(PassReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Ground is { } given) return given;
        var context = new PassContext(input.Onboard.GroundSpeedMps, input.Onboard.SlantRangeM, input.Onboard.DetectorTemperatureC);
        return GroundProducts.Compute(input.Pulses.Select(p => p.ToAnalysis()).ToArray(), input.Settings, context);
    }

    private static IReadOnlyList<string> WritePlots(string directory, PassReportInput input, PassProductValues ground)
    {
        Directory.CreateDirectory(directory);
        var images = new List<string>();
        string train = Path.Combine(directory, PulseTrainFile);
        PassPlots.PulseTrain(train, input.Pulses, input.Settings, $"{input.Title}: pulse train");
        images.Add(train);
        string pattern = Path.Combine(directory, AntennaPatternFile);
        PassPlots.AntennaPattern(pattern, input.Pulses, input.Onboard, ground, input.Settings, $"{input.Title}: antenna pattern");
        images.Add(pattern);
        string temperatures = Path.Combine(directory, TemperaturesFile);
        if (PassPlots.Trends(temperatures, PassPlots.Temperatures(input.Housekeeping), $"{input.Title}: temperatures", "temperature (°C)")) images.Add(temperatures);
        string rails = Path.Combine(directory, RailsFile);
        IReadOnlyList<ParameterSeries> railSeries = PassPlots.Rails(input.Housekeeping);
        string[] units = railSeries.Select(r => r.Unit).Distinct(StringComparer.Ordinal).ToArray();
        if (PassPlots.Trends(rails, railSeries, $"{input.Title}: supply rails", units.Length == 1 ? $"voltage ({units[0]})" : "voltage")) images.Add(rails);
        return images;
    }

    private static string Markdown(PassReportInput input, IReadOnlyList<ProductComparisonRow> comparison, IReadOnlyList<string> images)
    {
        var md = new StringBuilder();
        int failures = comparison.Count(r => r.Verdict == ComparisonVerdict.Fail);
        md.Append("# ").AppendLine(input.Title).AppendLine();
        md.AppendLine("| | |").AppendLine("|---|---|");
        md.Append("| Raw pulse records | ").Append(input.Pulses.Count.ToString(Invariant)).AppendLine(" |");
        md.Append("| Pulses on board | ").Append(input.Onboard.PulseCount.ToString(Invariant)).AppendLine(" |");
        if (input.Decimation is { } decimation) md.Append("| Raw decimation | ").Append(decimation switch
        {
            0 => "no raw records sent",
            1 => "none: every record went down",
            _ => $"every {decimation.ToString(Invariant)}th record",
        }).AppendLine(" |");
        if (input.EndReason is { } reason) md.Append("| End reason | ").Append(reason).AppendLine(" |");
        if (input.ExpectedRadar is { } radar) md.Append("| Radar | ").Append(radar).AppendLine(" |");
        if (input.RecordsLost is { } lost) md.Append("| Records lost on board | ").Append(lost.ToString(Invariant)).AppendLine(" |");
        if (input.RawDropped is { } dropped) md.Append("| Raw records dropped | ").Append(dropped.ToString(Invariant)).AppendLine(" |");
        md.Append("| On board against ground | ").Append(failures == 0
            ? $"**PASS**: all {comparison.Count.ToString(Invariant)} products within tolerance"
            : $"**FAIL**: {failures.ToString(Invariant)} of {comparison.Count.ToString(Invariant)} products beyond tolerance").AppendLine(" |");
        md.AppendLine();
        if (input.Decimation is > 1 || input.RawDropped is > 0 || input.Pulses.Count < input.Onboard.PulseCount)
        {
            md.AppendLine("> The ground recomputed the products from fewer records than the board used (decimation, drops or missing raw");
            md.AppendLine("> chunks): differences beyond tolerance are expected, and say nothing about the board's arithmetic.");
            md.AppendLine();
        }

        md.AppendLine("## Plots").AppendLine();
        foreach (string image in images)
        {
            string file = Path.GetFileName(image);
            md.Append("![").Append(Caption(file)).Append("](").Append(file).AppendLine(")").AppendLine();
        }

        md.AppendLine("## On-board products against the ground recomputation").AppendLine();
        md.AppendLine("The ground recomputes every product in double precision from the raw pulse records with the board's");
        md.AppendLine("definitions; tolerances are the board's output rounding and fixed-point steps (tools/Payload.Analysis, `Tolerances`).");
        md.AppendLine();
        md.AppendLine("| Product | Unit | On board | Ground | Difference | Tolerance | Result |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (ProductComparisonRow row in comparison)
        {
            md.Append("| ").Append(row.Product).Append(" | ").Append(row.Unit).Append(" | ")
                .Append(Value(row.Onboard)).Append(" | ").Append(Value(row.Ground)).Append(" | ")
                .Append(row.Difference is { } d ? d.ToString("G3", Invariant) : "").Append(" | ")
                .Append(row.Tolerance == 0 ? "equal" : "±" + row.Tolerance.ToString("G3", Invariant)).Append(" | ")
                .Append(row.Verdict == ComparisonVerdict.Pass ? "pass" : "**FAIL**").AppendLine(" |");
        }
        md.AppendLine();

        md.AppendLine("## Housekeeping over the pass").AppendLine();
        var numeric = input.Housekeeping.Where(s => s.Points.Count > 0).ToArray();
        if (numeric.Length == 0)
        {
            md.AppendLine("No housekeeping was archived around the pass.");
        }
        else
        {
            md.AppendLine("| Parameter | Unit | Samples | Min | Mean | Max |");
            md.AppendLine("|---|---|---:|---:|---:|---:|");
            foreach (ParameterSeries s in numeric)
            {
                md.Append("| ").Append(s.Name).Append(" | ").Append(s.Unit).Append(" | ").Append(s.Points.Count.ToString(Invariant)).Append(" | ")
                    .Append(Value(s.Points.Min(p => p.Value))).Append(" | ").Append(Value(s.Points.Average(p => p.Value))).Append(" | ")
                    .Append(Value(s.Points.Max(p => p.Value))).AppendLine(" |");
            }
        }
        return md.ToString();
    }

    private static string Caption(string file) => file switch
    {
        PulseTrainFile => "Pulse train: peak level against time",
        AntennaPatternFile => "Antenna pattern with the on-board and ground parabola fits",
        TemperaturesFile => "Housekeeping: temperatures",
        RailsFile => "Housekeeping: supply rails",
        _ => file,
    };

    private static string Value(double? value) => value switch
    {
        null => "—",
        { } v when Math.Abs(v) >= 1e9 => v.ToString("0.###", Invariant),
        { } v => v.ToString("0.######", Invariant),
    };
}
