namespace Payload.GroundStation.Archive;

/// <summary>How an <see cref="ArchiveWriter"/> batches its writes.</summary>
public sealed record ArchiveWriterOptions
{
    /// <summary>Reports queued before a batch is written (default 500).</summary>
    public int BatchSize { get; init; } = 500;

    /// <summary>Longest a report waits in the queue (a timer flushes); zero: only full batches, <see cref="ArchiveWriter.Flush"/> and dispose write.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The session's start in wall time (default: now), for <c>sessions.started_utc</c>.</summary>
    public DateTimeOffset? StartedUtc { get; init; }

    /// <summary>What the link was (e.g. its URI), for <c>sessions.link</c>; by default the session's link type, or "none" without a session.</summary>
    public string? LinkDescription { get; init; }
}
