using Payload.Flight.Protocol;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Support;

/// <summary>Reading decoded telemetry and building command arguments, for the rigs that drive the downlink and their tests.</summary>
internal static class PacketFields
{
    public static int U16(TelemetryPacket tm, int offset) => BigEndian.ReadUInt16(tm.Buffer, tm.ApplicationDataOffset + offset);

    public static long U32(TelemetryPacket tm, int offset) => BigEndian.ReadUInt32(tm.Buffer, tm.ApplicationDataOffset + offset);

    /// <summary>The whole packet's octets.</summary>
    public static byte[] Bytes(TelemetryPacket tm) => tm.Buffer.AsSpan(tm.PacketOffset, tm.PacketLength).ToArray();

    public static byte[] U16Args(params ushort[] values)
    {
        var data = new byte[values.Length * 2];
        for (int i = 0; i < values.Length; i++) BigEndian.WriteUInt16(data, i * 2, values[i]);
        return data;
    }

    public static byte[] U32Args(params uint[] values)
    {
        var data = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BigEndian.WriteUInt32(data, i * 4, values[i]);
        return data;
    }

    /// <summary>Encodes TC[<paramref name="service"/>, <paramref name="subtype"/>] to the payload's APID from source 7.</summary>
    public static byte[] Telecommand(ushort sequence, byte service, byte subtype, byte[] arguments, AckFlags ack)
    {
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(Config.FlightConfiguration.Apid, sequence, ack, service, subtype, 7, arguments, 0, arguments.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        return buffer[..written];
    }

    /// <summary>The ST[1] reports among <paramref name="received"/> about <paramref name="telecommand"/> (matched by packet ID and sequence control), in order.</summary>
    public static IEnumerable<TelemetryPacket> VerificationOf(IEnumerable<TelemetryPacket> received, byte[] telecommand)
    {
        int packetId = (telecommand[0] << 8) | telecommand[1];
        int sequence = (telecommand[2] << 8) | telecommand[3];
        return received.Where(t => t.ServiceType == VerificationReporter.Service && U16(t, 0) == packetId && U16(t, 2) == sequence);
    }
}
