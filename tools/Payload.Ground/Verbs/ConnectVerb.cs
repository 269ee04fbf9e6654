using Payload.Flight.Dictionary;
using Payload.Ground.Crew;
using Payload.Ground.Live;

namespace Payload.Ground.Verbs;

/// <summary>connect: the interactive crew console on a target (a line editor on a terminal, plain lines from a redirected stdin).</summary>
public static class ConnectVerb
{
    private static readonly string[] WithValue = ["--dict", "--hash-timeout", "--timeout", "--color", "--archive"];
    private static readonly string[] Flags = ["--force", "--no-hk"];

    /// <summary>Runs the console; <paramref name="script"/> is the redirected input, or null to read keys from the terminal.</summary>
    /// <returns>0 after quit or the end of input; 4 when the link could not be opened; 5 on a dictionary mismatch without --force.</returns>
    /// <exception cref="UsageException">The command line is wrong, or the --archive file cannot take the session.</exception>
    public static int Run(IReadOnlyList<string> arguments, TextReader? script, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (positional, options) = VerbArguments.Split("connect", arguments, WithValue, Flags);
        if (positional.Count != 1) throw new UsageException("connect: give one target, e.g. connect tcp://127.0.0.1:5010");
        bool force = options.Has("--force");
        TimeSpan hashTimeout = TimeSpan.FromSeconds(options.PositiveNumber("--hash-timeout", 3));
        var consoleOptions = new CrewConsoleOptions
        {
            Style = AnsiStyle.For(options.Value("--color"), script is not null || Console.IsOutputRedirected),
            ShowHousekeeping = !options.Has("--no-hk"),
            CommandTimeout = TimeSpan.FromSeconds(options.PositiveNumber("--timeout", 10)),
        };
        MissionDictionary dictionary = GroundDictionary.Load(options.Value("--dict"));
        string? archivePath = options.Value("--archive");
        if (archivePath is not null) SessionArchive.Check("connect", archivePath);

        LiveTarget live;
        try
        {
            live = LiveTarget.Open(positional[0], dictionary, force, archivePath);
        }
        catch (IOException e)
        {
            error.WriteLine($"connect: {e.Message}");
            return ExitCodes.LinkError;
        }
        using (live)
        {
            output.WriteLine($"connect: connected to {live.Link.Description}");
            if (live.Archive is { } archive) output.WriteLine($"connect: archiving the session into {archive.Path} (session {archive.SessionId})");
            int code = live.CheckDictionary(hashTimeout, force, output, "connect")
                ? new CrewConsole(live.Session, output, consoleOptions).Run(script)
                : ExitCodes.DictionaryMismatch;
            if (live.Archive is not null) SessionArchive.Close(live.Archive, live.Session, output, "connect");
            return code;
        }
    }
}
