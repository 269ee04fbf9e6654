using Payload.Boards.Simulated.Engine;
using Payload.Dictionary.Json;
using Payload.Flight.Dictionary;
using Payload.Flight.Instrument;

namespace Payload.Hil;

/// <summary>How a <see cref="Bench"/> connects and how long it waits by default; everything has a default and most an environment variable.</summary>
public sealed record BenchOptions
{
    /// <summary>Environment variable: path of a JSON dictionary (<c>dict export --json</c>) for a board that is not this build.</summary>
    public const string DictionaryVariable = "PAYLOAD_DICTIONARY";

    /// <summary>Environment variable: 1 to command a board whose dictionary hash differs from the ground's.</summary>
    public const string AllowMismatchVariable = "PAYLOAD_ALLOW_DICTIONARY_MISMATCH";

    /// <summary>Environment variable: the test results directory; failure logs go to its <c>hil-logs/</c>.</summary>
    public const string ResultsVariable = "PAYLOAD_TEST_RESULTS";

    /// <summary>Environment variable: 1 to write the telemetry log of every test, not only of failing ones.</summary>
    public const string LogEveryTestVariable = "PAYLOAD_HIL_LOG_ALL";

    private static readonly Lazy<MissionDictionary> BuiltIn = new(InstrumentSoftware.BuildDictionary);

    /// <summary>The target; null: <see cref="BenchTarget.Variable"/>, else <c>sim:</c>.</summary>
    public BenchTarget? Target { get; init; }

    /// <summary>The ground's dictionary; null: <see cref="DictionaryVariable"/>, else the payload software's own (flight core and instrument).</summary>
    public MissionDictionary? Dictionary { get; init; }

    /// <summary>Command a board with another dictionary anyway; null: <see cref="AllowMismatchVariable"/>.</summary>
    public bool? AllowDictionaryMismatch { get; init; }

    /// <summary>The in-process board's options (<c>sim:</c> only).</summary>
    public SimulatedBoardOptions? Board { get; init; }

    /// <summary>Default window for a command's verification reports (on-board time).</summary>
    public TimeSpan CommandWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Default window for an event or packet to arrive.</summary>
    public TimeSpan EventWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Default window for a parameter to take a value (housekeeping at 1 Hz, or polling).</summary>
    public TimeSpan ParameterWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Window for the first telemetry (and the dictionary hash) after connecting or resetting.</summary>
    public TimeSpan ConnectWindow { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long an invariant may wait at teardown for its first applicable housekeeping packet.</summary>
    public TimeSpan HousekeepingWindow { get; init; } = TimeSpan.FromSeconds(6);

    /// <summary>How often <see cref="Bench.AwaitParameter"/> asks for a parameter no fast housekeeping carries (PARAM_REPORT).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a negative check (<see cref="Bench.NoEvents(Severity, TimeSpan?)"/>) keeps listening after its block, for telemetry still on its way.</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>In real time, a wait gives up after window × this factor + <see cref="WallSlack"/> of wall time even if on-board time stalls.</summary>
    public double WallFactor { get; init; } = 3;

    /// <summary>See <see cref="WallFactor"/>.</summary>
    public TimeSpan WallSlack { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Put a shared board into the boot state at connect (SAFE, schedule empty and enabled, storage on, events enabled,
    /// structures at their declared state and interval, periodic time reports off); null: for every target but <c>sim:</c>,
    /// whose board is new for each test.
    /// </summary>
    public bool? Baseline { get; init; }

    /// <summary>Where failure logs go (its <c>hil-logs/</c>); null: <see cref="ResultsVariable"/>, else TestResults beside the solution.</summary>
    public string? ResultsDirectory { get; init; }

    /// <summary>Write the log of every test; null: <see cref="LogEveryTestVariable"/>.</summary>
    public bool? LogEveryTest { get; init; }

    internal MissionDictionary ResolveDictionary()
    {
        if (Dictionary is not null) return Dictionary;
        string? path = Environment.GetEnvironmentVariable(DictionaryVariable);
        return string.IsNullOrWhiteSpace(path) ? BuiltIn.Value : JsonDictionaryReader.ReadDictionary(File.ReadAllText(path));
    }

    internal bool ResolveAllowMismatch() => AllowDictionaryMismatch ?? Flag(AllowMismatchVariable);

    internal bool ResolveLogEveryTest() => LogEveryTest ?? Flag(LogEveryTestVariable);

    internal string ResolveResultsDirectory()
    {
        if (ResultsDirectory is not null) return ResultsDirectory;
        string? fromEnvironment = Environment.GetEnvironmentVariable(ResultsVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Payload.sln"))) return Path.Combine(directory.FullName, "TestResults");
        }
        return Path.Combine(Directory.GetCurrentDirectory(), "TestResults");
    }

    private static bool Flag(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { } value && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase));
}
