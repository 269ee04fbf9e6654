using Payload.Flight.Protocol;

namespace Payload.GroundStation.Telemetry;

/// <summary>A packet was not a valid PUS-C telemetry packet (bad CRC, wrong length, not TM…).</summary>
public sealed class TelemetryDecodingException : Exception
{
    /// <summary>Creates the exception for <paramref name="status"/>.</summary>
    public TelemetryDecodingException(PacketStatus status, int length)
        : base($"not a valid telemetry packet ({length} octets): {status}")
    {
        Status = status;
    }

    /// <summary>The first reason the packet codec gave.</summary>
    public PacketStatus Status { get; }
}
