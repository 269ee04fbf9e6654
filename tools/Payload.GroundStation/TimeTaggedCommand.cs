using Payload.GroundStation.Tracking;

namespace Payload.GroundStation;

/// <summary>A command sent for release by the on-board schedule: the SCHED_INSERT that carried it, and the command itself once released.</summary>
/// <param name="Insertion">The ST[11,4] insertion (completes when the entry is in the schedule).</param>
/// <param name="Scheduled">The embedded command, whose reports arrive after its release.</param>
/// <param name="ReleaseMissionMicroseconds">When it is to be released, in mission microseconds.</param>
public sealed record TimeTaggedCommand(TrackedCommand Insertion, TrackedCommand Scheduled, long ReleaseMissionMicroseconds);
