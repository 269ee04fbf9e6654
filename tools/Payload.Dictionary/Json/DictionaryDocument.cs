namespace Payload.Dictionary.Json;

/// <summary>The JSON dictionary: what <see cref="JsonDictionaryWriter"/> writes and <see cref="JsonDictionaryReader"/> reads (layout in README.md).</summary>
public sealed class DictionaryDocument
{
    /// <summary>The value of <see cref="Format"/> in every document this library writes.</summary>
    public const string FormatName = "payload-dictionary";

    /// <summary>The layout version this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>Always <see cref="FormatName"/>; lets a reader refuse a file that is something else.</summary>
    public required string Format { get; init; }

    /// <summary>Layout version; bumped when a field changes meaning or disappears (new optional fields do not bump it).</summary>
    public required int FormatVersion { get; init; }

    /// <summary>APID of the payload's application process.</summary>
    public required int Apid { get; init; }

    /// <summary>The dictionary hash as the board reports it, "0x" and eight upper-case hex digits.</summary>
    public required string Hash { get; init; }

    /// <summary>The same hash as a number.</summary>
    public required uint HashValue { get; init; }

    /// <summary>The payload's modes, in the order of their mask bits; command <see cref="CommandDocument.AllowedModes"/> use these names.</summary>
    public required IReadOnlyList<NamedValueDocument> Modes { get; init; }

    /// <summary>ST[1] failure codes carried by every verification failure report.</summary>
    public required IReadOnlyList<NamedValueDocument> FailureCodes { get; init; }

    /// <summary>Every telecommand, in declaration order.</summary>
    public required IReadOnlyList<CommandDocument> Commands { get; init; }

    /// <summary>Every on-board parameter, in declaration order.</summary>
    public required IReadOnlyList<ParameterDocument> Parameters { get; init; }

    /// <summary>Every event, in declaration order.</summary>
    public required IReadOnlyList<EventDocument> Events { get; init; }

    /// <summary>Every housekeeping structure, in declaration order.</summary>
    public required IReadOnlyList<HousekeepingDocument> Housekeeping { get; init; }

    /// <summary>Every ST[8] function, in declaration order.</summary>
    public required IReadOnlyList<FunctionDocument> Functions { get; init; }
}
