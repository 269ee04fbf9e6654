using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Payload.NanoCheck.Reporting;
using Payload.NanoCheck.Rules;

namespace Payload.NanoCheck;

/// <summary>Checks a compiled assembly for code that compiles but fails on nanoFramework 1.17.</summary>
public static class NanoChecker
{
    /// <summary>Checks the assembly at <paramref name="assemblyPath"/>, using its portable PDB for source lines when present.</summary>
    /// <exception cref="BadImageFormatException">The file is not a readable .NET assembly.</exception>
    public static CheckReport CheckFile(string assemblyPath)
    {
        using var image = File.OpenRead(assemblyPath);
        var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
        using var pdb = File.Exists(pdbPath) ? File.OpenRead(pdbPath) : null;
        return Check(image, Path.GetFileName(assemblyPath), pdb);
    }

    /// <summary>Checks an assembly image; <paramref name="portablePdb"/> (or an embedded PDB) adds source lines.</summary>
    /// <param name="image">The PE image.</param>
    /// <param name="assemblyName">The name shown in the summary.</param>
    /// <param name="portablePdb">An optional portable PDB stream; Windows PDBs are ignored.</param>
    /// <exception cref="BadImageFormatException">The image is not a readable .NET assembly.</exception>
    public static CheckReport Check(Stream image, string assemblyName, Stream? portablePdb = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var peReader = new PEReader(image, PEStreamOptions.LeaveOpen | PEStreamOptions.PrefetchEntireImage);
        if (!peReader.HasMetadata)
        {
            throw new BadImageFormatException($"{assemblyName} has no .NET metadata");
        }

        using var pdbProvider = OpenPdb(peReader, portablePdb);
        var sources = pdbProvider is null ? null : new SourceLocator(pdbProvider.GetMetadataReader(), peReader.GetMetadataReader());
        var context = new CheckContext(peReader, sources);

        var tokens = new TokenInspector(context);
        IRule[] rules =
        [
            new GenericDefinitionRule(),
            new DefinitionSignatureRule(tokens),
            new MethodBodyRule(tokens),
            new UnsafeMarkerRule(),
            new LimitsRule(),
            // Must stay last: it checks only what the rules above did not reach.
            new MetadataSweepRule(tokens),
        ];
        foreach (var rule in rules)
        {
            rule.Check(context);
        }

        return new CheckReport(assemblyName, context.Sink.Violations, Stats(context));
    }

    private static AssemblyStats Stats(CheckContext context)
    {
        var measurements = context.Measurements;
        var largest = measurements.Types.MaxBy(counts => counts.Methods);
        return new AssemblyStats(
            measurements.IlBytes,
            measurements.UserStringBytes,
            largest?.Methods ?? 0,
            largest is null ? null : context.Names.TypeDefinition(largest.Type));
    }

    private static MetadataReaderProvider? OpenPdb(PEReader peReader, Stream? portablePdb)
    {
        if (portablePdb is not null && IsPortablePdb(portablePdb))
        {
            return MetadataReaderProvider.FromPortablePdbStream(portablePdb, MetadataStreamOptions.LeaveOpen | MetadataStreamOptions.PrefetchMetadata);
        }

        foreach (var entry in peReader.ReadDebugDirectory())
        {
            if (entry.Type == DebugDirectoryEntryType.EmbeddedPortablePdb)
            {
                return peReader.ReadEmbeddedPortablePdbDebugDirectoryData(entry);
            }
        }

        return null;
    }

    // Windows PDBs (MSF format) cannot be read here; portable PDBs start with the metadata signature "BSJB".
    private static bool IsPortablePdb(Stream pdb)
    {
        Span<byte> signature = stackalloc byte[4];
        var start = pdb.Position;
        var read = pdb.ReadAtLeast(signature, 4, throwOnEndOfStream: false);
        pdb.Position = start;
        return read == 4 && signature.SequenceEqual("BSJB"u8);
    }
}
