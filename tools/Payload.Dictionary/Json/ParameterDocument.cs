namespace Payload.Dictionary.Json;

/// <summary>An on-board parameter: telemetered value, and for settable ones a configuration the ground may change.</summary>
public sealed class ParameterDocument
{
    /// <summary>Identifier used by ST[3] structures and ST[20] requests.</summary>
    public required int Id { get; init; }

    /// <summary>Lower-case dotted name.</summary>
    public required string Name { get; init; }

    /// <summary>Wire type (as <see cref="ArgumentDocument.Type"/>, never bytes).</summary>
    public required string Type { get; init; }

    /// <summary>Engineering unit after calibration ("" when dimensionless).</summary>
    public required string Unit { get; init; }

    /// <summary>One line for operators.</summary>
    public required string Description { get; init; }

    /// <summary>Engineering value per raw count (engineering = raw × scale + offset).</summary>
    public required double Scale { get; init; }

    /// <summary>Engineering value at raw zero.</summary>
    public required double Offset { get; init; }

    /// <summary>True when ST[20] may set it.</summary>
    public required bool Settable { get; init; }

    /// <summary>True when a set value survives a reset.</summary>
    public required bool Persisted { get; init; }

    /// <summary>Raw value at boot when nothing was persisted.</summary>
    public required long Default { get; init; }

    /// <summary>Smallest raw value ST[20] may set.</summary>
    public required long Min { get; init; }

    /// <summary>Largest raw value ST[20] may set.</summary>
    public required long Max { get; init; }

    /// <summary>Raw value below which the parameter is out of limits.</summary>
    public required long LowLimit { get; init; }

    /// <summary>Raw value above which the parameter is out of limits.</summary>
    public required long HighLimit { get; init; }

    /// <summary>Names of the raw values from 0 upwards, one per value; absent when the parameter is a plain number.</summary>
    public IReadOnlyList<NamedValueDocument>? Enumeration { get; init; }
}
