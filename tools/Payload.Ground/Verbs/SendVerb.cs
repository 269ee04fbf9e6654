using System.Diagnostics;
using System.Globalization;
using Payload.Flight.Dictionary;
using Payload.Ground.Live;
using Payload.GroundStation;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Verbs;

/// <summary>
/// send: one telecommand to a target, each verification stage printed as it arrives; the exit code says whether the
/// awaited stage succeeded (0), a stage failed (1), the line was wrong (2), nothing came in time (3), the link failed
/// (4) or the board's dictionary differs (5).
/// </summary>
public static class SendVerb
{
    private static readonly string[] WithValue = ["--wait", "--timeout", "--dict", "--hash-timeout", "--archive"];
    private static readonly string[] Flags = ["--force"];

    /// <summary>Runs the verb and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    /// <exception cref="UsageException">The command line, the mnemonic or an argument is wrong (nothing was sent).</exception>
    public static int Run(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var (positional, options) = VerbArguments.Split("send", arguments, WithValue, Flags);
        if (positional.Count < 2) throw new UsageException("send: give a target and a mnemonic, e.g. send tcp://127.0.0.1:5010 TEST_ARE_YOU_ALIVE");
        string target = positional[0];
        string mnemonic = positional[1];
        object?[] commandArguments = positional.Skip(2).Cast<object?>().ToArray();
        VerificationStage awaited = options.Value("--wait") switch
        {
            null or "completed" or "completion" => VerificationStage.Completion,
            "accepted" or "acceptance" => VerificationStage.Acceptance,
            "started" or "start" => VerificationStage.Start,
            var other => throw new UsageException($"send: --wait must be accepted, started or completed, not '{other}'"),
        };
        TimeSpan timeout = TimeSpan.FromSeconds(options.PositiveNumber("--timeout", 10));
        TimeSpan hashTimeout = TimeSpan.FromSeconds(options.PositiveNumber("--hash-timeout", 3));
        bool force = options.Has("--force");
        MissionDictionary dictionary = GroundDictionary.Load(options.Value("--dict"));

        // Checked before connecting, so a wrong line costs nothing and sends nothing.
        try
        {
            new CommandEncoder(dictionary).Encode(mnemonic, commandArguments);
        }
        catch (CommandEncodingException e)
        {
            throw new UsageException(e.Message);
        }
        string? archivePath = options.Value("--archive");
        if (archivePath is not null) SessionArchive.Check("send", archivePath);

        LiveTarget live;
        try
        {
            live = LiveTarget.Open(target, dictionary, force, archivePath);
        }
        catch (IOException e)
        {
            error.WriteLine($"send: {e.Message}");
            return ExitCodes.LinkError;
        }
        using (live)
        {
            TextWriter log = TextWriter.Synchronized(output);
            log.WriteLine($"send: connected to {live.Link.Description}");
            int code = live.CheckDictionary(hashTimeout, force, log, "send")
                ? SendAndAwait(live.Session, mnemonic, commandArguments, awaited, timeout, log, error)
                : ExitCodes.DictionaryMismatch;
            if (live.Archive is not null) SessionArchive.Close(live.Archive, live.Session, log, "send");
            return code;
        }
    }

    private static int SendAndAwait(GroundSession session, string mnemonic, object?[] arguments, VerificationStage awaited, TimeSpan timeout,
        TextWriter log, TextWriter error)
    {
        EncodedCommand command = session.Encoder.Encode(mnemonic, arguments);
        var clock = new Stopwatch();
        using var changed = new ManualResetEventSlim(false);
        bool sent = false;

        void OnStage(TrackedCommand tracked, VerificationReport report)
        {
            if (tracked.RequestId != command.RequestId) return;
            log.WriteLine($"  {Elapsed(clock)}  {report.Describe()}");
            changed.Set();
        }

        void OnReport(TelemetryReport report)
        {
            // What the command itself produced (a TM[17,2], a TM[20,2], events) — not the routine housekeeping.
            if (sent && report is not VerificationReport and not HousekeepingReport) log.WriteLine($"  {Elapsed(clock)}  {report.Type,-9} {report.Describe()}");
        }

        void OnLinkState(LinkStateChange change)
        {
            log.WriteLine($"send: link {change}");
            changed.Set();
        }

        session.Tracker.StageReached += OnStage;
        session.Received += OnReport;
        session.Link.StateChanged += OnLinkState;
        try
        {
            TrackedCommand tracked;
            try
            {
                clock.Start();
                tracked = session.Send(command);
                sent = true;
            }
            catch (Exception e) when (e is LinkNotConnectedException or DictionaryMismatchException)
            {
                error.WriteLine($"send: {e.Message}");
                return e is DictionaryMismatchException ? ExitCodes.DictionaryMismatch : ExitCodes.LinkError;
            }
            string stage = awaited.ToString().ToLowerInvariant();
            log.WriteLine($"send: sent {command} as request {command.RequestId}; awaiting {stage} (timeout {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s)");

            while (true)
            {
                if (tracked.Failure is { } failure)
                {
                    log.WriteLine($"send: {tracked.Mnemonic} FAILED at {failure.Stage.ToString().ToLowerInvariant()}: {failure.FailureCode} (data {failure.FailureData})");
                    return ExitCodes.CommandFailed;
                }
                if (tracked.Reached(awaited))
                {
                    log.WriteLine($"send: {tracked.Mnemonic} {stage} in {Milliseconds(clock)} ms");
                    return ExitCodes.Ok;
                }
                if (session.Link.State == LinkState.Closed)
                {
                    error.WriteLine($"send: the link closed before {stage} was reported");
                    return ExitCodes.LinkError;
                }
                TimeSpan left = timeout - clock.Elapsed;
                if (left <= TimeSpan.Zero)
                {
                    log.WriteLine($"send: timed out after {timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s awaiting {stage} of {tracked}");
                    return ExitCodes.Timeout;
                }
                changed.Wait(left);
                changed.Reset();
            }
        }
        finally
        {
            session.Tracker.StageReached -= OnStage;
            session.Received -= OnReport;
            session.Link.StateChanged -= OnLinkState;
        }
    }

    private static string Milliseconds(Stopwatch clock) => clock.Elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private static string Elapsed(Stopwatch clock) => $"+{Milliseconds(clock),8} ms";
}
