namespace Payload.GroundStation.Tracking;

/// <summary>The furthest a tracked command has got, as far as the ground has heard.</summary>
public enum CommandState
{
    /// <summary>Sent; nothing heard yet.</summary>
    Sent = 0,

    /// <summary>Acceptance succeeded.</summary>
    Accepted = 1,

    /// <summary>Execution started.</summary>
    Started = 2,

    /// <summary>At least one progress step succeeded.</summary>
    InProgress = 3,

    /// <summary>Completion succeeded.</summary>
    Completed = 4,

    /// <summary>A stage failed (see <see cref="TrackedCommand.Failure"/>).</summary>
    Failed = 5,
}
