using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Tests.Telemetry;

/// <summary>
/// Saturating traffic in simulated time: the bulk queue topped up every frame, housekeeping (Routine) and
/// high-severity events (Urgent) submitted at random instants between frames, from a fixed seed.
/// </summary>
internal sealed class DownlinkTraffic
{
    public const byte HousekeepingSubtype = 25;
    public const byte HighSeverity = 4;

    private readonly Dictionary<int, long> _urgentSubmitted = new();

    public DownlinkTraffic(DownlinkRig rig, int seed, Func<Random, int> bulkLength, double housekeepingPerSecond, double urgentPerSecond)
    {
        Rig = rig;
        var random = new Random(seed);
        double nextHousekeeping = NextArrival(random, 0, housekeepingPerSecond);
        double nextUrgent = NextArrival(random, 0, urgentPerSecond);
        int tag = 0;
        Step = () =>
        {
            long frameStart = rig.Frame * DownlinkRig.FrameMicroseconds;
            long frameEnd = frameStart + DownlinkRig.FrameMicroseconds;
            rig.RunFrame();
            while (nextHousekeeping < frameEnd || nextUrgent < frameEnd)
            {
                bool urgent = nextUrgent <= nextHousekeeping;
                long at = Math.Max(frameStart + 1, (long)(urgent ? nextUrgent : nextHousekeeping));
                rig.AdvanceTo(at);
                if (urgent)
                {
                    _urgentSubmitted[++tag] = at;
                    rig.Send(TelemetryClass.Urgent, DownlinkRig.EventService, HighSeverity, tag, 14);
                    nextUrgent = NextArrival(random, nextUrgent, urgentPerSecond);
                }
                else
                {
                    rig.Send(TelemetryClass.Routine, DownlinkRig.HousekeepingService, HousekeepingSubtype, ++tag, 80);
                    nextHousekeeping = NextArrival(random, nextHousekeeping, housekeepingPerSecond);
                }
            }
            while (rig.Downlink.FreeSlots(TelemetryClass.Bulk) > 0)
            {
                rig.Send(TelemetryClass.Bulk, DownlinkRig.BulkService, 1, ++tag, bulkLength(random));
            }
        };
    }

    public DownlinkRig Rig { get; }

    /// <summary>Runs one frame and the submissions up to the next.</summary>
    public Action Step { get; }

    public int UrgentSubmitted => _urgentSubmitted.Count;

    /// <summary>For each urgent packet on the wire: bulk frames that had not started at its submission and started before it; its latency to its last byte.</summary>
    public List<(int BulkAhead, double LatencyMicroseconds)> UrgentOutcomes()
    {
        var frames = Rig.Uart.Frames;
        var bulk = frames.Select(f => f.Telemetry.ServiceType == DownlinkRig.BulkService).ToArray();
        var outcomes = new List<(int, double)>();
        for (int i = 0; i < frames.Count; i++)
        {
            var tm = frames[i].Telemetry;
            if (tm.ServiceType != DownlinkRig.EventService || tm.ServiceSubtype != HighSeverity) continue;
            long submitted = _urgentSubmitted[DownlinkRig.TagOf(tm)];
            int ahead = 0;
            for (int j = i - 1; j >= 0 && frames[j].StartMicroseconds > submitted; j--)
            {
                if (bulk[j]) ahead++;
            }
            outcomes.Add((ahead, frames[i].EndMicroseconds - submitted));
        }
        return outcomes;
    }

    private static double NextArrival(Random random, double after, double perSecond) =>
        after + (-Math.Log(1 - random.NextDouble()) * 1e6 / perSecond);

    /// <summary>The largest bulk packet: a 1 KB space packet.</summary>
    public const int MaxBulkData = PacketLimits.MaxTelemetryApplicationDataLength;
}
