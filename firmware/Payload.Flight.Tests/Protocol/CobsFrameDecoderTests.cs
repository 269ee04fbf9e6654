using CsCheck;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Protocol;

public class CobsFrameDecoderTests
{
    private readonly RecordingSink _sink = new();

    [Fact]
    public void Delivers_a_frame_at_its_delimiter()
    {
        var decoder = new CobsFrameDecoder(16, _sink);
        Push(decoder, "03 11 22 02 33");
        Assert.Empty(_sink.Frames);
        Assert.True(decoder.HasPartialFrame);
        Push(decoder, "00");
        Assert.Equal("11 22 00 33", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(1, decoder.FramesDelivered);
        Assert.False(decoder.HasPartialFrame);
        AssertNoDiscards(decoder);
    }

    [Fact]
    public void Delivers_frames_pushed_one_octet_at_a_time_and_many_in_one_chunk()
    {
        byte[] stream = Hex.Bytes("05 11 22 33 44 00 02 11 01 01 01 00 01 01 00");
        var oneByOne = new CobsFrameDecoder(16, _sink);
        for (int i = 0; i < stream.Length; i++)
        {
            oneByOne.Push(stream, i, 1);
        }

        var sink = new RecordingSink();
        var whole = new CobsFrameDecoder(16, sink);
        whole.Push(stream, 0, stream.Length);

        string[] expected = ["11 22 33 44", "11 00 00 00", "00"];
        Assert.Equal(expected, _sink.Frames.Select(Hex.Of));
        Assert.Equal(expected, sink.Frames.Select(Hex.Of));
    }

    [Fact]
    public void Lone_delimiters_and_encoded_empty_frames_are_idle_fill()
    {
        var decoder = new CobsFrameDecoder(16, _sink);
        Push(decoder, "00 00 01 00 00 02 11 00 00");
        Assert.Equal("11", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(5, decoder.DiscardedCount(FrameDiscardReason.Empty));
        Assert.Equal(0, decoder.TotalDiscarded);
        Assert.Equal(0, decoder.BytesDiscarded);
    }

    [Fact]
    public void A_truncated_frame_is_malformed_and_the_next_frame_survives_a_leading_delimiter()
    {
        var decoder = new CobsFrameDecoder(16, _sink);
        // Sender convention: a delimiter before and after each frame. The first frame lost its tail.
        Push(decoder, "00 05 11 22 00 05 AA BB CC DD 00");
        Assert.Equal("AA BB CC DD", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.MalformedCobs));
        Assert.Equal(3, decoder.BytesDiscarded);
    }

    [Fact]
    public void Garbage_before_the_first_delimiter_is_dropped_and_the_decoder_resynchronises()
    {
        var decoder = new CobsFrameDecoder(16, _sink);
        Push(decoder, "FF 13 37 42 00 03 11 22 00");
        Assert.Equal("11 22", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.MalformedCobs));
        Assert.Equal(4, decoder.BytesDiscarded);
    }

    [Fact]
    public void A_frame_of_exactly_the_maximum_length_is_delivered()
    {
        var decoder = new CobsFrameDecoder(4, _sink);
        Push(decoder, "05 11 22 33 44 00 02 11 01 01 01 00");
        Assert.Equal(["11 22 33 44", "11 00 00 00"], _sink.Frames.Select(Hex.Of));
        AssertNoDiscards(decoder);
    }

    [Fact]
    public void An_oversize_frame_is_discarded_and_skipped_to_the_next_delimiter()
    {
        var decoder = new CobsFrameDecoder(4, _sink);
        Push(decoder, "06 11 22 33 44 55");
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.Oversize));
        Assert.True(decoder.HasPartialFrame);
        Push(decoder, "07 08 09");
        Push(decoder, "00 02 66 00");
        Assert.Equal("66", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(1, decoder.TotalDiscarded);
        Assert.Equal(9, decoder.BytesDiscarded);
    }

    [Fact]
    public void An_implicit_zero_can_make_a_frame_oversize()
    {
        var decoder = new CobsFrameDecoder(2, _sink);
        // Decodes to 11 22 00 33: the zero is the third octet and does not fit.
        Push(decoder, "03 11 22 02 33 00 03 44 55 00");
        Assert.Equal("44 55", Hex.Of(Assert.Single(_sink.Frames)));
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.Oversize));
        Assert.Equal(5, decoder.BytesDiscarded);
    }

    [Fact]
    public void DiscardPartialFrame_drops_the_frame_in_progress_as_truncated()
    {
        var decoder = new CobsFrameDecoder(16, _sink);
        Push(decoder, "05 11 22");
        decoder.DiscardPartialFrame();
        Assert.False(decoder.HasPartialFrame);
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.Truncated));
        Assert.Equal(3, decoder.BytesDiscarded);
        Push(decoder, "03 AA BB 00");
        Assert.Equal("AA BB", Hex.Of(Assert.Single(_sink.Frames)));
        decoder.DiscardPartialFrame();
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.Truncated));
    }

    [Fact]
    public void Reset_drops_the_partial_frame_and_zeroes_the_counters()
    {
        var decoder = new CobsFrameDecoder(4, _sink);
        Push(decoder, "02 11 00 00 03 11 00 09 01 02 03 04 05 06 00 05 11");
        decoder.Reset();
        Assert.Equal(0, decoder.FramesDelivered);
        Assert.Equal(0, decoder.BytesDiscarded);
        foreach (var reason in Enum.GetValues<FrameDiscardReason>())
        {
            Assert.Equal(0, decoder.DiscardedCount(reason));
        }

        Assert.False(decoder.HasPartialFrame);
        Push(decoder, "22 00 02 33 00");
        Assert.Equal(["11", "33"], _sink.Frames.Select(Hex.Of));
        Assert.Equal(1, decoder.FramesDelivered);
        Assert.Equal(1, decoder.DiscardedCount(FrameDiscardReason.MalformedCobs));
    }

    [Fact]
    public void Counts_for_an_undefined_reason_are_zero()
    {
        var decoder = new CobsFrameDecoder(4, _sink);
        Assert.Equal(0, decoder.DiscardedCount((FrameDiscardReason)99));
    }

    [Fact]
    public void A_throwing_sink_leaves_the_decoder_consistent()
    {
        var decoder = new CobsFrameDecoder(8, new ThrowingSink());
        byte[] data = Hex.Bytes("02 11 00 02 22");
        Assert.Throws<InvalidOperationException>(() => decoder.Push(data, 0, data.Length));
        Assert.Equal(1, decoder.FramesDelivered);
        Assert.False(decoder.HasPartialFrame);
    }

    [Fact]
    public void Programming_errors_throw()
    {
        Assert.Throws<ArgumentNullException>(() => new CobsFrameDecoder(4, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CobsFrameDecoder(0, _sink));
        var decoder = new CobsFrameDecoder(4, _sink);
        Assert.Throws<ArgumentNullException>(() => decoder.Push(null!, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Push(new byte[2], 1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => decoder.Push(new byte[2], -1, 1));
    }

    [Fact]
    public void A_stream_of_frames_in_any_chunking_delivers_every_frame_in_order()
    {
        var frames = Gen.OneOf(Gen.Const((byte)0), Gen.Byte).Array[1, 700].Array[0, 12];
        var gen = Gen.Select(frames, Gen.Int[1, 64].Array[1, 40], Gen.Bool);
        Prop.ForAll(gen, t =>
        {
            var (payloads, chunks, leadingDelimiters) = t;
            byte[] stream = Frame(payloads, leadingDelimiters);
            var sink = new RecordingSink();
            var decoder = new CobsFrameDecoder(700, sink);
            PushChunked(decoder, stream, chunks);
            Assert.Equal(payloads.Select(Hex.Of), sink.Frames.Select(Hex.Of));
            Assert.Equal(payloads.Length, decoder.FramesDelivered);
            AssertNoDiscards(decoder);
        }, seed: 0xF4A3E);
    }

    [Fact]
    public void Garbage_between_frames_never_costs_a_frame_that_has_delimiters_on_both_sides()
    {
        var payload = Gen.OneOf(Gen.Const((byte)0), Gen.Byte).Array[1, 300];
        var garbage = Gen.OneOf(Gen.Const((byte)0), Gen.Byte).Array[0, 80];
        var gen = Gen.Select(Gen.Select(payload, garbage).Array[1, 8], Gen.Int[1, 50].Array[1, 20]);
        Prop.ForAll(gen, t =>
        {
            var (items, chunks) = t;
            var stream = new List<byte>();
            foreach (var (frame, junk) in items)
            {
                stream.AddRange(junk);
                stream.Add(0);
                stream.AddRange(EncodeFrame(frame));
            }

            var sink = new RecordingSink();
            var decoder = new CobsFrameDecoder(300, sink);
            PushChunked(decoder, stream.ToArray(), chunks);

            // Garbage that happens to be valid COBS is delivered too (the packet layer rejects it), so the real
            // frames must appear in order as a subsequence of what was delivered.
            int next = 0;
            foreach (var delivered in sink.Frames)
            {
                if (next < items.Length && delivered.AsSpan().SequenceEqual(items[next].Item1))
                {
                    next++;
                }
            }

            Assert.Equal(items.Length, next);
        }, seed: 0x6A4BA6E);
    }

    [Fact]
    public void Random_octets_never_throw_and_the_counters_stay_consistent()
    {
        var octet = Gen.Frequency((1, Gen.Const((byte)0)), (1, Gen.Byte[1, 6]), (6, Gen.Byte));
        var gen = Gen.Select(octet.Array[0, 2000], Gen.Int[1, 300].Array[1, 30], Gen.Int[1, 64]);
        Prop.ForAll(gen, t =>
        {
            var (data, chunks, max) = t;
            var sink = new RecordingSink();
            var decoder = new CobsFrameDecoder(max, sink);
            PushChunked(decoder, data, chunks);
            Assert.All(sink.Frames, f => Assert.InRange(f.Length, 1, max));
            Assert.Equal(sink.Frames.Count, decoder.FramesDelivered);
            int delimiters = data.Count(b => b == 0);
            long ended = decoder.FramesDelivered + decoder.DiscardedCount(FrameDiscardReason.Empty)
                + decoder.DiscardedCount(FrameDiscardReason.MalformedCobs) + decoder.DiscardedCount(FrameDiscardReason.Oversize);
            // Each delimiter ends one frame, except that an oversize frame is counted when it overflows.
            Assert.InRange(ended, delimiters, delimiters + 1);
            Assert.InRange(decoder.BytesDiscarded, 0, data.Length - delimiters);

            // The same octets decoded whole give the same frames.
            var reference = new RecordingSink();
            var whole = new CobsFrameDecoder(max, reference);
            whole.Push(data, 0, data.Length);
            Assert.Equal(reference.Frames.Select(Hex.Of), sink.Frames.Select(Hex.Of));
        }, seed: 0x7A2D0, iterations: 1000);
    }

    internal static byte[] EncodeFrame(byte[] payload)
    {
        var frame = new byte[Cobs.MaxEncodedLength(payload.Length) + 1];
        int written = Cobs.EncodeFrame(payload, 0, payload.Length, frame, 0);
        return frame.AsSpan(0, written).ToArray();
    }

    internal static byte[] Frame(IEnumerable<byte[]> payloads, bool leadingDelimiters)
    {
        var stream = new List<byte>();
        foreach (byte[] payload in payloads)
        {
            if (leadingDelimiters)
            {
                stream.Add(0);
            }

            stream.AddRange(EncodeFrame(payload));
        }

        return stream.ToArray();
    }

    internal static void PushChunked(CobsFrameDecoder decoder, byte[] stream, int[] chunks)
    {
        // Each chunk is copied to the middle of its own array so offsets are exercised too.
        int position = 0;
        for (int i = 0; position < stream.Length; i++)
        {
            int size = Math.Min(chunks[i % chunks.Length], stream.Length - position);
            var chunk = new byte[size + 7];
            Array.Copy(stream, position, chunk, 3, size);
            decoder.Push(chunk, 3, size);
            position += size;
        }
    }

    private static void Push(CobsFrameDecoder decoder, string hex)
    {
        byte[] data = Hex.Bytes(hex);
        decoder.Push(data, 0, data.Length);
    }

    private static void AssertNoDiscards(CobsFrameDecoder decoder)
    {
        Assert.Equal(0, decoder.TotalDiscarded);
        Assert.Equal(0, decoder.BytesDiscarded);
        Assert.Equal(0, decoder.DiscardedCount(FrameDiscardReason.Oversize));
        Assert.Equal(0, decoder.DiscardedCount(FrameDiscardReason.MalformedCobs));
        Assert.Equal(0, decoder.DiscardedCount(FrameDiscardReason.Truncated));
    }

    private sealed class ThrowingSink : IFrameSink
    {
        public void OnFrame(byte[] buffer, int offset, int count) => throw new InvalidOperationException("sink failed");
    }
}
