using Payload.Flight.Hardware;
using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.Telemetry;

/// <summary>One COBS frame as it went over the simulated wire.</summary>
internal sealed record WireFrame(byte[] Bytes, long HandedAtMicroseconds, double StartMicroseconds, double EndMicroseconds)
{
    /// <summary>The space packet the frame carries.</summary>
    public byte[] Packet
    {
        get
        {
            var packet = new byte[Bytes.Length];
            int length = Cobs.Decode(Bytes, 0, Bytes.Length - 1, packet, 0);
            Assert.True(length > 0, "not a COBS frame");
            return packet[..length];
        }
    }

    /// <summary>The decoded telemetry packet (asserting that it decodes).</summary>
    public TelemetryPacket Telemetry
    {
        get
        {
            var packet = Packet;
            Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(packet, 0, packet.Length, out var tm));
            return tm;
        }
    }
}

/// <summary>
/// A UART transmitter in virtual time: bytes handed over at <see cref="Now"/> go on the wire after those already
/// queued, at a fixed number of bytes per second (8N1: baud / 10). Records each frame's wire interval.
/// </summary>
internal sealed class VirtualUart(int bytesPerSecond, bool record = true) : ILinkTransmitter
{
    private double _busyUntil;

    /// <summary>Virtual time in microseconds, set by the simulation before each step.</summary>
    public long Now { get; set; }

    public List<WireFrame> Frames { get; } = new();

    public long BytesHanded { get; private set; }

    /// <summary>Microseconds the wire has been busy up to <paramref name="until"/>.</summary>
    public double BusyMicroseconds(double until) =>
        Frames.Sum(f => Math.Max(0, Math.Min(f.EndMicroseconds, until) - f.StartMicroseconds));

    public void Transmit(byte[] buffer, int offset, int count)
    {
        BytesHanded += count;
        double start = Math.Max(Now, _busyUntil);
        _busyUntil = start + (count * 1e6 / bytesPerSecond);
        if (record)
        {
            Frames.Add(new WireFrame(buffer.AsSpan(offset, count).ToArray(), Now, start, _busyUntil));
        }
    }
}
