using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>A simulated board, a ground session on its UART archived into a temporary directory, and everything the session decoded.</summary>
internal sealed class ArchiveRig : IDisposable
{
    private readonly SimulatedBoardLink _link;
    private bool _writerClosed;

    public ArchiveRig(ArchiveWriterOptions? options = null)
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "payload-archive-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        DatabasePath = System.IO.Path.Combine(Directory, "archive.db");
        Board = new SimulatedBoard();
        _link = new SimulatedBoardLink(Board);
        // The dictionary the board runs (the flight core's, or the instrument's on top of it), so the hash check passes either way.
        Session = new GroundSession(_link, Board.Software.Dictionary);
        Session.Received += Received.Add;
        Writer = new ArchiveWriter(DatabasePath, Session, options ?? new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero, BatchSize = 64 });
    }

    public string Directory { get; }

    public string DatabasePath { get; }

    public SimulatedBoard Board { get; }

    public GroundSession Session { get; }

    public ArchiveWriter Writer { get; }

    public List<TelemetryReport> Received { get; } = [];

    public ArchiveRig Booted()
    {
        Assert.True(Board.RunUntil(() => Received.OfType<EventReport>().Any(e => e.Name == "SYS_BOOT"), 1_000_000), "no SYS_BOOT");
        return this;
    }

    public void RunFor(double seconds) => Board.RunFor((long)(seconds * 1e6));

    public TrackedCommand Await(TrackedCommand command)
    {
        Assert.True(Board.RunUntil(() => command.IsFinished, 5_000_000), $"{command} did not finish");
        RunFor(0.05);
        return command;
    }

    /// <summary>Closes the writer (flushing everything) and opens the archive for reading.</summary>
    public ArchiveReader Read()
    {
        if (!_writerClosed)
        {
            Writer.Dispose();
            _writerClosed = true;
        }
        return new ArchiveReader(DatabasePath);
    }

    public void Dispose()
    {
        if (!_writerClosed) Writer.Dispose();
        Session.Dispose();
        _link.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}
