namespace Payload.Ground.Verbs;

/// <summary>The tool's help text.</summary>
public static class Usage
{
    private static readonly (string Verb, string Synopsis, string Summary, string[] Details)[] Verbs =
    [
        ("demo", "demo [--seconds N] [--quiet]", "a scripted session against the in-process simulated board", [
            "Boots the simulated board in-process and runs a scripted ground session in virtual time,",
            "printing every telemetry packet as it arrives; exits 0 when every expectation held, 1 when not.",
            "  --seconds N   virtual duration of the session (default: as long as the script takes)",
            "  --quiet       print only the steps, their checks and the summary",
        ]),
        ("dict", "dict export [--json FILE] [--xtce FILE] [--no-schema]", "the flight dictionary as JSON and XTCE 1.2", [
            "Writes the flight dictionary as JSON and/or XTCE 1.2 (checked before anything is written).",
            "  --json FILE   the JSON dictionary",
            "  --xtce FILE   the XTCE mission database",
            "  --no-schema   check references only, not the XTCE schema (../shared/xtce)",
        ]),
    ];

    /// <summary>Writes the overview of every verb.</summary>
    public static void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("payload-ground: the payload's ground tool");
        writer.WriteLine();
        writer.WriteLine("usage: dotnet run --project tools/Payload.Ground -- <verb> [options]");
        writer.WriteLine();
        writer.WriteLine("verbs:");
        foreach (var (_, synopsis, summary, _) in Verbs)
        {
            writer.WriteLine($"  {synopsis}");
            writer.WriteLine($"      {summary}");
        }
        writer.WriteLine("  --help, help [verb]");
        writer.WriteLine("      this text, or one verb's options");
    }

    /// <summary>Writes one verb's help; false when there is no such verb.</summary>
    public static bool WriteVerb(string verb, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var (name, synopsis, _, details) in Verbs)
        {
            if (name != verb) continue;
            writer.WriteLine($"usage: payload-ground {synopsis}");
            writer.WriteLine();
            foreach (string line in details) writer.WriteLine(line);
            return true;
        }
        return false;
    }
}
