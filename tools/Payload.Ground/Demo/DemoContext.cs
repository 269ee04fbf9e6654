using Payload.GroundStation;
using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Demo;

/// <summary>What a demo step works with: the board, the station, everything received so far, and the expectation ledger.</summary>
public sealed class DemoContext
{
    private readonly List<TelemetryReport> _received = [];
    private readonly List<string> _failures = [];

    /// <summary>Creates the context; the session wires <see cref="Record"/> to the station.</summary>
    public DemoContext(SimulatedBoard board, GroundSession station, TextWriter output)
    {
        Board = board;
        Station = station;
        Output = output;
    }

    /// <summary>The simulated board (virtual time runs only when a step runs it).</summary>
    public SimulatedBoard Board { get; }

    /// <summary>The ground station talking to it.</summary>
    public GroundSession Station { get; }

    /// <summary>Where the session prints.</summary>
    public TextWriter Output { get; }

    /// <summary>Every report received so far, in arrival order.</summary>
    public IReadOnlyList<TelemetryReport> Received => _received;

    /// <summary>Expectations that did not hold.</summary>
    public IReadOnlyList<string> Failures => _failures;

    /// <summary>Expectations checked.</summary>
    public int Checks { get; private set; }

    /// <summary>Commands the encoder refused (they were never sent).</summary>
    public int Refused { get; set; }

    /// <summary>Failures the script provoked on purpose (corrupted frames…), so the summary can tell them apart.</summary>
    public int ProvokedFailures { get; set; }

    /// <summary>Virtual time now, in microseconds.</summary>
    public long Now => Board.NowMicroseconds;

    /// <summary>Adds a received report (called by the session).</summary>
    public void Record(TelemetryReport report) => _received.Add(report);

    /// <summary>Prints a remark of the step.</summary>
    public void Say(string text) => Output.WriteLine($"  > {text}");

    /// <summary>Checks an expectation of the script; a failed one makes the demo exit non-zero.</summary>
    public bool Expect(bool condition, string what)
    {
        Checks++;
        Output.WriteLine(condition ? $"  ok   {what}" : $"  FAIL {what}");
        if (!condition) _failures.Add(what);
        return condition;
    }

    /// <summary>The ground archive the session feeds (set by the session before the steps run).</summary>
    public DemoArchive Archive { get; set; } = null!;

    /// <summary>Where the demo writes its archive and pass reports.</summary>
    public string OutputDirectory { get; set; } = ".";

    /// <summary>When false, progress lines are not printed.</summary>
    public bool ShowProgress { get; set; } = true;

    /// <summary>A progress line of a long step.</summary>
    public void Progress(string text)
    {
        if (ShowProgress) Output.WriteLine($"  … {text}");
    }

    /// <summary>Runs the board for <paramref name="seconds"/> of virtual time.</summary>
    public void RunFor(double seconds) => Board.RunFor((long)(seconds * 1e6));

    /// <summary>Runs the board until <paramref name="condition"/> holds or <paramref name="timeoutSeconds"/> pass; true when it held.</summary>
    public bool RunUntil(Func<bool> condition, double timeoutSeconds) => Board.RunUntil(condition, (long)(timeoutSeconds * 1e6));

    /// <summary>Runs until <paramref name="command"/> is finished (or <paramref name="timeoutSeconds"/>); true when it finished.</summary>
    public bool AwaitFinished(TrackedCommand command, double timeoutSeconds = 5) => RunUntil(() => command.IsFinished, timeoutSeconds);

    /// <summary>Reports received since index <paramref name="from"/> of <see cref="Received"/>.</summary>
    public IEnumerable<TelemetryReport> Since(int from) => _received.Skip(from);

    /// <summary>Events named <paramref name="name"/> received since index <paramref name="from"/>.</summary>
    public IEnumerable<EventReport> Events(string name, int from = 0) => Since(from).OfType<EventReport>().Where(e => e.Name == name);
}
