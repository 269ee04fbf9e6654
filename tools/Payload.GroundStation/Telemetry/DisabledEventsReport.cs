using System.Diagnostics.CodeAnalysis;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Telemetry;

/// <summary>A TM[5,8] report (the answer to EVENT_REPORT_DISABLED): the events whose reports are disabled on board — a list, not an event.</summary>
public sealed record DisabledEventsReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public DisabledEventsReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/> and the identifiers listed.</summary>
    [SetsRequiredMembers]
    public DisabledEventsReport(TelemetryReport header, IReadOnlyList<ushort> eventIds, IReadOnlyList<EventDefinition?> definitions) : base(header)
    {
        EventIds = eventIds;
        Definitions = definitions;
    }

    /// <summary>The disabled event identifiers, in report order (ascending on board).</summary>
    public required IReadOnlyList<ushort> EventIds { get; init; }

    /// <summary>The declaration of each identifier of <see cref="EventIds"/>, or null for one the dictionary does not have.</summary>
    public required IReadOnlyList<EventDefinition?> Definitions { get; init; }

    /// <summary>The disabled events' names, in report order; an identifier the dictionary does not have as "#id".</summary>
    public IReadOnlyList<string> Names => EventIds.Select((id, i) => Definitions[i]?.Name ?? $"#{id}").ToArray();

    /// <inheritdoc />
    public override string Describe() => EventIds.Count == 0 ? "DISABLED EVENTS none" : $"DISABLED EVENTS ({EventIds.Count}) {string.Join(' ', Names)}";
}
