using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

/// <summary>Corruption is caught: by the header checks or, failing those, by the CRC.</summary>
public class BitFlipTests
{
    public static TheoryData<int> FixedPacketIndexes => new(Enumerable.Range(0, PacketGen.FixedPackets().Count()));

    [Theory]
    [MemberData(nameof(FixedPacketIndexes))]
    public void Every_single_bit_flip_of_a_packet_is_rejected_by_both_decoders(int index)
    {
        byte[] packet = PacketGen.FixedPackets().ElementAt(index);
        Assert.True(DecodesOk(packet));
        for (int bit = 0; bit < packet.Length * 8; bit++)
        {
            byte[] corrupted = PacketStatusTests.Flipped(packet, bit / 8, 1 << (bit % 8));
            Assert.False(DecodesOk(corrupted), $"bit {bit} flipped still decodes");
        }
    }

    [Fact]
    public void Flips_in_the_application_data_or_the_CRC_are_reported_as_bad_CRC()
    {
        foreach (byte[] packet in PacketGen.FixedPackets())
        {
            bool tc = (packet[0] & 0x10) != 0;
            int dataStart = tc ? TelecommandCodec.ApplicationDataOffset : TelemetryCodec.ApplicationDataOffset;
            for (int bit = dataStart * 8; bit < packet.Length * 8; bit++)
            {
                byte[] corrupted = PacketStatusTests.Flipped(packet, bit / 8, 1 << (bit % 8));
                PacketStatus status = tc
                    ? TelecommandCodec.TryDecode(corrupted, 0, corrupted.Length, out _)
                    : TelemetryCodec.TryDecode(corrupted, 0, corrupted.Length, out _);
                Assert.Equal(PacketStatus.BadCrc, status);
            }
        }
    }

    [Fact]
    public void A_random_bit_flip_in_a_random_packet_is_rejected()
    {
        var packet = Gen.OneOf(PacketGen.Tc.Select(f => f.Encode()), PacketGen.Tm.Select(f => f.Encode()));
        Prop.ForAll(Gen.Select(packet, Gen.Int[0, int.MaxValue]), t =>
        {
            var (p, r) = t;
            int bit = r % (p.Length * 8);
            Assert.False(DecodesOk(PacketStatusTests.Flipped(p, bit / 8, 1 << (bit % 8))));
        }, seed: 0xF11B, iterations: 1000);
    }

    /// <summary>
    /// For these packets, no single-bit flip anywhere in the framed stream (delimiters and COBS code octets
    /// included) delivers a packet that decodes, and the next frame still arrives intact. This is checked, not
    /// guaranteed in general: a flipped code octet moves zeros around, which the CRC catches with high probability.
    /// </summary>
    [Theory]
    [MemberData(nameof(FixedPacketIndexes))]
    public void Every_single_bit_flip_of_a_framed_packet_is_rejected_and_the_next_frame_survives(int index)
    {
        byte[] packet = PacketGen.FixedPackets().ElementAt(index);
        byte[] next = new TcFields(0x100, 1, AckFlags.None, 17, 1, 0, []).Encode();
        byte[] stream = CobsFrameDecoderTests.Frame([packet], leadingDelimiters: true);
        byte[] follower = CobsFrameDecoderTests.Frame([next], leadingDelimiters: true);
        for (int bit = 0; bit < stream.Length * 8; bit++)
        {
            byte[] corrupted = PacketStatusTests.Flipped(stream, bit / 8, 1 << (bit % 8));
            var sink = new RecordingSink();
            var decoder = new CobsFrameDecoder(PacketLimits.MaxPacketLength, sink);
            decoder.Push(corrupted, 0, corrupted.Length);
            decoder.Push(follower, 0, follower.Length);
            var good = sink.Frames.Where(DecodesOk).ToList();
            Assert.True(good.Count == 1, $"bit {bit}: {good.Count} frames decode");
            Assert.Equal(next, good[0]);
        }
    }

    private static bool DecodesOk(byte[] frame) =>
        TelecommandCodec.TryDecode(frame, 0, frame.Length, out _) == PacketStatus.Ok
        || TelemetryCodec.TryDecode(frame, 0, frame.Length, out _) == PacketStatus.Ok;
}
