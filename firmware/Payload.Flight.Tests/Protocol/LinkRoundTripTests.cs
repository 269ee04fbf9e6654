using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

/// <summary>The whole link path: packet codec, COBS framing, any chunking, streaming decoder, packet codec again.</summary>
public class LinkRoundTripTests
{
    [Fact]
    public void Random_telecommands_and_telemetry_survive_framing_and_any_chunking()
    {
        var packet = Gen.OneOf(PacketGen.Tc.Select(f => (object)f), PacketGen.Tm.Select(f => (object)f));
        var gen = Gen.Select(packet.Array[0, 10], Gen.Int[1, 200].Array[1, 30], Gen.Bool);
        Prop.ForAll(gen, t =>
        {
            var (packets, chunks, leadingDelimiters) = t;
            byte[] stream = CobsFrameDecoderTests.Frame(packets.Select(Encode), leadingDelimiters);
            var sink = new RecordingSink();
            var decoder = new CobsFrameDecoder(PacketLimits.MaxPacketLength, sink);
            CobsFrameDecoderTests.PushChunked(decoder, stream, chunks);

            Assert.Equal(packets.Length, sink.Frames.Count);
            for (int i = 0; i < packets.Length; i++)
            {
                byte[] frame = sink.Frames[i];
                switch (packets[i])
                {
                    case TcFields tc:
                        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryDecode(frame, 0, frame.Length, out var decodedTc));
                        tc.AssertMatches(decodedTc);
                        break;
                    case TmFields tm:
                        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(frame, 0, frame.Length, out var decodedTm));
                        tm.AssertMatches(decodedTm);
                        break;
                }
            }

            Assert.Equal(0, decoder.TotalDiscarded);
        }, seed: 0x11C, iterations: 300);
    }

    [Fact]
    public void The_largest_packet_framed_fits_MaxFrameLength()
    {
        var data = new byte[PacketLimits.MaxTelemetryApplicationDataLength];
        Array.Fill(data, (byte)0x55);
        var packet = new byte[PacketLimits.MaxPacketLength];
        TelemetryCodec.TryEncode(1, 1, 1, 1, 1, 1, default, data, 0, data.Length, packet, 0, out int written);
        var frame = new byte[PacketLimits.MaxFrameLength];
        Assert.InRange(Cobs.EncodeFrame(packet, 0, written, frame, 0), written + 2, PacketLimits.MaxFrameLength);
    }

    private static byte[] Encode(object fields) => fields switch
    {
        TcFields tc => tc.Encode(),
        TmFields tm => tm.Encode(),
        _ => throw new ArgumentException("unknown packet", nameof(fields)),
    };
}
