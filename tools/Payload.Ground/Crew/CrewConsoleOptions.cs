namespace Payload.Ground.Crew;

/// <summary>How the crew console shows things and how long a scripted command is awaited.</summary>
public sealed record CrewConsoleOptions
{
    /// <summary>Colours (or none).</summary>
    public AnsiStyle Style { get; init; } = new(false);

    /// <summary>Whether housekeeping reports are printed (events and replies always are).</summary>
    public bool ShowHousekeeping { get; init; } = true;

    /// <summary>How long a scripted command is awaited before the next line is read.</summary>
    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a scripted command's trailing replies (a TM[17,2] after the completion report) are waited for before the next line.</summary>
    public TimeSpan ReplySettle { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Where key presses come from on a terminal (Console.ReadKey when null).</summary>
    public Func<ConsoleKeyInfo>? ReadKey { get; init; }
}
