using Payload.Flight.Protocol;

namespace Payload.GroundStation.Link;

/// <summary>Splits a COBS byte stream from the payload into packets, counting what it had to throw away.</summary>
/// <remarks>Not thread-safe: one receiving thread pushes (the station serialises).</remarks>
public sealed class LinkDeframer : IFrameSink
{
    private readonly CobsFrameDecoder _decoder;

    /// <summary>Creates a deframer that delivers packets of up to <paramref name="maxPacketLength"/> octets.</summary>
    public LinkDeframer(int maxPacketLength = PacketLimits.MaxPacketLength)
    {
        _decoder = new CobsFrameDecoder(maxPacketLength, this);
    }

    /// <summary>Raised with each packet (a copy the handler may keep).</summary>
    public event Action<byte[]>? PacketReceived;

    /// <summary>Octets pushed so far.</summary>
    public long OctetsReceived { get; private set; }

    /// <summary>Packets delivered so far.</summary>
    public long Packets => _decoder.FramesDelivered;

    /// <summary>Frames thrown away: oversize, broken COBS, truncated.</summary>
    public long FramesDiscarded => _decoder.TotalDiscarded;

    /// <summary>Encoded octets thrown away with those frames (garbage on the line).</summary>
    public long GarbageOctets => _decoder.BytesDiscarded;

    /// <summary>Frames thrown away for <paramref name="reason"/>.</summary>
    public long Discarded(FrameDiscardReason reason) => _decoder.DiscardedCount(reason);

    /// <summary>Decodes <paramref name="count"/> octets from <paramref name="offset"/>, raising <see cref="PacketReceived"/> for every packet they complete.</summary>
    public void Push(byte[] data, int offset, int count)
    {
        OctetsReceived += count;
        _decoder.Push(data, offset, count);
    }

    /// <summary>Drops a half-received frame (after a link drop or a timeout), counting it as truncated.</summary>
    public void DiscardPartialFrame() => _decoder.DiscardPartialFrame();

    /// <inheritdoc />
    void IFrameSink.OnFrame(byte[] buffer, int offset, int count)
    {
        PacketReceived?.Invoke(buffer.AsSpan(offset, count).ToArray());
    }
}
