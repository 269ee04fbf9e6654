using System.Globalization;

namespace Payload.NanoCheck.Reporting;

/// <summary>The outcome of checking one assembly: every violation plus the measured sizes.</summary>
/// <param name="AssemblyName">The file name shown in the summary line.</param>
/// <param name="Violations">All violations, in a stable order.</param>
/// <param name="Stats">The measured sizes.</param>
public sealed record CheckReport(string AssemblyName, IReadOnlyList<Violation> Violations, AssemblyStats Stats)
{
    /// <summary>True when the assembly has no violations.</summary>
    public bool IsClean => Violations.Count == 0;

    /// <summary>The one-line summary, e.g. <c>NanoCheck: Payload.Flight.dll: 0 violations (IL 1234 bytes, ...)</c>.</summary>
    public string Summary => string.Create(
        CultureInfo.InvariantCulture,
        $"NanoCheck: {AssemblyName}: {Violations.Count} violation{(Violations.Count == 1 ? string.Empty : "s")} " +
        $"(IL {Stats.IlBytes} bytes, strings {Stats.UserStringBytes} bytes, largest type {Stats.LargestTypeMethodCount} methods)");
}
