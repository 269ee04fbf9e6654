using Payload.Flight.Instrument.Acquisition;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>An ST[13] downlink double: keeps each started message (when <see cref="Keep"/>), stays busy for a number of frames after each start, or refuses everything.</summary>
internal sealed class RecordingProductDownlink : IProductDownlink
{
    private int _busyFor;

    public List<(ushort Transaction, byte[] Message)> Started { get; } = [];

    /// <summary>Copy each message (allocates; off for allocation tests).</summary>
    public bool Keep { get; set; } = true;

    /// <summary>Frames a transfer keeps the downlink busy after it starts.</summary>
    public int FramesPerTransfer { get; set; }

    /// <summary>Refuse every message for good (not busy, never started).</summary>
    public bool RefuseAll { get; set; }

    /// <summary>Busy regardless of transfers (a long transfer of someone else).</summary>
    public bool HeldBusy { get; set; }

    public long Starts { get; private set; }
    public long LastLength { get; private set; }

    public bool IsBusy => HeldBusy || _busyFor > 0;

    public bool TryStart(ushort transactionId, byte[] source, int offset, int length)
    {
        if (IsBusy || RefuseAll) return false;
        Starts++;
        LastLength = length;
        if (Keep) Started.Add((transactionId, source.AsSpan(offset, length).ToArray()));
        _busyFor = FramesPerTransfer;
        return true;
    }

    /// <summary>One minor frame of the sender.</summary>
    public void Tick()
    {
        if (_busyFor > 0) _busyFor--;
    }

    public List<byte[]> OfKind(byte kind) => Started.Where(s => s.Message[0] == kind).Select(s => s.Message).ToList();
}
