using Payload.Flight.Dictionary;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;

namespace Payload.Benchmarks.Downlink;

/// <summary>
/// DESIGN.md §7: at least 95% of the link rate used while bulk data is pending, and a high-severity event never
/// waiting behind more than one bulk packet. Ten simulated minutes at 115200 baud with the bulk queue always full,
/// housekeeping (Routine) and high-severity events (Urgent) submitted at random instants between frames (fixed seed).
/// </summary>
/// <remarks>
/// "Behind" is measured on the simulated wire: for each event, the bulk frames whose transmission started after the
/// event was submitted and before the event's own. A bulk frame already being transmitted at submission is not
/// counted (no packet can interrupt it); it is reported separately. Latency runs from submission to the event's last
/// byte on the wire.
/// </remarks>
public sealed class DownlinkBenchmark : IBenchmark
{
    private const int BaudRate = 115200;
    private const int BytesPerSecond = BaudRate / 10;
    private const long FrameMicroseconds = 10_000;
    private const int SimulatedSeconds = 600;
    private const double HousekeepingPerSecond = 2;
    private const double EventsPerSecond = 1;
    private const int Seed = 20251129;
    private const byte BulkService = 13;
    private const byte HousekeepingService = 3;
    private const byte EventService = 5;

    public string Name => "Downlink";

    public void Run(TextWriter output)
    {
        var large = Simulate(_ => PacketLimits.MaxTelemetryApplicationDataLength);
        var mixed = Simulate(r => r.Next(200, PacketLimits.MaxTelemetryApplicationDataLength + 1));

        var latencies = large.Events.Select(e => e.LatencyMicroseconds / 1000).Order().ToArray();
        output.WriteLine($"{Name}: {SimulatedSeconds / 60} simulated minutes at {BaudRate} baud, 1 KB bulk always pending, " +
                         $"{large.Events.Count} high-severity events and {large.Housekeeping} housekeeping packets at random instants (seed {Seed})");
        Figures.AtLeast(output, $"{Name}.link_utilisation", large.Utilisation * 100, "F2", "%", 95);
        Figures.AtMost(output, $"{Name}.urgent_behind_bulk_max", large.Events.Max(e => e.BulkAhead), "0", "bulk packets", 1, "; those not yet started at submission");
        output.WriteLine($"{Name}.urgent_behind_bulk_in_progress: {large.Events.Count(e => e.BulkInProgress)} of {large.Events.Count} events " +
                         "arrived while a bulk packet was on the wire (not preemptible, not counted above)");
        output.WriteLine($"{Name}.urgent_latency_ms: p50 {Percentile(latencies, 50):F1}, p99 {Percentile(latencies, 99):F1}, max {latencies[^1]:F1} " +
                         "(submission to last byte on the wire; no target, bounded by one frame + one frame of backlog + one bulk packet + housekeeping ahead)");
        Figures.AtLeast(output, $"{Name}.link_utilisation_mixed_bulk", mixed.Utilisation * 100, "F2", "%", 95, "; bulk packets of 221..1024 octets");
        Figures.AtMost(output, $"{Name}.urgent_behind_bulk_max_mixed_bulk", mixed.Events.Max(e => e.BulkAhead), "0", "bulk packets", 1, "; those not yet started at submission");
    }

    private static double Percentile(double[] sorted, int percent) =>
        sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * percent / 100.0) - 1)];

    private sealed record EventOutcome(int BulkAhead, bool BulkInProgress, double LatencyMicroseconds);

    private sealed record Outcome(double Utilisation, List<EventOutcome> Events, int Housekeeping);

    private static Outcome Simulate(Func<Random, int> bulkLength)
    {
        var builder = new DictionaryBuilder();
        Flight.Telemetry.Downlink.Declare(builder);
        var parameters = new ParameterTable(builder.Build());
        var time = new OnboardTime();
        var uart = new VirtualUart(BytesPerSecond, Identify);
        var downlink = new Flight.Telemetry.Downlink(0x064, 1, time, uart, BytesPerSecond, FrameMicroseconds, 32, 32, 8, parameters, null);

        var random = new Random(Seed);
        var bulk = new byte[PacketLimits.MaxTelemetryApplicationDataLength];
        random.NextBytes(bulk);
        var housekeeping = new byte[80];
        var highSeverity = new byte[14];
        var submitted = new Dictionary<int, long>();
        int tag = 0;
        int housekeepingCount = 0;
        double nextHousekeeping = NextArrival(random, 0, HousekeepingPerSecond);
        double nextEvent = NextArrival(random, 0, EventsPerSecond);

        long frames = SimulatedSeconds * 1_000_000L / FrameMicroseconds;
        for (long frame = 0; frame < frames; frame++)
        {
            long frameStart = frame * FrameMicroseconds;
            Advance(time, uart, frameStart);
            downlink.Run(frame, frameStart);
            long frameEnd = frameStart + FrameMicroseconds;
            while (nextHousekeeping < frameEnd || nextEvent < frameEnd)
            {
                bool isEvent = nextEvent <= nextHousekeeping;
                long at = Math.Max(frameStart + 1, (long)(isEvent ? nextEvent : nextHousekeeping));
                Advance(time, uart, at);
                if (isEvent)
                {
                    submitted[++tag] = at;
                    Send(downlink, TelemetryClass.Urgent, EventService, 4, highSeverity, highSeverity.Length, tag);
                    nextEvent = NextArrival(random, nextEvent, EventsPerSecond);
                }
                else
                {
                    housekeepingCount++;
                    Send(downlink, TelemetryClass.Routine, HousekeepingService, 25, housekeeping, housekeeping.Length, ++tag);
                    nextHousekeeping = NextArrival(random, nextHousekeeping, HousekeepingPerSecond);
                }
            }
            while (downlink.FreeSlots(TelemetryClass.Bulk) > 0)
            {
                Send(downlink, TelemetryClass.Bulk, BulkService, 1, bulk, bulkLength(random), ++tag);
            }
        }

        double end = (frames - 1) * FrameMicroseconds;
        return new Outcome(uart.BusyMicroseconds(end) / end, EventOutcomes(uart.Slots, submitted, end), housekeepingCount);
    }

    private static List<EventOutcome> EventOutcomes(List<WireSlot> slots, Dictionary<int, long> submitted, double end)
    {
        var outcomes = new List<EventOutcome>();
        for (int i = 0; i < slots.Count; i++)
        {
            if (slots[i].Service != EventService || slots[i].EndMicroseconds > end) continue;
            long at = submitted[slots[i].Tag];
            int ahead = 0;
            int j = i - 1;
            for (; j >= 0 && slots[j].StartMicroseconds > at; j--)
            {
                if (slots[j].Service == BulkService) ahead++;
            }
            bool inProgress = j >= 0 && slots[j].Service == BulkService && slots[j].EndMicroseconds > at;
            outcomes.Add(new EventOutcome(ahead, inProgress, slots[i].EndMicroseconds - at));
        }
        return outcomes;
    }

    private static void Send(Flight.Telemetry.Downlink downlink, TelemetryClass priority, byte service, byte subtype, byte[] data, int length, int tag)
    {
        BitConverter.TryWriteBytes(data.AsSpan(0, 4), tag);
        if (!downlink.Send(priority, service, subtype, data, 0, length) && priority != TelemetryClass.Bulk)
        {
            throw new InvalidOperationException($"a {priority} packet was dropped: the queues are too small for this traffic");
        }
    }

    private static (int Tag, byte Service) Identify(byte[] frame, int offset, int count)
    {
        var packet = new byte[count];
        int length = Cobs.Decode(frame, offset, count - 1, packet, 0);
        if (TelemetryCodec.TryDecode(packet, 0, length, out var tm) != PacketStatus.Ok) throw new InvalidOperationException("bad frame on the wire");
        return (BitConverter.ToInt32(packet, tm.ApplicationDataOffset), tm.ServiceType);
    }

    private static void Advance(OnboardTime time, VirtualUart uart, long microseconds)
    {
        time.Advance(microseconds);
        uart.Now = microseconds;
    }

    private static double NextArrival(Random random, double after, double perSecond) =>
        after + (-Math.Log(1 - random.NextDouble()) * 1e6 / perSecond);
}
