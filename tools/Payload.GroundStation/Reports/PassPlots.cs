using Payload.Analysis;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;
using ScottPlot;

namespace Payload.GroundStation.Reports;

/// <summary>
/// The PNG plots of a pass (ScottPlot, rendered headless): the pulse train, the antenna pattern with the board's and the
/// ground's parabola fits, and housekeeping trends. Time on the pulse plots is seconds since the pass's first pulse.
/// </summary>
public static class PassPlots
{
    /// <summary>Default image width, pixels.</summary>
    public const int Width = 1200;

    /// <summary>Default image height, pixels.</summary>
    public const int Height = 600;

    private const long Mask48 = (1L << 48) - 1;

    /// <summary>Writes the pulse train: every record's peak level (dBm at the detector calibration) against its TOA; flagged pulses apart.</summary>
    public static void PulseTrain(string path, IReadOnlyList<PulseSample> pulses, AnalysisSettings settings, string title = "Pulse train")
    {
        ArgumentNullException.ThrowIfNull(pulses);
        ArgumentNullException.ThrowIfNull(settings);
        var plot = new Plot();
        if (pulses.Count > 0)
        {
            long first = pulses[0].Toa;
            var clean = pulses.Where(p => p.Flags == 0).ToArray();
            var flagged = pulses.Where(p => p.Flags != 0).ToArray();
            AddPoints(plot, clean.Select(p => Seconds(p.Toa, first, settings)).ToArray(), clean.Select(p => Dbm(p.PeakCode, settings)).ToArray(),
                Colors.SteelBlue, 2, $"pulses ({clean.Length})");
            if (flagged.Length > 0)
            {
                AddPoints(plot, flagged.Select(p => Seconds(p.Toa, first, settings)).ToArray(), flagged.Select(p => Dbm(p.PeakCode, settings)).ToArray(),
                    Colors.OrangeRed, 3, $"flagged: saturated, truncated, overlapping ({flagged.Length})");
            }
            plot.ShowLegend(Alignment.LowerRight);
        }
        else
        {
            Note(plot, "no pulse records");
        }
        plot.Title(title);
        plot.XLabel("time since the first pulse (s)");
        plot.YLabel("peak level (dBm)");
        Save(plot, path);
    }

    /// <summary>
    /// Writes the antenna pattern: the pulses' levels, their mean per pattern bin, and the parabola each side fitted to the
    /// main lobe, L(t) = peak − 3.01 dB·(2(t − t_peak)/width)², drawn over its fit window, with the peak times marked.
    /// </summary>
    public static void AntennaPattern(string path, IReadOnlyList<PulseSample> pulses, PassProductValues onboard, PassProductValues? ground,
        AnalysisSettings settings, string title = "Antenna pattern")
    {
        ArgumentNullException.ThrowIfNull(pulses);
        ArgumentNullException.ThrowIfNull(onboard);
        ArgumentNullException.ThrowIfNull(settings);
        var plot = new Plot();
        long first = pulses.Count > 0 ? pulses[0].Toa : onboard.FirstToa;
        var usable = pulses.Where(p => (p.Flags & settings.AmplitudeExcludeFlags) == 0).ToArray();
        if (usable.Length > 0)
        {
            AddPoints(plot, usable.Select(p => Seconds(p.Toa, first, settings)).ToArray(), usable.Select(p => Dbm(p.PeakCode, settings)).ToArray(),
                Colors.Gray.WithAlpha(0.35), 2, "pulses");
            var bins = usable.GroupBy(p => ((p.Toa - first) & Mask48) / settings.BinTicks).OrderBy(g => g.Key).ToArray();
            AddPoints(plot, bins.Select(g => (g.Key + 0.5) * settings.BinTicks / settings.TicksPerSecond).ToArray(),
                bins.Select(g => Dbm(g.Average(p => p.PeakCode), settings)).ToArray(), Colors.SteelBlue, 4, "bin means");
        }
        AddParabola(plot, onboard, first, settings, Colors.Crimson, LinePattern.Solid, "on-board fit");
        if (ground is not null) AddParabola(plot, ground, first, settings, Colors.ForestGreen, LinePattern.Dashed, "ground recomputation");
        if (usable.Length == 0 && onboard.PeakToa is null) Note(plot, "no pulse records and no fit");
        // Top right: the sidelobes keep the bottom corners busy.
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel("time since the first pulse (s)");
        plot.YLabel("level (dBm)");
        Save(plot, path);
    }

    /// <summary>Writes the series as lines against on-board time (seconds); false (nothing written) when there are none.</summary>
    public static bool Trends(string path, IReadOnlyList<ParameterSeries> series, string title, string yLabel)
    {
        ArgumentNullException.ThrowIfNull(series);
        var drawn = series.Where(s => s.Points.Count > 0).ToArray();
        if (drawn.Length == 0) return false;
        var plot = new Plot();
        foreach (ParameterSeries s in drawn)
        {
            var line = plot.Add.ScatterLine(s.Points.Select(p => p.MissionMicroseconds / 1e6).ToArray(), s.Points.Select(p => p.Value).ToArray());
            line.LineWidth = 2;
            line.MarkerSize = s.Points.Count <= 60 ? 4 : 0;
            line.LegendText = s.Unit.Length == 0 ? s.Name : $"{s.Name} ({s.Unit})";
        }
        plot.ShowLegend(Alignment.UpperRight);
        plot.Title(title);
        plot.XLabel("on-board time (s)");
        plot.YLabel(yLabel);
        Save(plot, path);
        return true;
    }

    /// <summary>The housekeeping temperatures among <paramref name="series"/> (unit °C).</summary>
    public static IReadOnlyList<ParameterSeries> Temperatures(IEnumerable<ParameterSeries> series) =>
        series.Where(s => s.Unit is "degC" or "°C" or "C" || s.Name.Contains("temp", StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The supply rails among <paramref name="series"/> (unit mV or V, or "rail" in the name).</summary>
    public static IReadOnlyList<ParameterSeries> Rails(IEnumerable<ParameterSeries> series) =>
        series.Where(s => s.Name.Contains("rail", StringComparison.OrdinalIgnoreCase) || (s.Unit is "mV" or "V" && !s.Name.Contains("reference", StringComparison.OrdinalIgnoreCase)))
            .Where(s => !Temperatures([s]).Any()).ToArray();

    private static void AddParabola(Plot plot, PassProductValues products, long first, AnalysisSettings settings, Color color, LinePattern pattern, string label)
    {
        if (products is not { PeakToa: { } peakToa, PeakDbm: { } peakDbm, BeamwidthTicks: { } width } || !(width > 0)) return;
        double peak = Relative(peakToa, first) / settings.TicksPerSecond;
        double half = width / 2 / settings.TicksPerSecond;
        // The fit window reaches FitWindowDb below the peak: |t − t_peak| = half·√(window / 3.01 dB).
        double reach = half * Math.Sqrt(settings.FitWindowDb / settings.HalfPowerDb);
        double[] xs = Enumerable.Range(0, 201).Select(i => peak - reach + 2 * reach * i / 200).ToArray();
        double[] ys = xs.Select(t => peakDbm - settings.HalfPowerDb * Math.Pow((t - peak) / half, 2)).ToArray();
        var line = plot.Add.ScatterLine(xs, ys, color);
        line.LineWidth = 2.5f;
        line.LinePattern = pattern;
        line.LegendText = $"{label}: peak {peakDbm:0.000} dBm at {peak:0.0000} s, 3 dB width {2 * half:0.0000} s";
        var marker = plot.Add.VerticalLine(peak, 1, color);
        marker.LinePattern = pattern;
    }

    private static void AddPoints(Plot plot, double[] xs, double[] ys, Color color, float size, string label)
    {
        var points = plot.Add.ScatterPoints(xs, ys, color);
        points.MarkerSize = size;
        points.LegendText = label;
    }

    private static void Note(Plot plot, string text)
    {
        var note = plot.Add.Annotation(text);
        note.LabelFontSize = 16;
    }

    private static double Relative(double toa, long first)
    {
        double relative = toa - first;
        return relative < 0 ? relative + (1L << 48) : relative;
    }

    private static double Seconds(long toa, long first, AnalysisSettings settings) => ((toa - first) & Mask48) / settings.TicksPerSecond;

    private static double Dbm(double code, AnalysisSettings settings) => settings.CodeZeroDbm + code / settings.CodesPerDb;

    private static void Save(Plot plot, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        plot.SavePng(path, Width, Height);
    }
}
