using System.Xml.Linq;
using Payload.Dictionary.Json;
using Payload.Dictionary.Xtce;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary;

/// <summary>The export a ground tool runs: JSON dictionary and XTCE mission database of a dictionary, the XTCE checked before anything is written.</summary>
public static class DictionaryExporter
{
    /// <summary>Where the XTCE schema lives relative to the repository root (the folder with Payload.sln): shared/ beside the clone.</summary>
    public static readonly string SchemaRelativePath = Path.Combine("..", "shared", "xtce");

    /// <summary>
    /// Checks the XTCE of <paramref name="dictionary"/> (references always; the schema too when <paramref name="schemaDirectory"/> is given)
    /// and, only when there is no problem, writes the JSON to <paramref name="jsonPath"/> and the XTCE to <paramref name="xtcePath"/>
    /// (either may be null to skip it). Returns the problems found; empty means both files were written.
    /// </summary>
    /// <exception cref="InvalidOperationException">The dictionary cannot be mapped to XTCE (see <see cref="XtceWriter.Write"/>).</exception>
    public static IReadOnlyList<XtceDiagnostic> Export(MissionDictionary dictionary, string? jsonPath, string? xtcePath,
        string? schemaDirectory = null, XtceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        options ??= new XtceOptions();
        XDocument xtce = XtceWriter.Write(dictionary, options);
        IReadOnlyList<XtceDiagnostic> problems = CheckXtce(xtce, schemaDirectory);
        if (problems.Count > 0)
        {
            return problems;
        }

        if (jsonPath is not null)
        {
            JsonDictionaryWriter.WriteFile(dictionary, jsonPath, options.Apid);
        }

        if (xtcePath is not null)
        {
            XtceWriter.Save(xtce, xtcePath);
        }

        return problems;
    }

    /// <summary>Reference check, and schema validation when <paramref name="schemaDirectory"/> is given: every problem of <paramref name="xtce"/>.</summary>
    public static IReadOnlyList<XtceDiagnostic> CheckXtce(XDocument xtce, string? schemaDirectory)
    {
        string text = XtceWriter.Format(xtce);
        var problems = new List<XtceDiagnostic>();
        if (schemaDirectory is not null)
        {
            problems.AddRange(new XtceValidator(schemaDirectory).Validate(text));
        }

        problems.AddRange(XtceReferenceChecker.Check(text));
        return problems;
    }

    /// <summary>
    /// The XTCE schema folder for a checkout: walks up from <paramref name="startDirectory"/> to the folder holding Payload.sln and
    /// returns its ../shared/xtce when that holds the schema; null when there is no such folder.
    /// </summary>
    public static string? FindSchemaDirectory(string startDirectory)
    {
        for (DirectoryInfo? directory = new(Path.GetFullPath(startDirectory)); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Payload.sln")))
            {
                string schemas = Path.GetFullPath(Path.Combine(directory.FullName, SchemaRelativePath));
                return File.Exists(Path.Combine(schemas, XtceValidator.SchemaFileName)) ? schemas : null;
            }
        }

        return null;
    }
}
