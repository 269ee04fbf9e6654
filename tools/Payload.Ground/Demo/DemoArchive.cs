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
            if (message.Kind == InstrumentMessageKind.Products)
            {
                HasProducts = true;
                RawRecordsExpected = message.Decimation is not 0;
            }
            if (message.Kind == InstrumentMessageKind.RawRecords && message.LastChunk == true) HasLastRawChunk = true;
        };
    }

    /// <summary>The writer.</summary>
    public ArchiveWriter Writer { get; }

    /// <summary>True once a products message was rebuilt from its ST[13] parts.</summary>
    public bool HasProducts { get; private set; }

    /// <summary>True once the last (flagged) raw-records chunk was rebuilt: the ground holds every raw record the board kept.</summary>
    public bool HasLastRawChunk { get; private set; }

    /// <summary>False when the products say the pass sent no raw records (decimation 0), so no last chunk will come.</summary>
    public bool RawRecordsExpected { get; private set; } = true;

    /// <summary>
    /// True when the pass is complete on the ground: products and, unless there are none, the last raw chunk. Not the
    /// board's sender going idle: the last chunk's parts are still in the downlink queue then (about 0.6 s for NISAR).
    /// </summary>
    public bool HasCompletePass => HasProducts && (HasLastRawChunk || !RawRecordsExpected);

    public void Dispose() => Writer.Dispose();
}
