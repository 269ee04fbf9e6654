using Payload.GroundStation.Archive;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>TM[5,8] (the list of disabled events) from the simulated board: decoded as a list, archived as a packet, never as an event.</summary>
public sealed class ArchiveDisabledEventsTests
{
    [Fact]
    public void TheDisabledEventsListIsArchivedAsAPacketAndNotAsAnEvent()
    {
        using var rig = new ArchiveRig().Booted();
        rig.Await(rig.Session.Send("EVENT_DISABLE", "event_id=SCHED_RELEASED"));
        rig.Await(rig.Session.Send("EVENT_REPORT_DISABLED"));
        using ArchiveReader archive = rig.Read();

        DisabledEventsReport list = Assert.Single(rig.Received.OfType<DisabledEventsReport>());
        Assert.Equal(["SCHED_RELEASED"], list.Names);
        Assert.DoesNotContain(rig.Received, r => r is GenericReport { Service: 5 });
        Assert.Equal(rig.Received.OfType<EventReport>().Count(), archive.Events().Count);
        Assert.DoesNotContain(archive.Events(), e => e.MissionMicroseconds == list.MissionMicroseconds && e.Name == "SCHED_RELEASED");
        var packet = Assert.Single(archive.Packets(service: 5), p => p.Subtype == 8);
        Assert.Equal(list.Packet, packet.Bytes);
    }
}
