using System.Diagnostics.CodeAnalysis;
namespace Payload.GroundStation.Telemetry;

/// <summary>A telemetry packet the decoder has no typed form for (or whose content did not match the dictionary): service, subtype and octets.</summary>
public sealed record GenericReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public GenericReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/>.</summary>
    [SetsRequiredMembers]
    public GenericReport(TelemetryReport header) : base(header)
    {
    }

    private static readonly Dictionary<(byte, byte), string> KnownNames = new()
    {
        [(3, 10)] = "HK structure report",
        [(5, 8)] = "disabled events report",
        [(9, 2)] = "time report",
        [(11, 13)] = "schedule summary report",
        [(15, 13)] = "packet store summary report",
        [(17, 2)] = "ARE_YOU_ALIVE report",
    };

    /// <summary>Why the content was not decoded although the kind is known (e.g. an undeclared structure), or null.</summary>
    public string? Problem { get; init; }

    /// <inheritdoc />
    public override string Describe()
    {
        string name = KnownNames.TryGetValue((Service, Subtype), out string? known) ? known : "report";
        string data = ApplicationData.Length == 0 ? "(no data)" : $"{ApplicationData.Length} octets {ValueFormat.Hex(ApplicationData.Span, 24)}";
        return Problem is null ? $"{name} {data}" : $"{name} {data} — {Problem}";
    }
}
