using Payload.Flight.Protocol;

namespace Payload.Benchmarks.LinkCodec;

/// <summary>One direction of the link codec (telemetry or telecommands): how a packet is built and checked.</summary>
internal interface IPacketKind
{
    /// <summary>"telemetry" or "telecommand", for messages.</summary>
    string Name { get; }

    /// <summary>Octets of a packet around its application data (headers and CRC).</summary>
    int Overhead { get; }

    /// <summary>Builds packet number <paramref name="i"/> around the given application data.</summary>
    PacketStatus TryEncode(int i, byte[] appData, int offset, int count, byte[] packet, out int written);

    /// <summary>Decodes and checks a packet (headers and CRC); returns a figure of its contents, or -1 when it is not valid.</summary>
    long Decode(byte[] buffer, int offset, int count);
}

/// <summary>Housekeeping reports, TM[3,25], as the board sends them.</summary>
internal sealed class TelemetryPackets : IPacketKind
{
    private const ushort Apid = 0x064;

    public string Name => "telemetry";

    public int Overhead => PacketLimits.MinTelemetryLength;

    public PacketStatus TryEncode(int i, byte[] appData, int offset, int count, byte[] packet, out int written)
    {
        var time = new CucTime((uint)(i >> 8), (ushort)(i * 977));
        return TelemetryCodec.TryEncode(Apid, (ushort)(i & PacketLimits.MaxSequenceCount), 3, 25, (ushort)i, 1, time,
            appData, offset, count, packet, 0, out written);
    }

    public long Decode(byte[] buffer, int offset, int count) =>
        TelemetryCodec.TryDecode(buffer, offset, count, out var tm) == PacketStatus.Ok ? tm.SequenceCount + tm.ApplicationDataLength : -1;
}

/// <summary>Parameter sets, TC[20,1] asking for every report, as the ground sends them.</summary>
internal sealed class TelecommandPackets : IPacketKind
{
    private const ushort Apid = 0x064;

    public string Name => "telecommand";

    public int Overhead => PacketLimits.MinTelecommandLength;

    public PacketStatus TryEncode(int i, byte[] appData, int offset, int count, byte[] packet, out int written) =>
        TelecommandCodec.TryEncode(Apid, (ushort)(i & PacketLimits.MaxSequenceCount), AckFlags.All, 20, 1, 1,
            appData, offset, count, packet, 0, out written);

    public long Decode(byte[] buffer, int offset, int count) =>
        TelecommandCodec.TryDecode(buffer, offset, count, out var tc) == PacketStatus.Ok ? tc.SequenceCount + tc.ApplicationDataLength : -1;
}
