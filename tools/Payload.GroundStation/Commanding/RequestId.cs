using Payload.Flight.Protocol;

namespace Payload.GroundStation.Commanding;

/// <summary>
/// A telecommand's request ID as ST[1] reports carry it: the packet ID (first two octets of the primary header:
/// version, type, secondary header flag, APID) and the packet sequence control (sequence flags and count).
/// </summary>
public readonly record struct RequestId(ushort PacketId, ushort SequenceControl)
{
    /// <summary>The APID the telecommand was addressed to.</summary>
    public ushort Apid => (ushort)(PacketId & PacketLimits.MaxApid);

    /// <summary>The sequence count (packet name) the sender gave the telecommand.</summary>
    public ushort SequenceCount => (ushort)(SequenceControl & PacketLimits.MaxSequenceCount);

    /// <summary>The request ID of the packet whose primary header starts at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than four octets are available.</exception>
    public static RequestId Of(byte[] packet, int offset = 0)
    {
        ArgumentNullException.ThrowIfNull(packet);
        if (offset < 0 || packet.Length - offset < 4) throw new ArgumentException("a request ID needs the first four octets of a packet", nameof(packet));
        return new RequestId((ushort)BigEndian.ReadUInt16(packet, offset), (ushort)BigEndian.ReadUInt16(packet, offset + 2));
    }

    /// <summary>"apid/sequence", e.g. "100/5".</summary>
    public override string ToString() => $"{Apid}/{SequenceCount}";
}
