using Payload.Flight.Dictionary;

namespace Payload.Ground.Crew;

/// <summary>ANSI colours for the console, or none (redirected output, NO_COLOR, a dumb terminal, --color never).</summary>
public sealed class AnsiStyle
{
    private const string Reset = "\u001b[0m";

    /// <summary>Creates a style that colours when <paramref name="enabled"/>.</summary>
    public AnsiStyle(bool enabled) => Enabled = enabled;

    /// <summary>True when text is coloured.</summary>
    public bool Enabled { get; }

    /// <summary>The style <paramref name="mode"/> ("auto", "always", "never") asks for.</summary>
    /// <exception cref="UsageException">An unknown mode.</exception>
    public static AnsiStyle For(string? mode, bool outputRedirected) => (mode ?? "auto") switch
    {
        "always" => new AnsiStyle(true),
        "never" => new AnsiStyle(false),
        "auto" => new AnsiStyle(!outputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null
                                && Environment.GetEnvironmentVariable("TERM") is not "dumb"),
        var other => throw new UsageException($"--color must be auto, always or never, not '{other}'"),
    };

    /// <summary>Red: out-of-limit values, failures, high-severity events.</summary>
    public string Red(string text) => Paint("31", text);

    /// <summary>Green: successful verification stages.</summary>
    public string Green(string text) => Paint("32", text);

    /// <summary>Yellow: low-severity events, warnings.</summary>
    public string Yellow(string text) => Paint("33", text);

    /// <summary>Magenta: medium-severity events.</summary>
    public string Magenta(string text) => Paint("35", text);

    /// <summary>Bold red: high-severity events.</summary>
    public string Alarm(string text) => Paint("1;31", text);

    /// <summary>Dim: routine lines (housekeeping headers, prompts' hints).</summary>
    public string Dim(string text) => Paint("2", text);

    /// <summary>The colour of an event of <paramref name="severity"/>.</summary>
    public string BySeverity(Severity severity, string text) => severity switch
    {
        Severity.High => Alarm(text),
        Severity.Medium => Magenta(text),
        Severity.Low => Yellow(text),
        _ => text,
    };

    private string Paint(string code, string text) => Enabled ? $"\u001b[{code}m{text}{Reset}" : text;
}
