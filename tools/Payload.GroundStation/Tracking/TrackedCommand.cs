using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tracking;

/// <summary>One sent telecommand and what its ST[1] reports have said so far.</summary>
/// <remarks>Updated by <see cref="CommandTracker"/> under its lock; read it from the station's callbacks or after the reports arrived.</remarks>
public sealed class TrackedCommand
{
    private readonly List<VerificationReport> _reports = [];
    private readonly List<int> _progressSteps = [];
    private readonly TaskCompletionSource<TrackedCommand> _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal TrackedCommand(string mnemonic, RequestId requestId, AckFlags ackFlags, EncodedCommand? command, long sentAtMicroseconds)
    {
        Mnemonic = mnemonic;
        RequestId = requestId;
        AckFlags = ackFlags;
        Command = command;
        SentAtMicroseconds = sentAtMicroseconds;
    }

    /// <summary>The command's mnemonic ("?" for a raw packet the dictionary does not know).</summary>
    public string Mnemonic { get; }

    /// <summary>The request ID its reports carry.</summary>
    public RequestId RequestId { get; }

    /// <summary>The success stages it asked to hear of (failures are always reported).</summary>
    public AckFlags AckFlags { get; }

    /// <summary>The encoded command; null when it was sent as a raw packet.</summary>
    public EncodedCommand? Command { get; }

    /// <summary>When it was sent, in the ground's clock.</summary>
    public long SentAtMicroseconds { get; }

    /// <summary>The furthest stage heard of.</summary>
    public CommandState State { get; private set; } = CommandState.Sent;

    /// <summary>True once acceptance succeeded.</summary>
    public bool Accepted { get; private set; }

    /// <summary>True once execution started.</summary>
    public bool Started { get; private set; }

    /// <summary>Progress steps reported successful, in arrival order.</summary>
    public IReadOnlyList<int> ProgressSteps => _progressSteps;

    /// <summary>True once completion succeeded.</summary>
    public bool Completed { get; private set; }

    /// <summary>The failure report, or null while nothing failed.</summary>
    public VerificationReport? Failure { get; private set; }

    /// <summary>The stage that failed, or null.</summary>
    public VerificationStage? FailedStage => Failure?.Stage;

    /// <summary>Why it failed; <see cref="Flight.Commanding.FailureCode.None"/> while nothing failed.</summary>
    public FailureCode FailureCode => Failure?.FailureCode ?? FailureCode.None;

    /// <summary>Every report received for it, in arrival order.</summary>
    public IReadOnlyList<VerificationReport> Reports => _reports;

    /// <summary>
    /// True when nothing more is to be expected: it failed, it completed, or every non-progress success stage it asked for
    /// has been reported (a command that asked for no success reports is finished only if it fails).
    /// </summary>
    public bool IsFinished => Failure is not null || Completed || (ExpectedStages.Count > 0 && ExpectedStages.All(Reached));

    /// <summary>The success stages that will be reported if all goes well (progress only when asked, and only if the command reports it).</summary>
    public IReadOnlyList<VerificationStage> ExpectedStages => StagesOf(AckFlags);

    /// <summary>Completes when <see cref="IsFinished"/> becomes true.</summary>
    public Task<TrackedCommand> Finished => _finished.Task;

    /// <summary>When the last report arrived, in the ground's clock; null before any.</summary>
    public long? LastReportAtMicroseconds { get; private set; }

    /// <summary>True when the success report of <paramref name="stage"/> has arrived.</summary>
    public bool Reached(VerificationStage stage) => stage switch
    {
        VerificationStage.Acceptance => Accepted,
        VerificationStage.Start => Started,
        VerificationStage.Progress => _progressSteps.Count > 0,
        VerificationStage.Completion => Completed,
        _ => false,
    };

    /// <summary>"MNEMONIC (apid/seq): state[, failure]".</summary>
    public override string ToString()
    {
        string failure = Failure is { } f ? $" at {f.Stage}: {f.FailureCode} (data {f.FailureData})" : "";
        return $"{Mnemonic} ({RequestId}): {State}{failure}";
    }

    /// <summary>The non-progress success stages <paramref name="flags"/> ask for, in order.</summary>
    internal static IReadOnlyList<VerificationStage> StagesOf(AckFlags flags)
    {
        var stages = new List<VerificationStage>(3);
        if ((flags & AckFlags.Acceptance) != 0) stages.Add(VerificationStage.Acceptance);
        if ((flags & AckFlags.Start) != 0) stages.Add(VerificationStage.Start);
        if ((flags & AckFlags.Completion) != 0) stages.Add(VerificationStage.Completion);
        return stages;
    }

    /// <summary>Applies one report; returns true when it changed the state.</summary>
    internal bool Apply(VerificationReport report, long nowMicroseconds)
    {
        _reports.Add(report);
        LastReportAtMicroseconds = nowMicroseconds;
        bool wasFinished = IsFinished;
        if (!report.Success)
        {
            Failure ??= report;
            State = CommandState.Failed;
        }
        else
        {
            // A success implies the earlier stages even when their reports were not asked for.
            switch (report.Stage)
            {
                case VerificationStage.Acceptance:
                    Accepted = true;
                    break;
                case VerificationStage.Start:
                    Accepted = Started = true;
                    break;
                case VerificationStage.Progress:
                    Accepted = Started = true;
                    _progressSteps.Add(report.Step ?? _progressSteps.Count + 1);
                    break;
                case VerificationStage.Completion:
                    Accepted = Started = Completed = true;
                    break;
            }
            if (State != CommandState.Failed && StateOf(report.Stage) > State) State = StateOf(report.Stage);
        }
        if (!wasFinished && IsFinished) _finished.TrySetResult(this);
        return true;
    }

    private static CommandState StateOf(VerificationStage stage) => stage switch
    {
        VerificationStage.Acceptance => CommandState.Accepted,
        VerificationStage.Start => CommandState.Started,
        VerificationStage.Progress => CommandState.InProgress,
        _ => CommandState.Completed,
    };
}
