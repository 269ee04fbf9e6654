using Payload.Flight.Protocol;

namespace Payload.GroundStation.Link;

/// <summary>Frames packets for a byte-stream link: 0x00, the COBS-encoded packet, 0x00.</summary>
/// <remarks>The leading delimiter ends whatever a cut left half-sent before, so the receiver is in step for this frame.</remarks>
public static class LinkFramer
{
    /// <summary>Octets of the frame of a <paramref name="packetLength"/>-octet packet.</summary>
    public static int FrameLength(int packetLength) => Cobs.MaxEncodedLength(packetLength) + 2;

    /// <summary>The frame of the whole of <paramref name="packet"/>.</summary>
    public static byte[] Frame(byte[] packet) => Frame(packet, 0, packet?.Length ?? 0);

    /// <summary>The frame of <paramref name="count"/> packet octets at <paramref name="offset"/>.</summary>
    public static byte[] Frame(byte[] packet, int offset, int count)
    {
        ArgumentNullException.ThrowIfNull(packet);
        var frame = new byte[FrameLength(count)];
        int written = Frame(packet, offset, count, frame, 0);
        return written == frame.Length ? frame : frame[..written];
    }

    /// <summary>Writes the frame into <paramref name="destination"/> (room for <see cref="FrameLength"/> octets) and returns its length.</summary>
    public static int Frame(byte[] packet, int offset, int count, byte[] destination, int destinationOffset)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(destination);
        destination[destinationOffset] = Cobs.Delimiter;
        return 1 + Cobs.EncodeFrame(packet, offset, count, destination, destinationOffset + 1);
    }
}
