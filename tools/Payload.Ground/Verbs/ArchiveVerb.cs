using System.Globalization;
using Payload.Flight.Dictionary;
using Payload.GroundStation;
using Payload.GroundStation.Archive;
using Payload.Ground.Live;

namespace Payload.Ground.Verbs;

/// <summary>archive: queries the ground archive (parameters, events, commands, passes) and exports it as CSV.</summary>
public static class ArchiveVerb
{
    /// <summary>The actions, for the usage error.</summary>
    public const string Actions = "parameters, events, commands, passes, export";

    /// <summary>Runs the verb; 0 when it read the archive, 1 when there is no archive to read or nothing matched a name.</summary>
    /// <exception cref="UsageException">The action or an option is wrong.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var (path, rest) = ArchiveLocation.Take("archive", arguments);
        if (rest.Count == 0) throw new UsageException($"archive: give an action ({Actions})");
        string action = rest[0];
        IReadOnlyList<string> options = rest.Skip(1).ToArray();
        return action switch
        {
            "parameters" => Parameters(path, options, output, error),
            "events" => Events(path, options, output, error),
            "commands" => Commands(path, options, output, error),
            "passes" => Passes(path, options, output, error),
            "export" => Export(path, options, output, error),
            _ => throw new UsageException($"archive: unknown action '{action}' (actions: {Actions})"),
        };
    }

    private static int Parameters(string path, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        if (arguments.Count == 0 || arguments[0].StartsWith("--", StringComparison.Ordinal))
            throw new UsageException("archive parameters: give the parameter's NAME (e.g. sys.uptime)");
        string name = arguments[0];
        var options = new OptionReader("archive parameters", arguments.Skip(1).ToArray(), ["--from", "--to", "--csv", "--dict"], []);
        TimeRange range = Range(options, "archive parameters");
        MissionDictionary dictionary = GroundDictionary.Load(options.Value("--dict"));
        using ArchiveReader? archive = ArchiveLocation.Open(path, error, dictionary);
        if (archive is null) return 1;
        if (!archive.ParameterNames().Contains(name, StringComparer.Ordinal))
        {
            string[] near = archive.ParameterNames().Where(n => n.Contains(name, StringComparison.OrdinalIgnoreCase)).Take(10).ToArray();
            error.WriteLine($"error: no parameter '{name}' in {archive.Path}" + (near.Length > 0 ? $" (did you mean {string.Join(", ", near)}?)" : ": `archive parameters` takes a name as the dictionary spells it"));
            return 1;
        }
        if (options.Value("--csv") is { } csv) return WriteCsv(csv, output, writer => archive.ParametersCsv(writer, name, range));

        IReadOnlyList<ParameterSample> values = archive.Parameters(name, range);
        bool labelled = archive.Labels!.IsLabelled(name);
        string labelHeader = labelled ? $"  {"label",-LabelWidth}" : "";
        output.WriteLine($"{"time s",12}  {"raw",12}{labelHeader}  {"engineering",14}  unit      limit    source");
        foreach (ParameterSample v in values)
        {
            string label = labelled ? $"  {v.Label ?? "-",-LabelWidth}" : "";
            output.WriteLine($"{ValueFormat.Seconds(v.MissionMicroseconds),12}  {v.Raw,12}{label}  {ValueFormat.Engineering(v.Engineering),14}  {v.Unit,-8}  {v.Limit,-7}  {v.Source}");
        }
        output.WriteLine($"{values.Count} value(s) of {name}{Describe(range, "on-board time")}");
        if (labelled) WarnOfOtherDictionaries(archive, error);
        return 0;
    }

    private const int LabelWidth = 16;

    // Labels are given only to sessions written with the labelling dictionary: say why others show none, and how to get them.
    private static void WarnOfOtherDictionaries(ArchiveReader archive, TextWriter error)
    {
        uint[] others = archive.DictionaryHashes().Where(h => h != archive.Labels!.DictionaryHash).ToArray();
        if (others.Length == 0) return;
        error.WriteLine($"note: labels are from dictionary {ValueFormat.Hash(archive.Labels!.DictionaryHash)}; values of sessions written with "
            + $"{string.Join(", ", others.Select(h => ValueFormat.Hash(h)))} show none (give --dict FILE, that dictionary's JSON export)");
    }

    private static int Events(string path, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var options = new OptionReader("archive events", arguments, ["--from", "--to", "--csv", "--severity", "--name"], []);
        TimeRange range = Range(options, "archive events");
        Severity severity = options.Value("--severity") is { } text ? ParseSeverity(text) : Severity.Informative;
        string? name = options.Value("--name");
        using ArchiveReader? archive = ArchiveLocation.Open(path, error);
        if (archive is null) return 1;
        if (options.Value("--csv") is { } csv) return WriteCsv(csv, output, writer => archive.EventsCsv(writer, range, severity, name));

        IReadOnlyList<ArchivedEvent> events = archive.Events(range, severity, name);
        foreach (ArchivedEvent e in events) output.WriteLine($"{ValueFormat.Seconds(e.MissionMicroseconds),12}  TM[5,{(int)e.Severity}]  {e.Message}");
        string filter = severity == Severity.Informative ? "" : $" of severity {severity.ToString().ToUpperInvariant()} or above";
        output.WriteLine($"{events.Count} event(s){filter}{(name is null ? "" : $" named {name}")}{Describe(range, "on-board time")}");
        return 0;
    }

    private static int Commands(string path, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var options = new OptionReader("archive commands", arguments, ["--from", "--to", "--csv"], []);
        TimeRange range = Range(options, "archive commands");
        using ArchiveReader? archive = ArchiveLocation.Open(path, error);
        if (archive is null) return 1;
        if (options.Value("--csv") is { } csv) return WriteCsv(csv, output, writer => archive.CommandsCsv(writer, range));

        IReadOnlyList<ArchivedCommand> commands = archive.Commands(range);
        foreach (ArchivedCommand c in commands)
        {
            string text = c.Arguments.Length == 0 ? c.Mnemonic : $"{c.Mnemonic} {c.Arguments}";
            string outcome = c.FailureCode is { } code ? $"FAILED at {c.FailedStage}: {code} (data {c.FailureData})" : c.State;
            string latency = (c.CompletedMicroseconds ?? c.FailedMicroseconds) is { } end ? $"  {ValueFormat.Seconds(end - c.SentMicroseconds)} s" : "";
            output.WriteLine($"{ValueFormat.Seconds(c.SentMicroseconds),12}  {text,-40}  ({c.RequestId})  {outcome}{latency}");
        }
        output.WriteLine($"{commands.Count} command(s){Describe(range, "ground time")}");
        return 0;
    }

    private static int Passes(string path, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        _ = new OptionReader("archive passes", arguments, [], []);
        using ArchiveReader? archive = ArchiveLocation.Open(path, error);
        if (archive is null) return 1;
        IReadOnlyList<ArchivedPass> passes = archive.Passes();
        foreach (ArchivedPass p in passes)
        {
            output.WriteLine($"pass {p.Id}: board pass {p.PassNumber}, t={ValueFormat.Seconds(p.FirstMissionMicroseconds)}..{ValueFormat.Seconds(p.LastMissionMicroseconds)} s, "
                + $"{p.RawChunks} raw chunk(s) with {p.Records} record(s), "
                + (p.ProductsId is null ? "no products yet" : $"products ({p.ExpectedRadar}, ended {p.EndReason}, decimation {p.Decimation})"));
        }
        output.WriteLine(passes.Count == 0 ? $"no pass in {archive.Path}" : $"{passes.Count} pass(es): `plot --pass ID --out DIR` draws one");
        return 0;
    }

    private static int Export(string path, IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        var options = new OptionReader("archive export", arguments, ["--csv", "--dict"], []);
        string directory = options.Value("--csv") ?? throw new UsageException("archive export: give --csv DIR (one CSV file per table goes there)");
        MissionDictionary dictionary = GroundDictionary.Load(options.Value("--dict"));
        using ArchiveReader? archive = ArchiveLocation.Open(path, error, dictionary);
        if (archive is null) return 1;
        foreach (string file in archive.ExportCsv(directory))
        {
            string table = Path.GetFileNameWithoutExtension(file);
            output.WriteLine($"wrote {file} ({archive.Count(table)} row(s))");
        }
        return 0;
    }

    private static int WriteCsv(string file, TextWriter output, Func<TextWriter, int> write)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (directory is not null) Directory.CreateDirectory(directory);
        int rows;
        using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false)))
        {
            rows = write(writer);
        }
        output.WriteLine($"wrote {rows} row(s) to {file}");
        return 0;
    }

    private static TimeRange Range(OptionReader options, string verb)
    {
        double? from = Seconds(options, "--from", verb);
        double? to = Seconds(options, "--to", verb);
        if (from > to) throw new UsageException($"{verb}: --from {from} is after --to {to}");
        return TimeRange.Seconds(from, to);
    }

    private static double? Seconds(OptionReader options, string option, string verb)
    {
        if (options.Value(option) is not { } text) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds) || seconds < 0)
            throw new UsageException($"{verb}: {option} must be a time in seconds (e.g. 12.5), not '{text}'");
        return seconds;
    }

    private static Severity ParseSeverity(string text) =>
        Enum.TryParse(text, ignoreCase: true, out Severity severity) && Enum.IsDefined(severity) && !char.IsDigit(text[0])
            ? severity
            : throw new UsageException($"archive events: --severity must be one of informative, low, medium, high (the least shown), not '{text}'");

    private static string Describe(TimeRange range, string clock) => (range.FromMicroseconds, range.ToMicroseconds) switch
    {
        (null, null) => "",
        ({ } f, null) => $" from {ValueFormat.Seconds(f)} s of {clock}",
        (null, { } t) => $" up to {ValueFormat.Seconds(t)} s of {clock}",
        ({ } f, { } t) => $" from {ValueFormat.Seconds(f)} to {ValueFormat.Seconds(t)} s of {clock}",
    };
}
