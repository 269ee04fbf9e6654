using System.Runtime.CompilerServices;
using Payload.Flight.Protocol;

namespace Payload.Benchmarks.LinkCodec;

/// <summary>
/// Packets of one kind through the flight link codec, as on the board and at the ground: encode is the kind's TryEncode
/// then Cobs.EncodeFrame into the frame buffer; decode is CobsFrameDecoder.Push of one frame, whose sink runs the kind's
/// TryDecode (header checks and CRC). Every buffer is allocated here, none in the loops.
/// </summary>
internal sealed class CodecLoop : IFrameSink
{
    private readonly IPacketKind _kind;
    private readonly int _length;
    private readonly byte[] _appData;
    private readonly byte[] _packet = new byte[PacketLimits.MaxPacketLength];
    private readonly byte[] _frame = new byte[PacketLimits.MaxFrameLength];
    private readonly byte[] _frames;
    private readonly int[] _frameOffsets = new int[LinkTraffic.Variants];
    private readonly int[] _frameLengths = new int[LinkTraffic.Variants];
    private readonly CobsFrameDecoder _decoder;
    private long _decoded;
    private long _checksum;

    public CodecLoop(IPacketKind kind, int applicationDataLength, int seed)
    {
        _kind = kind;
        _length = applicationDataLength;
        _appData = LinkTraffic.ApplicationData(applicationDataLength, seed);
        _decoder = new CobsFrameDecoder(PacketLimits.MaxPacketLength, this);
        _frames = new byte[LinkTraffic.Variants * PacketLimits.MaxFrameLength];
        int offset = 0;
        for (int k = 0; k < LinkTraffic.Variants; k++)
        {
            int length = EncodeOne(k);
            Array.Copy(_frame, 0, _frames, offset, length);
            _frameOffsets[k] = offset;
            _frameLengths[k] = length;
            offset += length;
        }
    }

    /// <summary>Octets of one packet on the wire before framing.</summary>
    public int PacketLength => _kind.Overhead + _length;

    /// <summary>Encodes <paramref name="count"/> packets into frames; returns the frame octets written.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public long Encode(int count)
    {
        long octets = 0;
        for (int i = 0; i < count; i++)
        {
            octets += EncodeOne(i);
        }

        return octets;
    }

    /// <summary>Decodes <paramref name="count"/> frames; throws unless every one came out as a valid packet.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public long Decode(int count)
    {
        long before = _decoded;
        for (int i = 0; i < count; i++)
        {
            int k = i & (LinkTraffic.Variants - 1);
            _decoder.Push(_frames, _frameOffsets[k], _frameLengths[k]);
        }

        if (_decoded - before != count)
        {
            throw new InvalidOperationException($"{count - (_decoded - before)} of {count} {_kind.Name} frames did not decode");
        }

        return _checksum;
    }

    public void OnFrame(byte[] buffer, int offset, int count)
    {
        long figure = _kind.Decode(buffer, offset, count);
        if (figure >= 0)
        {
            _decoded++;
            _checksum += figure;
        }
    }

    private int EncodeOne(int i)
    {
        int k = i & (LinkTraffic.Variants - 1);
        var status = _kind.TryEncode(i, _appData, k * _length, _length, _packet, out int written);
        if (status != PacketStatus.Ok)
        {
            throw new InvalidOperationException($"{_kind.Name} encode failed: {status}");
        }

        return Cobs.EncodeFrame(_packet, 0, written, _frame, 0);
    }
}
