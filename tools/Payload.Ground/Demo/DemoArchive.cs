using Payload.GroundStation;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;

namespace Payload.Ground.Demo;

/// <summary>The demo's ground archive: every packet the session receives goes into SQLite, and rebuilt ST[13] messages are noted.</summary>
public sealed class DemoArchive : IDisposable
{
    /// <summary>Opens a fresh archive at <paramref name="path"/> (an old one there is replaced) fed by <paramref name="session"/>.</summary>
    public DemoArchive(string path, GroundSession session)
    {
        if (File.Exists(path)) File.Delete(path);
        Writer = new ArchiveWriter(path, session);
        Writer.MessageRebuilt += (_, message) =>
        {
            if (message.Kind == InstrumentMessageKind.Products) HasProducts = true;
        };
    }

    /// <summary>The writer.</summary>
    public ArchiveWriter Writer { get; }

    /// <summary>True once a products message was rebuilt from its ST[13] parts.</summary>
    public bool HasProducts { get; private set; }

    public void Dispose() => Writer.Dispose();
}
