using Payload.Flight.Hardware;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Persistence;

namespace Payload.Flight.Tests.Integration;

/// <summary>
/// The whole flight core booted on in-memory hardware, driven frame by frame, with a ground side that frames
/// telecommands and decodes the telemetry stream. The ground side allocates only where a test asks for decoded copies.
/// </summary>
public sealed class FlightRig : IFrameSink
{
    public const long FrameMicroseconds = 10_000;
    private readonly ManualClock _clock = new();
    private readonly CobsFrameDecoder _downlinkDecoder;
    private readonly byte[] _commandBuffer = new byte[PacketLimits.MaxPacketLength];
    private readonly byte[] _frameBuffer = new byte[PacketLimits.MaxFrameLength + 8];
    private ushort _sequence;

    public FlightRig(TestFlash? flash = null)
    {
        Flash = flash ?? new TestFlash(64 * 1024);
        Link = new CapturingLink(this);
        _downlinkDecoder = new CobsFrameDecoder(PacketLimits.MaxFrameLength, this);
        Software = new FlightSoftware(new FlightHardware(_clock, Link, Flash, Watchdog), 0);
        Software.CompleteBoot();
    }

    public FlightSoftware Software { get; }
    public TestFlash Flash { get; }
    public CapturingLink Link { get; }
    public CountingPin Watchdog { get; } = new();
    public long Frame { get; private set; }
    public long NowMicroseconds => Frame * FrameMicroseconds;

    /// <summary>When true, every telemetry packet received is decoded and kept in <see cref="Received"/> (allocates).</summary>
    public bool Keep { get; set; } = true;
    public List<ReceivedTelemetry> Received { get; } = new();
    public long PacketsReceived { get; private set; }
    public long BadPackets { get; private set; }

    public void RunFrames(long frames)
    {
        for (var i = 0; i < frames; i++)
        {
            _clock.NowMicroseconds = NowMicroseconds;
            Software.OnMinorFrame(Frame, NowMicroseconds);
            Frame++;
        }
    }

    public void RunSeconds(double seconds) => RunFrames((long)(seconds * 1_000_000 / FrameMicroseconds));

    /// <summary>Encodes and COBS-frames a telecommand into a reusable buffer; returns the frame length.</summary>
    public int FrameCommand(byte service, byte subtype, byte[] data, int dataLength, AckFlags ack, byte[] frame)
    {
        var status = TelecommandCodec.TryEncode(Config.FlightConfiguration.Apid, _sequence, ack, service, subtype, 1,
            data, 0, dataLength, _commandBuffer, 0, out var written);
        if (status != PacketStatus.Ok) throw new InvalidOperationException(status.ToString());
        _sequence = (ushort)((_sequence + 1) & 0x3FFF);
        return Cobs.EncodeFrame(_commandBuffer, 0, written, frame, 0);
    }

    /// <summary>Sends one telecommand over the link; returns its sequence count.</summary>
    public ushort Send(byte service, byte subtype, byte[]? data = null, AckFlags ack = AckFlags.All)
    {
        data ??= [];
        var sequence = _sequence;
        var length = FrameCommand(service, subtype, data, data.Length, ack, _frameBuffer);
        Uplink(_frameBuffer, 0, length);
        return sequence;
    }

    public void Uplink(byte[] bytes, int offset, int count) => Software.OnLinkBytes(bytes, offset, count, NowMicroseconds);

    public void OnFrame(byte[] buffer, int offset, int count)
    {
        PacketsReceived++;
        if (TelemetryCodec.TryDecode(buffer, offset, count, out var tm) != PacketStatus.Ok)
        {
            BadPackets++;
            return;
        }
        if (Keep)
        {
            Received.Add(new ReceivedTelemetry(tm.ServiceType, tm.ServiceSubtype, tm.SequenceCount, tm.Time.ToMicroseconds(),
                buffer.AsSpan(tm.ApplicationDataOffset, tm.ApplicationDataLength).ToArray()));
        }
    }

    internal void Downlinked(byte[] buffer, int offset, int count) => _downlinkDecoder.Push(buffer, offset, count);

    public IEnumerable<ReceivedTelemetry> Of(byte service, byte subtype) => Received.Where(t => t.Service == service && t.Subtype == subtype);

    /// <summary>ST[1] reports about the command with this sequence count, as subtypes in order (a packet-store replay of a report is not counted again).</summary>
    public List<byte> Verification(ushort sequence) =>
        Received.Where(t => t.Service == 1 && (t.U16(2) & 0x3FFF) == sequence).DistinctBy(t => t.Sequence).Select(t => t.Subtype).ToList();

    /// <summary>The failure code of the first failure report about the command with this sequence count.</summary>
    public int FailureCode(ushort sequence) =>
        Received.First(t => t.Service == 1 && t.Subtype % 2 == 0 && (t.U16(2) & 0x3FFF) == sequence).U16(4);
}

public sealed record ReceivedTelemetry(byte Service, byte Subtype, ushort Sequence, long TimeMicroseconds, byte[] Data)
{
    public int U16(int offset) => (Data[offset] << 8) | Data[offset + 1];
    public long U32(int offset) => ((long)U16(offset) << 16) | (uint)U16(offset + 2);
}

public sealed class ManualClock : IMonotonicClock
{
    public long NowMicroseconds { get; set; }
}

public sealed class CountingPin : IOutputPin
{
    public long Toggles { get; private set; }
    private bool _level;

    public void Write(bool high)
    {
        if (high != _level) Toggles++;
        _level = high;
    }
}

/// <summary>The link's transmit side, feeding what the payload sends straight into the ground's deframer.</summary>
public sealed class CapturingLink(FlightRig rig) : ILinkTransmitter
{
    public long Octets { get; private set; }

    public void Transmit(byte[] buffer, int offset, int count)
    {
        Octets += count;
        rig.Downlinked(buffer, offset, count);
    }
}
