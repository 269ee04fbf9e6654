namespace Payload.GroundStation.Archive;

/// <summary>One archived parameter value (from an HK report or an ST[20,2] report).</summary>
/// <param name="MissionMicroseconds">On-board time of the report.</param>
/// <param name="Name">The parameter's name.</param>
/// <param name="ParameterId">The parameter's identifier.</param>
/// <param name="Raw">The value as sent.</param>
/// <param name="Engineering">raw × scale + offset.</param>
/// <param name="Unit">Engineering unit ("" when none).</param>
/// <param name="Limit">NOMINAL, LOW or HIGH against the declared limits.</param>
/// <param name="Source">The HK structure's name, or "ST[20,2]".</param>
/// <param name="Label">The enumeration label of <paramref name="Raw"/> (see <see cref="ArchiveLabels"/>), or null.</param>
public sealed record ParameterSample(long MissionMicroseconds, string Name, int ParameterId, long Raw, double Engineering, string Unit, string Limit, string Source,
    string? Label = null);
