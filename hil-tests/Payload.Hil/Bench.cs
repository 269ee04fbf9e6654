using System.Reflection;
using System.Runtime.CompilerServices;
using Payload.Boards.Simulated.Engine;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.Flight.Status;
using Payload.GroundStation;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Transports;
using Xunit.Abstractions;

namespace Payload.Hil;

/// <summary>
/// One test's connection to the payload: sends commands by mnemonic and follows their ST[1] stages, waits for events,
/// housekeeping and parameter values within windows of on-board time, checks negative conditions and invariants,
/// measures timing, and leaves the test's telemetry log behind when it fails.
/// </summary>
/// <remarks>
/// <para>The target comes from <c>PAYLOAD_TARGET</c> (default <c>sim:</c>) through <see cref="GroundLinkFactory"/>. Against
/// <c>sim:</c> the board runs in-process in virtual time: every wait runs the board, so suites are fast and repeat
/// exactly. Against a real link (a simulator process, a board) waits pass in real time, measured in on-board time from
/// the packets' time stamps and bounded by wall time.</para>
/// <para>The API is synchronous. Searches (await, count, sequence) look at telemetry received since a <see cref="Mark"/>:
/// by default the one taken just before the last command the test sent (or the start of the test), so an event a
/// command caused is found whether it arrived before or after its completion report. Replays from the packet store are
/// left out unless asked for. Queries (<see cref="GetParameter"/>, <see cref="QueryOnboardTime"/>, summaries) do not
/// move the mark.</para>
/// <para>Not thread-safe: one test thread drives it; the link's thread only delivers telemetry.</para>
/// </remarks>
public sealed partial class Bench : IDisposable
{
    private static int s_nextSequenceCount;

    private readonly object _gate = new();
    private readonly List<ReceivedPacket> _received = [];
    private readonly Dictionary<string, ReceivedValue> _latest = new(StringComparer.Ordinal);
    private readonly List<(string What, Action Action)> _teardown = [];
    private readonly List<InvariantHandle> _invariants = [];
    private readonly List<InvariantHandle> _invariantsEver = [];
    private readonly List<string> _failures = [];
    private readonly BenchLog _log = new();
    private readonly FailureWatch _watch = new();
    private readonly ITestOutputHelper? _output;
    private readonly BenchOptions _options;
    private readonly OnboardTimeTracker _tracker = new();
    private readonly ReplayClassifier _replays;
    private readonly ThrottleLedger _throttle;
    private readonly IBenchTime _time;
    private IGroundLink _link;
    private GroundSession _session;
    private Mark _defaultMark;
    private bool _disposed;
    private bool _logWritten;

    private Bench(ITestOutputHelper? output, BenchOptions options, string testName, string testFile)
    {
        _output = output;
        _options = options;
        TestName = testName;
        TestFileName = testFile;
        Target = options.Target ?? BenchTarget.FromEnvironment();
        Dictionary = options.ResolveDictionary();
        _throttle = ThrottleLedger.For(Target);
        _link = OpenLink();
        Board = (_link as SimulatedBoardLink)?.Board;
        _time = Board is not null ? new VirtualBenchTime(Board) : new RealBenchTime(_tracker, options.WallFactor, options.WallSlack);
        _replays = new ReplayClassifier(_tracker);
        _session = OpenSession(_link);
    }

    /// <summary>What the bench talks to.</summary>
    public BenchTarget Target { get; }

    /// <summary>The ground's dictionary.</summary>
    public MissionDictionary Dictionary { get; }

    /// <summary>The test, as the log names it ("ModeSuite.StandbyFromSafe [sim]").</summary>
    public string TestName { get; }

    /// <summary>The ground station session (encoder, decoder, tracker, statistics) of the present connection.</summary>
    public GroundSession Session => _session;

    /// <summary>The board's dictionary-hash check at connect.</summary>
    public DictionaryHashCheck? HashCheck { get; private set; }

    /// <summary>True when waits run the in-process board in virtual time.</summary>
    public bool IsVirtualTime => _time.IsVirtual;

    /// <summary>Bench time, microseconds: virtual time, or on-board time as followed through the packets.</summary>
    public long Now => _time.Now;

    /// <summary>On-board mission time now (microseconds): exact on <c>sim:</c>, estimated from the packets elsewhere (see <see cref="QueryOnboardTime"/>).</summary>
    public long MissionNow => Board is not null ? Board.Software.Time.MissionMicroseconds
        : _tracker.MissionNow(((RealBenchTime)_time).WallNow) ?? throw Fail("no telemetry yet: on-board time is unknown");

    /// <summary>The in-process board, or null for other targets (see <see cref="SimulatedBoard"/> for its fault hooks).</summary>
    public SimulatedBoard? Board { get; }

    /// <summary>Where the telemetry log of this test goes when it fails.</summary>
    public string LogPath => Path.Combine(_options.ResolveResultsDirectory(), "hil-logs", Safe(Target.Name), Safe(TestFileName) + ".log");

    private string TestFileName { get; }

    /// <summary>
    /// Connects to the configured target, checks its dictionary hash (refusing a mismatch unless allowed), and on a shared
    /// board restores the boot state (see <see cref="BenchOptions.Baseline"/>).
    /// </summary>
    /// <exception cref="BenchConnectionException">The target could not be opened, sent nothing, or has another dictionary.</exception>
    public static Bench Connect(ITestOutputHelper? output = null, BenchOptions? options = null, [CallerMemberName] string caller = "")
    {
        options ??= new BenchOptions();
        (string name, string file) = TestNames(output, caller, options.Target ?? BenchTarget.FromEnvironment());
        var bench = new Bench(output, options, name, file);
        try
        {
            bench.Start();
            return bench;
        }
        catch
        {
            bench.Close();
            bench._watch.Dispose();
            throw;
        }
    }

    /// <summary>The bench's own assertion: fails the test with <paramref name="message"/> (and the log) unless <paramref name="condition"/> holds.</summary>
    public void Check(bool condition, string message)
    {
        if (!condition) throw Fail(message);
    }

    /// <summary>Fails the test now: logs <paramref name="message"/>, writes the telemetry log and returns the exception to throw.</summary>
    public BenchAssertionException Fail(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _log.Add(Now, '!', message);
        lock (_gate) _failures.Add(message);
        string path = WriteLog();
        return new BenchAssertionException($"{message}\n[{Target}, bench t={ValueFormat.Seconds(Now)} s] telemetry log: {path}\n"
            + string.Join('\n', _log.Tail(12).Select(l => "  " + l)));
    }

    /// <summary>Runs <paramref name="action"/>, which must fail a check; returns the failure (which then does not count against the test).</summary>
    public Exception ExpectFailure(Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            action();
        }
        catch (Xunit.Sdk.XunitException e)
        {
            _watch.Withdraw(e);
            lock (_gate) _failures.Remove(_failures.LastOrDefault(f => e.Message.StartsWith(f, StringComparison.Ordinal)) ?? "");
            Say($"expected failure: {FirstLine(e.Message)}");
            return e;
        }
        throw Fail("a check was expected to fail but passed");
    }

    /// <summary>Writes a note to the test output and the log.</summary>
    public void Say(string text)
    {
        _log.Add(Now, '#', text);
        WriteOutput(text);
    }

    /// <summary>Runs <paramref name="cleanup"/> at teardown, latest first (restoring what the test changed on a shared board).</summary>
    public void OnTeardown(string what, Action cleanup)
    {
        ArgumentNullException.ThrowIfNull(cleanup);
        _teardown.Add((what, cleanup));
    }

    /// <summary>Lets <paramref name="duration"/> of bench time pass (running the board in virtual time).</summary>
    public void Wait(TimeSpan duration) => _time.WaitUntil(_gate, static () => false, duration.Micros());

    /// <summary>Waits until <paramref name="condition"/> holds (true) or <paramref name="within"/> passes (false); evaluated as telemetry arrives.</summary>
    public bool WaitUntil(Func<bool> condition, TimeSpan within) => _time.WaitUntil(_gate, condition, within.Micros());

    /// <summary>The present point in the received telemetry.</summary>
    public Mark Mark()
    {
        lock (_gate) return new Mark(_received.Count, Now);
    }

    /// <summary>Tears down: lets telemetry on its way land, checks the invariants, runs the cleanups, closes the link, and on any failure writes the log.</summary>
    /// <exception cref="BenchAssertionException">An invariant was violated or never evaluated, or a cleanup failed.</exception>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        var problems = new List<string>();
        try
        {
            SettleQuietly();
            // The invariants cover the test's window, not the cleanups that follow it.
            foreach (InvariantHandle invariant in _invariants.ToArray())
            {
                if (invariant.Problem(settle: true) is { } problem) problems.Add(problem);
            }
            lock (_gate) _invariants.Clear();
            for (int i = _teardown.Count - 1; i >= 0; i--)
            {
                try
                {
                    _teardown[i].Action();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    problems.Add($"teardown '{_teardown[i].What}' failed: {FirstLine(e.Message)}");
                }
            }
            if (_teardown.Count > 0) SettleQuietly();
        }
        finally
        {
            Close();
            CloseControl();
            Interlocked.Exchange(ref s_nextSequenceCount, _session.Encoder.NextSequenceCount);
            foreach (string problem in problems) _log.Add(Now, '!', problem);
            bool failed = problems.Count > 0 || _watch.Failures.Count > 0 || _failures.Count > 0;
            if (failed || _options.ResolveLogEveryTest()) WriteLog();
            else if (_logWritten) DeleteLog(); // only expected failures were logged
            if (failed) WriteOutput(RenderLog());
            _watch.Dispose();
        }
        if (problems.Count > 0)
            throw new BenchAssertionException($"{string.Join('\n', problems)}\n[{Target}] telemetry log: {LogPath}");
    }

    /// <summary>
    /// Lets telemetry still on its way land (events follow their command's verification reports), so the log is whole
    /// and the next test on a shared board does not miss it: until nothing arrived for 100 ms, at most 500 ms.
    /// </summary>
    private void SettleQuietly()
    {
        if (_link.State != LinkState.Connected) return;
        int seen = -1;
        long quietSince = Now;
        WaitUntil(() =>
        {
            if (_received.Count != seen)
            {
                seen = _received.Count;
                quietSince = Now;
            }
            return Now - quietSince >= 100_000;
        }, TimeSpan.FromMilliseconds(500));
    }

    private void Start()
    {
        _log.Add(Now, '#', $"{TestName}: target {Target}, {(IsVirtualTime ? "virtual" : "real")} time, ground dictionary {ValueFormat.Hash(Dictionary.Hash)}");
        CheckDictionary();
        if (_options.Baseline ?? !Target.IsSimulated) RestoreBootState();
        _defaultMark = Mark();
        Say($"connected to {Target}: {HashCheck}, {(IsVirtualTime ? "virtual" : "real")} time");
    }

    private IGroundLink OpenLink()
    {
        try
        {
            return GroundLinkFactory.Open(Target.Uri, new GroundLinkOptions { Board = _options.Board });
        }
        catch (Exception e) when (e is IOException or FormatException or TimeoutException or UnauthorizedAccessException)
        {
            throw new BenchConnectionException($"cannot open {BenchTarget.Variable}={Target.Uri}: {e.Message}", e);
        }
    }

    private GroundSession OpenSession(IGroundLink link)
    {
        var options = new GroundSessionOptions
        {
            AllowDictionaryMismatch = _options.ResolveAllowMismatch(),
            Clock = _time.IsVirtual ? null : () => _time.Now,
        };
        var session = new GroundSession(link, Dictionary, options);
        session.Encoder.NextSequenceCount = (ushort)(Volatile.Read(ref s_nextSequenceCount) & PacketLimits.MaxSequenceCount);
        session.Received += OnReport;
        session.PacketRejected += OnRejected;
        link.StateChanged += OnLinkState;
        return session;
    }

    private void Close()
    {
        _session.Received -= OnReport;
        _session.PacketRejected -= OnRejected;
        _link.StateChanged -= OnLinkState;
        _session.Dispose();
        _link.Dispose();
    }

    private void CheckDictionary()
    {
        long window = _options.ConnectWindow.Micros();
        // A running board repeats its hash in HK_CORE every second; asking for it answers at once.
        // The in-process board announces it at boot, within a frame or two.
        bool heard = _time.IsVirtual && _time.WaitUntil(_gate, () => _session.LastHashCheck is not null, Math.Min(window, 300_000));
        if (!heard)
        {
            try
            {
                _session.Send(_session.Encoder.Encode("PARAM_REPORT", SystemStatus.DictionaryHashParameter));
            }
            catch (Exception e) when (e is IOException or Payload.GroundStation.Commanding.CommandEncodingException)
            {
                _log.Add(Now, '#', $"could not ask for the dictionary hash: {e.Message}");
            }
            heard = _time.WaitUntil(_gate, () => _session.LastHashCheck is not null, window);
        }
        HashCheck = _session.LastHashCheck;
        if (!heard || HashCheck is null)
        {
            int packets;
            lock (_gate) packets = _received.Count;
            throw new BenchConnectionException($"{Target}: no dictionary hash within {_options.ConnectWindow.TotalSeconds:0.#} s "
                + $"({packets} packets received, {_session.Statistics.FramesDiscarded} frames discarded); is the payload running and the link right?");
        }
        if (!HashCheck.Matches && !_options.ResolveAllowMismatch())
        {
            throw new BenchConnectionException($"{Target}: {HashCheck}; refusing to command it. Set {BenchOptions.DictionaryVariable}=board.json "
                + $"(dict export --json) for the board's dictionary, or {BenchOptions.AllowMismatchVariable}=1 to test anyway.",
                new DictionaryMismatchException(HashCheck));
        }
    }

    private void OnReport(TelemetryReport report)
    {
        lock (_gate)
        {
            long at = report.ReceivedAtMicroseconds;
            bool replay = Classify(report);
            ReceivedPacket packet = ReceivedPacket.Wrap(report, at, replay, _received.Count);
            _received.Add(packet);
            _log.Add(at, replay ? 'R' : '<', report.ToString());
            if (!replay)
            {
                Remember(packet);
                if (packet is HousekeepingView { Name: "HK_CORE" } core && core.Holds("exec.frames")) _throttle.Anchor(core["exec.frames"], core.MissionMicroseconds);
                if (packet is EventView counted) _throttle.Count(counted.Name, counted.MissionMicroseconds);
                if (packet is HousekeepingView housekeeping)
                {
                    foreach (InvariantHandle invariant in _invariants) invariant.Evaluate(housekeeping);
                }
            }
            Monitor.PulseAll(_gate);
        }
    }

    private bool Classify(TelemetryReport report) =>
        _replays.IsReplay(report, _time is RealBenchTime real ? real.WallNow : _time.Now);

    /// <summary>A new boot numbers its packets afresh and may repeat the last boot's first packets exactly: they are not replays.</summary>
    private void ForgetBoot()
    {
        lock (_gate) _replays.ForgetBoot();
    }

    private void Remember(ReceivedPacket packet)
    {
        IEnumerable<ParameterValue> values = packet.Report switch
        {
            HousekeepingReport h => h.Values,
            ParameterReport p => p.Values,
            _ => [],
        };
        foreach (ParameterValue value in values) _latest[value.Name] = new ReceivedValue(TmValue.Of(value), packet);
    }

    private void OnRejected(byte[] packet, PacketStatus status)
    {
        _log.Add(Now, 'x', $"a {packet.Length}-octet frame is not a telemetry packet: {status}");
        lock (_gate) Monitor.PulseAll(_gate);
    }

    private void OnLinkState(LinkStateChange change)
    {
        _log.Add(Now, '~', change.ToString());
        lock (_gate) Monitor.PulseAll(_gate);
    }

    private string WriteLog()
    {
        string path = LogPath;
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, RenderLog());
            if (!_logWritten) WriteOutput($"telemetry log: {path}");
            _logWritten = true;
        }
        catch (IOException e)
        {
            WriteOutput($"could not write the telemetry log to {path}: {e.Message}");
        }
        return path;
    }

    private void DeleteLog()
    {
        try
        {
            File.Delete(LogPath);
        }
        catch (IOException)
        {
            // A stale log of a passing test is harmless.
        }
    }

    private string RenderLog()
    {
        GroundStatistics statistics = _session.Statistics;
        return _log.Render(
        [
            $"HIL log of {TestName}",
            $"target {Target}; {(IsVirtualTime ? "virtual" : "real")} time; ground dictionary {ValueFormat.Hash(Dictionary.Hash)}; {HashCheck?.ToString() ?? "no hash heard"}",
            $"link: {statistics.OctetsSent} octets sent, {statistics.OctetsReceived} received, {statistics.PacketsReceived} packets, "
                + $"{statistics.PacketsRejected} rejected, {statistics.FramesDiscarded} frames discarded; commands {statistics.CommandsSent} sent, "
                + $"{_session.Tracker.CompletedCount} completed, {_session.Tracker.FailedCount} failed, {_session.Tracker.PendingCount} pending",
            .. _invariantsEver.Select(i => i.ToString()),
            .. _failures.Select(f => "FAILED: " + FirstLine(f)),
            .. _watch.Failures.Select(f => "FAILED: " + FirstLine(f.Message)),
        ]);
    }

    private void WriteOutput(string text)
    {
        if (_output is null) return;
        try
        {
            _output.WriteLine(text);
        }
        catch (InvalidOperationException)
        {
            // The test is over (xunit refuses output then); the log file has it.
        }
    }

    private static (string Name, string File) TestNames(ITestOutputHelper? output, string caller, BenchTarget target)
    {
        // xunit 2 keeps the running test in a private field of its output helper.
        if (output?.GetType().GetField("test", BindingFlags.Instance | BindingFlags.NonPublic)?.GetValue(output) is ITest test)
        {
            string type = test.TestCase.TestMethod.TestClass.Class.Name;
            string shortType = type[(type.LastIndexOf('.') + 1)..];
            return (test.DisplayName, $"{shortType}.{test.TestCase.TestMethod.Method.Name}");
        }
        return ($"{caller} [{target.Name}]", caller);
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    private sealed record ReceivedValue(TmValue Value, ReceivedPacket Packet);
}
