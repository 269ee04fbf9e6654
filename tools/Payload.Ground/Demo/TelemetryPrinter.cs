using Payload.GroundStation.Telemetry;

namespace Payload.Ground.Demo;

/// <summary>
/// Prints each report as it arrives: on-board time, type, content. Long housekeeping reports wrap by parameter;
/// packets older than the newest seen (store replays) are marked.
/// </summary>
public sealed class TelemetryPrinter(TextWriter output, int width = 120)
{
    private long _newest = long.MinValue;

    /// <summary>Prints <paramref name="report"/>.</summary>
    public void Print(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        bool replayed = report.MissionMicroseconds < _newest;
        if (!replayed) _newest = report.MissionMicroseconds;
        string mark = replayed ? "   (stored, replayed)" : "";
        if (report is not HousekeepingReport housekeeping)
        {
            output.WriteLine($"  {report}{mark}");
            return;
        }

        // "time  TM[3,25]  NAME values…", the values packed greedily and wrapped under the first one.
        string head = $"  {report.ToString()[..^housekeeping.Describe().Length]}{housekeeping.Structure.Name} ";
        var lines = new List<string>();
        string line = "";
        foreach (string value in housekeeping.Values.Select(v => v.ToString()))
        {
            if (line.Length > 0 && head.Length + line.Length + 1 + value.Length > width)
            {
                lines.Add(line);
                line = "";
            }
            line = line.Length == 0 ? value : line + " " + value;
        }
        lines.Add(line);
        output.WriteLine(head + lines[0] + mark);
        foreach (string more in lines.Skip(1)) output.WriteLine(new string(' ', head.Length) + more);
    }
}
