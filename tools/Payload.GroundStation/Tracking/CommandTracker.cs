using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tracking;

/// <summary>Follows every sent telecommand through its ST[1] verification stages as the reports arrive.</summary>
/// <remarks>
/// Commands are keyed by request ID; when sequence counts wrap, a new command with the ID of an old one takes its
/// place. Thread-safe; <see cref="StageReached"/> is raised outside the lock, on the thread that applied the report.
/// </remarks>
public sealed class CommandTracker
{
    private readonly Lock _lock = new();
    private readonly Dictionary<RequestId, TrackedCommand> _byRequest = [];
    private readonly List<TrackedCommand> _all = [];

    /// <summary>Raised after a report was applied to a tracked command: the command (updated) and the report.</summary>
    public event Action<TrackedCommand, VerificationReport>? StageReached;

    /// <summary>Verification reports that matched no tracked command (another ground's, or sent before this one started).</summary>
    public long UnmatchedReports { get; private set; }

    /// <summary>Every command tracked, in the order sent.</summary>
    public IReadOnlyList<TrackedCommand> Commands
    {
        get { lock (_lock) return [.. _all]; }
    }

    /// <summary>Commands that completed successfully.</summary>
    public int CompletedCount => Count(c => c.State == CommandState.Completed);

    /// <summary>Commands that failed at some stage.</summary>
    public int FailedCount => Count(c => c.State == CommandState.Failed);

    /// <summary>Commands not yet finished.</summary>
    public int PendingCount => Count(c => !c.IsFinished);

    /// <summary>Starts tracking an encoded command sent at <paramref name="sentAtMicroseconds"/>.</summary>
    public TrackedCommand Track(EncodedCommand command, long sentAtMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Add(new TrackedCommand(command.Mnemonic, command.RequestId, command.AckFlags, command, sentAtMicroseconds));
    }

    /// <summary>Starts tracking a command sent as a raw packet (its request ID and ack flags read from its headers).</summary>
    public TrackedCommand Track(string mnemonic, RequestId requestId, AckFlags ackFlags, long sentAtMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(mnemonic);
        return Add(new TrackedCommand(mnemonic, requestId, ackFlags, null, sentAtMicroseconds));
    }

    /// <summary>The command with this request ID (the latest sent), or null.</summary>
    public TrackedCommand? Find(RequestId requestId)
    {
        lock (_lock) return _byRequest.GetValueOrDefault(requestId);
    }

    /// <summary>Applies a verification report; returns the command it belongs to, or null when none is tracked.</summary>
    public TrackedCommand? Apply(VerificationReport report, long nowMicroseconds)
    {
        ArgumentNullException.ThrowIfNull(report);
        TrackedCommand? command;
        lock (_lock)
        {
            command = _byRequest.GetValueOrDefault(report.RequestId);
            if (command is null)
            {
                UnmatchedReports++;
                return null;
            }
            command.Apply(report, nowMicroseconds);
        }
        StageReached?.Invoke(command, report);
        return command;
    }

    private TrackedCommand Add(TrackedCommand command)
    {
        lock (_lock)
        {
            _byRequest[command.RequestId] = command;
            _all.Add(command);
        }
        return command;
    }

    private int Count(Func<TrackedCommand, bool> predicate)
    {
        lock (_lock) return _all.Count(predicate);
    }
}
