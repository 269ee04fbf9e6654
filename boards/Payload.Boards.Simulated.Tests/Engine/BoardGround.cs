using Payload.Boards.Simulated.Engine;
using Payload.Flight.Config;
using Payload.Flight.Protocol;

namespace Payload.Boards.Simulated.Tests.Engine;

/// <summary>A minimal ground for engine tests: frames telecommands onto the UART and decodes what comes back.</summary>
public sealed class BoardGround : IFrameSink
{
    private readonly SimulatedBoard _board;
    private readonly CobsFrameDecoder _decoder;
    private ushort _sequence;

    public BoardGround(SimulatedBoard board)
    {
        _board = board;
        _decoder = new CobsFrameDecoder(PacketLimits.MaxFrameLength, this);
        board.Uart.GroundReceived += (b, o, c) =>
        {
            ArrivalsMicroseconds.Add(board.NowMicroseconds);
            OctetsReceived += c;
            _decoder.Push(b, o, c);
        };
    }

    public List<(byte Service, byte Subtype, byte[] Data)> Packets { get; } = new();
    public List<long> ArrivalsMicroseconds { get; } = new();
    public long OctetsReceived { get; private set; }

    public ushort Send(byte service, byte subtype, params byte[] data)
    {
        var packet = new byte[PacketLimits.MaxPacketLength];
        TelecommandCodec.TryEncode(FlightConfiguration.Apid, _sequence, AckFlags.All, service, subtype, 1, data, 0, data.Length, packet, 0, out var written);
        var frame = new byte[Cobs.MaxEncodedLength(written) + 1];
        var length = Cobs.EncodeFrame(packet, 0, written, frame, 0);
        _board.Uart.SendFromGround(frame, 0, length);
        return _sequence++;
    }

    public void OnFrame(byte[] buffer, int offset, int count)
    {
        if (TelemetryCodec.TryDecode(buffer, offset, count, out var tm) != PacketStatus.Ok) return;
        Packets.Add((tm.ServiceType, tm.ServiceSubtype, buffer.AsSpan(tm.ApplicationDataOffset, tm.ApplicationDataLength).ToArray()));
    }

    public IEnumerable<byte[]> Of(byte service, byte subtype) => Packets.Where(p => p.Service == service && p.Subtype == subtype).Select(p => p.Data);

    /// <summary>Verification subtypes received for the command with this sequence count.</summary>
    public List<byte> Verification(ushort sequence) =>
        Packets.Where(p => p.Service == 1 && (((p.Data[2] << 8) | p.Data[3]) & 0x3FFF) == sequence).Select(p => p.Subtype).ToList();
}
