using System.Diagnostics.CodeAnalysis;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Telemetry;

/// <summary>An ST[5] event report: the event's definition, severity and named argument values.</summary>
public sealed record EventReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public EventReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/> and the event given.</summary>
    [SetsRequiredMembers]
    public EventReport(TelemetryReport header, EventDefinition definition, IReadOnlyList<DecodedValue> arguments) : base(header)
    {
        Definition = definition;
        Arguments = arguments;
    }

    /// <summary>The event's declaration.</summary>
    public required EventDefinition Definition { get; init; }

    /// <summary>The arguments in declaration order.</summary>
    public required IReadOnlyList<DecodedValue> Arguments { get; init; }

    /// <summary>The event definition identifier.</summary>
    public ushort EventId => Definition.Id;

    /// <summary>The event's name.</summary>
    public string Name => Definition.Name;

    /// <summary>The severity (the report's subtype).</summary>
    public Severity Severity => Definition.Severity;

    /// <summary>The argument named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The event has no such argument.</exception>
    public DecodedValue this[string name] =>
        Arguments.FirstOrDefault(a => a.Name == name) ?? throw new KeyNotFoundException($"event {Name} has no argument '{name}'");

    /// <inheritdoc />
    public override string Describe()
    {
        string severity = Severity == Severity.Informative ? "" : $" [{Severity.ToString().ToUpperInvariant()}]";
        return Arguments.Count == 0 ? $"{Name}{severity}" : $"{Name}{severity} {string.Join(' ', Arguments)}";
    }
}
