using Payload.Flight.Commanding;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Hil;

/// <summary>A command the bench sent: what its ST[1] reports have said so far, and when they arrived.</summary>
public sealed class CommandHandle
{
    internal CommandHandle(TrackedCommand tracked, string text, Mark sent)
    {
        Tracked = tracked;
        Text = text;
        Sent = sent;
    }

    /// <summary>The ground station's record of the command.</summary>
    public TrackedCommand Tracked { get; }

    /// <summary>The command as an operator would type it ("MODE_SET mode=STANDBY"), or a description of a raw packet.</summary>
    public string Text { get; }

    /// <summary>The mark taken just before it was sent: searches from here see everything it caused.</summary>
    public Mark Sent { get; }

    /// <summary>The mnemonic.</summary>
    public string Mnemonic => Tracked.Mnemonic;

    /// <summary>The furthest stage heard of.</summary>
    public CommandState State => Tracked.State;

    /// <summary>True when nothing more is expected (completed, or failed at some stage).</summary>
    public bool IsFinished => Tracked.IsFinished;

    /// <summary>True once completion succeeded.</summary>
    public bool Completed => Tracked.Completed;

    /// <summary>The first failure report, or null.</summary>
    public VerificationReport? Failure => Tracked.Failure;

    /// <summary>Why it failed; <see cref="FailureCode.None"/> while nothing failed.</summary>
    public FailureCode FailureCode => Tracked.FailureCode;

    /// <summary>The stage that failed, or null.</summary>
    public Stage? FailedStage => Tracked.FailedStage is { } stage ? (Stage)stage : null;

    /// <summary>Progress steps reported so far.</summary>
    public IReadOnlyList<int> ProgressSteps => Tracked.ProgressSteps;

    /// <summary>Every report of the command, in arrival order.</summary>
    public IReadOnlyList<VerificationReport> Reports => Tracked.Reports;

    /// <summary>The first report of <paramref name="stage"/> (success or failure), or null.</summary>
    public VerificationReport? Report(Stage stage) => Tracked.Reports.FirstOrDefault(r => r.Stage == (VerificationStage)stage);

    /// <summary>Bench time from sending to the arrival of the first report of <paramref name="stage"/>, or null.</summary>
    public long? LatencyMicroseconds(Stage stage) =>
        Report(stage) is { } report ? report.ReceivedAtMicroseconds - Sent.BenchMicroseconds : null;

    /// <summary>"MODE_SET mode=STANDBY (100/3): Completed".</summary>
    public override string ToString()
    {
        string failure = Failure is { } f ? $" at {(Stage)f.Stage}: {f.FailureCode} (data {f.FailureData})" : "";
        return $"{Text} ({Tracked.RequestId}): {State}{failure}";
    }
}
