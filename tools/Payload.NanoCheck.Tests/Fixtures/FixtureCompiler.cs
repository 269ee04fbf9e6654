using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Payload.NanoCheck.Reporting;

namespace Payload.NanoCheck.Tests.Fixtures;

/// <summary>Which mscorlib a fixture is compiled against.</summary>
public enum Corlib
{
    /// <summary>The device's mscorlib from nanoFramework.CoreLibrary (the normal case).</summary>
    Nano,

    /// <summary>The test host's own framework, for constructs the nanoFramework mscorlib cannot compile.</summary>
    Host,
}

/// <summary>Compiles fixture C# in memory with Roslyn, under the device's language rules, and checks it.</summary>
public static class FixtureCompiler
{
    /// <summary>The source file name fixtures are compiled from (what PDB locations report).</summary>
    public const string SourcePath = "Fixture.cs";

    private static readonly Lazy<ImmutableArray<MetadataReference>> NanoReferences = new(() =>
        [MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "nano", "mscorlib.dll"))]);

    private static readonly Lazy<ImmutableArray<MetadataReference>> HostReferences = new(() =>
    [
        .. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetFileName(path) is "System.Private.CoreLib.dll" or "System.Runtime.dll")
            .Select(path => MetadataReference.CreateFromFile(path)),
    ]);

    /// <summary>Compiles <paramref name="source"/> and runs the checker on it.</summary>
    public static CheckReport Check(string source, bool allowUnsafe = false, Corlib corlib = Corlib.Nano, bool withPdb = false)
    {
        var (image, pdb) = Compile(source, allowUnsafe, corlib, withPdb);
        using var imageStream = new MemoryStream(image);
        using var pdbStream = pdb is null ? null : new MemoryStream(pdb);
        return NanoChecker.Check(imageStream, "Fixture.dll", pdbStream);
    }

    /// <summary>Compiles <paramref name="source"/> to a PE image (and a portable PDB when asked).</summary>
    public static (byte[] Image, byte[]? Pdb) Compile(string source, bool allowUnsafe = false, Corlib corlib = Corlib.Nano, bool withPdb = false)
    {
        // LangVersion 9 and the NANOFRAMEWORK_1_0 symbol, as nfproj.props sets for the device build.
        var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp9, preprocessorSymbols: ["NANOFRAMEWORK_1_0"]);
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(source, Encoding.UTF8), parseOptions, SourcePath);
        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            allowUnsafe: allowUnsafe,
            optimizationLevel: OptimizationLevel.Debug, // what a default dotnet build produces; keeps locals
            nullableContextOptions: NullableContextOptions.Disable);
        var references = corlib == Corlib.Nano ? NanoReferences.Value : HostReferences.Value;
        var compilation = CSharpCompilation.Create("Fixture", [tree], references, options);

        using var image = new MemoryStream();
        using var pdb = withPdb ? new MemoryStream() : null;
        var result = compilation.Emit(image, pdb, options: withPdb ? new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb) : null);
        var errors = result.Diagnostics.Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        if (!result.Success || errors.Count > 0)
        {
            throw new InvalidOperationException("fixture does not compile:\n" + string.Join("\n", errors));
        }

        return (image.ToArray(), pdb?.ToArray());
    }
}
