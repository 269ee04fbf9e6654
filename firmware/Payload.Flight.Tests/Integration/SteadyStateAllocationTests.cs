using Payload.Flight.Commanding;
using Payload.Flight.Config;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Tests.Integration;

/// <summary>
/// One simulated hour of the whole flight core — housekeeping, events, commands good and bad, time-tagged commands,
/// link outages filling the packet store and replays keeping the bulk queue full — must allocate nothing after boot:
/// on the device every allocation feeds a mark/sweep GC that stalls the interpreter.
/// </summary>
public class SteadyStateAllocationTests
{
    private const long FramesPerHour = 3600L * 100;

    [Fact]
    public void One_hour_of_flight_allocates_nothing_after_boot()
    {
        var rig = new FlightRig { Keep = false };
        var frame = new byte[PacketLimits.MaxFrameLength + 8];
        var data = new byte[64];
        var counters = new long[4];

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (long i = 0; i < FramesPerHour; i++)
        {
            var second = i / 100;
            if (i % 100 == 10) Command(rig, 17, 1, data, 0, frame);                      // are-you-alive every second
            if (i % 700 == 20)                                                          // a corrupted command every 7 s
            {
                var length = rig.FrameCommand(17, 1, data, 0, AckFlags.All, frame);
                frame[length - 2] ^= 0x01;
                rig.Uplink(frame, 0, length);
            }
            if (i % 1100 == 30) Command(rig, 17, 200, data, 0, frame);                  // an unknown command every 11 s
            if (i % 500 == 40)                                                          // a one-shot housekeeping report
            {
                data[0] = FlightDictionary.LinkStructure;
                Command(rig, 3, 27, data, 1, frame);
            }
            if (i % 3000 == 50)                                                         // a time-tagged are-you-alive 5 s ahead
            {
                var inner = rig.FrameCommand(17, 1, data, 0, AckFlags.All, frame);
                var packetLength = Cobs.Decode(frame, 0, inner - 1, data, 8);
                var release = (uint)(rig.Software.Time.MissionMicroseconds / 1_000_000 + 5);
                BigEndian.WriteUInt32(data, 0, release);
                BigEndian.WriteUInt16(data, 4, 0);
                BigEndian.WriteUInt16(data, 6, packetLength);
                Command(rig, 11, 4, data, 8 + packetLength, frame);
            }
            if (second % 600 == 100 && i % 100 == 0) rig.Software.OnLinkStatus(false, rig.NowMicroseconds); // a minute of outage
            if (second % 600 == 160 && i % 100 == 0) rig.Software.OnLinkStatus(true, rig.NowMicroseconds);
            if (i % 200 == 60)                                                          // ask for a replay of the whole store every 2 s
            {
                BigEndian.WriteUInt32(data, 0, 0);
                BigEndian.WriteUInt32(data, 4, 0xFFFFFFFF);
                Command(rig, PacketStore.Service, PacketStore.DownlinkByTimeSubtype, data, 8, frame);
            }
            rig.RunFrames(1);
            if (i % 1000 == 999) Sample(rig, counters);
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        Assert.Equal(0, allocated);
        // The hour really exercised what it claims to.
        Assert.Equal(0, rig.BadPackets);
        Assert.True(rig.PacketsReceived > 10_000, $"{rig.PacketsReceived} packets");
        Assert.True(counters[0] > 300, $"telemetry was not backed up: bulk pending at {counters[0]} of 360 samples");
        Assert.True(rig.Software.Parameters.Get(CommandingDictionary.RejectedCount) > 500, "bad commands were rejected");
        Assert.True(rig.Software.Parameters.Get(TimeBasedSchedule.ReleasedParameter) >= 110, "time-tagged commands were released");
        Assert.True(rig.Software.Parameters.Get(PacketStore.ReplayedParameter) > 100_000, "the store was replayed");
    }

    private static void Command(FlightRig rig, byte service, byte subtype, byte[] data, int length, byte[] frame)
    {
        var framed = rig.FrameCommand(service, subtype, data, length, AckFlags.All, frame);
        rig.Uplink(frame, 0, framed);
    }

    private static void Sample(FlightRig rig, long[] counters)
    {
        // Sampled between frames, after the downlink has used this frame's budget: bulk still waiting means the queue is backed up.
        if (rig.Software.Downlink.Depth(TelemetryClass.Bulk) > 0) counters[0]++;
    }
}
