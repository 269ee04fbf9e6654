using System.Diagnostics.CodeAnalysis;
namespace Payload.GroundStation.Telemetry;

/// <summary>An ST[20,2] parameter value report (the answer to PARAM_REPORT).</summary>
public sealed record ParameterReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public ParameterReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/> and the values given.</summary>
    [SetsRequiredMembers]
    public ParameterReport(TelemetryReport header, IReadOnlyList<ParameterValue> values) : base(header)
    {
        Values = values;
    }

    /// <summary>The parameters reported, in report order.</summary>
    public required IReadOnlyList<ParameterValue> Values { get; init; }

    /// <summary>The parameter named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The report does not hold it.</exception>
    public ParameterValue this[string name] =>
        Values.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"the report does not hold '{name}'");

    /// <inheritdoc />
    public override string Describe() => "PARAMETER " + string.Join(' ', Values);
}
