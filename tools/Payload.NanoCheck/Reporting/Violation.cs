using System.Globalization;

namespace Payload.NanoCheck.Reporting;

/// <summary>One finding: which rule, where in the assembly, and why it fails on the device.</summary>
/// <param name="RuleId">The rule identifier (see <see cref="RuleIds"/>).</param>
/// <param name="Member">The offending type or member, e.g. <c>Payload.Flight.Protocol.Crc16::Compute</c>.</param>
/// <param name="IlOffset">The IL offset of the offending instruction, when the finding is in a method body.</param>
/// <param name="Message">What was found and why nanoFramework cannot run it.</param>
/// <param name="Source">The source position, when a portable PDB was available.</param>
public sealed record Violation(string RuleId, string Member, int? IlOffset, string Message, SourceLocation? Source = null)
{
    /// <summary>The member and IL offset as shown to people, e.g. <c>Foo::Bar at IL_0012</c>.</summary>
    public string Where => IlOffset is int offset
        ? string.Create(CultureInfo.InvariantCulture, $"{Member} at IL_{offset:x4}")
        : Member;

    /// <summary>The finding in MSBuild's canonical error format, so a build log shows it as an error.</summary>
    public string ToCanonicalString()
    {
        var origin = Source is null
            ? string.Empty
            : string.Create(CultureInfo.InvariantCulture, $"{Source.File}({Source.Line},{Source.Column}): ");
        return $"{origin}error {RuleId}: {Where}: {Message}";
    }

    /// <inheritdoc />
    public override string ToString() => ToCanonicalString();
}
