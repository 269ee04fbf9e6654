using Payload.Flight.Telemetry;

namespace Payload.Flight.Tests.Support;

/// <summary>One packet handed to a <see cref="RecordingTelemetrySink"/>.</summary>
public sealed record SentTelemetry(TelemetryClass Priority, byte Service, byte Subtype, byte[] Data)
{
    /// <summary>Big-endian unsigned 16-bit field at <paramref name="offset"/> of the application data.</summary>
    public int U16(int offset) => (Data[offset] << 8) | Data[offset + 1];

    /// <summary>Big-endian unsigned 32-bit field at <paramref name="offset"/> of the application data.</summary>
    public long U32(int offset) => ((long)U16(offset) << 16) | (uint)U16(offset + 2);
}

/// <summary>An <see cref="ITelemetrySink"/> that keeps a copy of everything sent, for assertions.</summary>
/// <remarks>It allocates per packet, so allocation tests must use a sink that does not (see <see cref="CountingTelemetrySink"/>).</remarks>
public sealed class RecordingTelemetrySink : ITelemetrySink
{
    public List<SentTelemetry> Sent { get; } = new();

    /// <summary>When false, every Send reports the queue as full.</summary>
    public bool Accepting { get; set; } = true;

    public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count)
    {
        if (!Accepting) return false;
        Sent.Add(new SentTelemetry(priority, service, subtype, applicationData.AsSpan(offset, count).ToArray()));
        return true;
    }

    public IEnumerable<SentTelemetry> Of(byte service, byte subtype) => Sent.Where(t => t.Service == service && t.Subtype == subtype);
}

/// <summary>An <see cref="ITelemetrySink"/> that only counts, so steady-state allocation can be measured through it.</summary>
public sealed class CountingTelemetrySink : ITelemetrySink
{
    public long Packets { get; private set; }
    public long Octets { get; private set; }

    public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count)
    {
        Packets++;
        Octets += count;
        return true;
    }
}
