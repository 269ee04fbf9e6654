namespace Payload.NanoCheck;

/// <summary>The rule identifiers NanoCheck reports, one per way code can compile yet fail on nanoFramework 1.17.</summary>
public static class RuleIds
{
    /// <summary>The assembly could not be read as a .NET image.</summary>
    public const string UnreadableAssembly = "NF000";

    /// <summary>A generic type or generic method is defined in the assembly.</summary>
    public const string GenericDefinition = "NF001";

    /// <summary>A generic type or method is instantiated (TypeSpec, MethodSpec or signature).</summary>
    public const string GenericInstantiation = "NF002";

    /// <summary>An overflow-checked arithmetic or conversion opcode is used.</summary>
    public const string CheckedArithmetic = "NF003";

    /// <summary>Unsafe code: pointers, function pointers, pinned locals, stackalloc (localloc).</summary>
    public const string UnsafeCode = "NF004";

    /// <summary>A multidimensional (or non-zero-based) array type is used.</summary>
    public const string MultidimensionalArray = "NF005";

    /// <summary>An opcode or calling convention the nanoFramework interpreter does not execute.</summary>
    public const string UnsupportedOpcode = "NF006";

    /// <summary>A type has more methods than the metadata processor can count in one byte.</summary>
    public const string TooManyMethods = "NF007";

    /// <summary>The assembly's IL exceeds the 16-bit byte-code table of the nanoFramework image.</summary>
    public const string IlTooLarge = "NF008";

    /// <summary>The assembly's user strings exceed the 16-bit string table of the nanoFramework image.</summary>
    public const string StringsTooLarge = "NF009";

    /// <summary>A type has more static or instance fields than the metadata processor can count in one byte.</summary>
    public const string TooManyFields = "NF010";
}
