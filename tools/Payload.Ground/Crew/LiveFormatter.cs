using Payload.GroundStation.Telemetry;

namespace Payload.Ground.Crew;

/// <summary>One coloured line per report for the crew console: out-of-limit housekeeping values red, events by severity, verification green or red.</summary>
public sealed class LiveFormatter(AnsiStyle style)
{
    /// <summary>"  time  TM[s,t]  content", coloured.</summary>
    public string Format(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        string head = $"{report.ToString()[..^report.Describe().Length]}";
        return report switch
        {
            HousekeepingReport housekeeping => style.Dim(head + housekeeping.Structure.Name) + " "
                + string.Join(' ', housekeeping.Values.Select(v => v.Limit == LimitState.Nominal ? v.ToString() : style.Red(v.ToString()))),
            EventReport e => style.BySeverity(e.Severity, head + e.Describe()),
            VerificationReport { Success: true } v => style.Green(head + v.Describe()),
            VerificationReport v => style.Red(head + v.Describe()),
            GenericReport { Problem: not null } g => style.Yellow(head + g.Describe()),
            _ => head + report.Describe(),
        };
    }
}
