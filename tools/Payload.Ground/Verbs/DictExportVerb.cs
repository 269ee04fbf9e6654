using Payload.Flight.Instrument;
using Payload.Dictionary;
using Payload.Dictionary.Xtce;
using Payload.Flight;
using Payload.Flight.Dictionary;

namespace Payload.Ground.Verbs;

/// <summary>dict export: the flight dictionary as JSON and XTCE, through tools/Payload.Dictionary.</summary>
public static class DictExportVerb
{
    /// <summary>Runs the verb; 0 when the files were written, 1 when the XTCE check found problems.</summary>
    /// <exception cref="UsageException">Neither file was asked for, or an option is wrong.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var options = new OptionReader("dict export", arguments, ["--json", "--xtce"], ["--no-schema"]);
        string? json = options.Value("--json");
        string? xtce = options.Value("--xtce");
        if (json is null && xtce is null) throw new UsageException("dict export: give --json FILE, --xtce FILE or both");

        string? schemas = options.Has("--no-schema") ? null : DictionaryExporter.FindSchemaDirectory(Directory.GetCurrentDirectory())
            ?? DictionaryExporter.FindSchemaDirectory(AppContext.BaseDirectory);
        if (!options.Has("--no-schema") && schemas is null)
            output.WriteLine("note: the XTCE schema (../shared/xtce beside the checkout) was not found; checking references only");

        MissionDictionary dictionary = InstrumentSoftware.BuildDictionary();
        IReadOnlyList<XtceDiagnostic> problems = DictionaryExporter.Export(dictionary, json, xtce, schemas);
        if (problems.Count > 0)
        {
            error.WriteLine($"the XTCE has {problems.Count} problem(s); nothing was written:");
            foreach (XtceDiagnostic problem in problems) error.WriteLine($"  {problem}");
            return 1;
        }

        string hash = "0x" + dictionary.Hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
        if (json is not null) output.WriteLine($"wrote {json} (JSON dictionary, hash {hash})");
        if (xtce is not null) output.WriteLine($"wrote {xtce} (XTCE 1.2{(schemas is null ? ", references checked" : ", schema-valid")})");
        return 0;
    }
}
