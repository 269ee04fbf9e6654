using Payload.Flight.Hardware;

namespace Payload.Benchmarks.Downlink;

/// <summary>One frame's time on the simulated wire, with what the benchmark needs to know of it.</summary>
internal readonly record struct WireSlot(int Tag, byte Service, double StartMicroseconds, double EndMicroseconds);

/// <summary>
/// A UART transmitter in virtual time: bytes handed over at <see cref="Now"/> go on the wire after those already
/// queued, at a fixed number of bytes per second (8N1: baud / 10). Keeps each frame's wire interval.
/// </summary>
internal sealed class VirtualUart(int bytesPerSecond, Func<byte[], int, int, (int Tag, byte Service)> identify) : ILinkTransmitter
{
    private double _busyUntil;

    /// <summary>Virtual time in microseconds, set by the simulation before each step.</summary>
    public long Now { get; set; }

    public List<WireSlot> Slots { get; } = new();

    public void Transmit(byte[] buffer, int offset, int count)
    {
        double start = Math.Max(Now, _busyUntil);
        _busyUntil = start + (count * 1e6 / bytesPerSecond);
        var (tag, service) = identify(buffer, offset, count);
        Slots.Add(new WireSlot(tag, service, start, _busyUntil));
    }

    /// <summary>Microseconds the wire was busy before <paramref name="until"/>.</summary>
    public double BusyMicroseconds(double until) =>
        Slots.Sum(s => Math.Max(0, Math.Min(s.EndMicroseconds, until) - s.StartMicroseconds));
}
