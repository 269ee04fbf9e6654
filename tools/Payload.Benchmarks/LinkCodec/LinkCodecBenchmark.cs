namespace Payload.Benchmarks.LinkCodec;

/// <summary>
/// DESIGN.md §7: COBS + CRC + header encode and decode of typical packets at ≥ 1 million packets/s per core, and no
/// allocation. Telemetry and telecommands of 20 (a housekeeping report), 64 and 256 octets of application data, each
/// direction on its own, on this thread alone.
/// </summary>
/// <remarks>
/// Encode: TelemetryCodec/TelecommandCodec.TryEncode then Cobs.EncodeFrame. Decode: CobsFrameDecoder.Push of one whole
/// frame, its sink running TryDecode (header checks and CRC); 64 distinct packets per size, cycled. A round is a fixed
/// packet count; the figure is the fastest of the timed rounds (see <see cref="Throughput"/>).
/// </remarks>
public sealed class LinkCodecBenchmark : IBenchmark
{
    private const double TargetPacketsPerSecond = 1_000_000;
    private const int Rounds = 25;
    private const int Seed = 20251130;

    // Application data octets, with the packets per round that keep a round near 10 ms on a PC.
    private static readonly (int Length, int PacketsPerRound)[] Sizes = [(20, 40_000), (64, 20_000), (256, 8_000)];

    public string Name => "LinkCodec";

    public void Run(TextWriter output)
    {
        output.WriteLine($"{Name}: PUS packet + CRC-16 + COBS frame, single thread, fastest of {Rounds} rounds after warm-up; " +
                         "application data fixed-seed, 1 octet in 8 zero");
        foreach (var (length, packets) in Sizes)
        {
            var tm = new CodecLoop(new TelemetryPackets(), length, Seed + length);
            var tc = new CodecLoop(new TelecommandPackets(), length, Seed - length);
            output.WriteLine($"{Name}: {length} octets of application data: TM packets of {tm.PacketLength} octets, TC packets of {tc.PacketLength}, {packets:N0} packets per round");
            Report(output, $"tm_encode.{length}B", packets, () => tm.Encode(packets));
            Report(output, $"tm_decode.{length}B", packets, () => tm.Decode(packets));
            Report(output, $"tc_encode.{length}B", packets, () => tc.Encode(packets));
            Report(output, $"tc_decode.{length}B", packets, () => tc.Decode(packets));
        }
    }

    private void Report(TextWriter output, string figure, int packets, Action round)
    {
        var result = Throughput.Measure(round, packets, Rounds);
        Figures.AtLeast(output, $"{Name}.{figure}", result, 1, "N0", "packets/s", TargetPacketsPerSecond);
        Figures.AtMost(output, $"{Name}.{figure}.allocated", result.BytesPerOperation, "0.###", "bytes/packet", 0);
    }
}
