using System.Diagnostics.CodeAnalysis;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Telemetry;

/// <summary>An ST[3,25] housekeeping parameter report: the structure and each parameter's value.</summary>
public sealed record HousekeepingReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public HousekeepingReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/> and the values given.</summary>
    [SetsRequiredMembers]
    public HousekeepingReport(TelemetryReport header, HousekeepingStructureDefinition structure, IReadOnlyList<ParameterValue> values) : base(header)
    {
        Structure = structure;
        Values = values;
    }

    /// <summary>The structure's declaration.</summary>
    public required HousekeepingStructureDefinition Structure { get; init; }

    /// <summary>The parameters in report order.</summary>
    public required IReadOnlyList<ParameterValue> Values { get; init; }

    /// <summary>The structure identifier.</summary>
    public byte StructureId => Structure.Id;

    /// <summary>The parameter named <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">The structure does not hold it.</exception>
    public ParameterValue this[string name] =>
        Values.FirstOrDefault(v => v.Name == name) ?? throw new KeyNotFoundException($"{Structure.Name} does not hold '{name}'");

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public ParameterValue? Find(string name) => Values.FirstOrDefault(v => v.Name == name);

    /// <summary>Values outside their limits.</summary>
    public IEnumerable<ParameterValue> OutOfLimits => Values.Where(v => v.Limit != LimitState.Nominal);

    /// <inheritdoc />
    public override string Describe() => $"{Structure.Name} {string.Join(' ', Values)}";
}
