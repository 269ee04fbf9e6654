using System.Net;
using System.Net.Sockets;
using Payload.Flight.Protocol;
using Payload.GroundStation.Simulation;
using Payload.GroundStation.Tracking;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>UDP: one space packet per datagram both ways, on loopback ports picked free.</summary>
public sealed class UdpTransportTests
{
    [Fact]
    public void ACommandRoundTripsWithTelemetrySentToTheFixedAddressFromBoot()
    {
        int groundPort = FreeUdpPort();
        using var sim = new LiveSim("udp://127.0.0.1:0", $"udp://127.0.0.1:{groundPort}");
        string uri = sim.Server.ClientUri!;
        Assert.EndsWith($"?listen={groundPort}", uri, StringComparison.Ordinal);

        GroundSession session = sim.Connect(GroundLinkFactory.Open(uri));

        Assert.True(session.Link.IsPacketOriented);
        Assert.True(Wall.Until(() => session.LastHashCheck is not null, 2), "no housekeeping arrived before any telecommand");
        TrackedCommand command = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));
        Assert.True(command.Completed, command.ToString());
        Assert.Equal(0, session.Statistics.PacketsRejected);
        Assert.Equal(0, session.Deframer.OctetsReceived); // nothing went through COBS
    }

    [Fact]
    public void WithoutAFixedAddressTelemetryGoesToTheSenderOfTheLatestTelecommandAsBarePackets()
    {
        using var sim = new LiveSim("udp://127.0.0.1:0");
        var endpoint = (UdpBoardEndpoint)sim.Server.Endpoint;
        Assert.True(Wall.Until(() => endpoint.DroppedOctets > 0, 2), "before any telecommand, telemetry has nowhere to go and is dropped");
        using var ground = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        ground.Client.ReceiveTimeout = 2000;
        byte[] command = new GroundStation.Commanding.CommandEncoder(sim.Server.Dictionary).Encode("TEST_ARE_YOU_ALIVE").Packet;

        ground.Send(command, command.Length, endpoint.LocalEndPoint);
        var from = new IPEndPoint(IPAddress.Any, 0);
        byte[] datagram = ground.Receive(ref from);

        // One whole space packet, unframed: its primary header's length field accounts for the datagram exactly.
        Assert.Equal(PacketStatus.Ok, SpacePacketHeader.TryRead(datagram, 0, datagram.Length, out SpacePacketHeader header));
        Assert.Equal(PacketType.Telemetry, header.Type);
        Assert.Equal(Flight.Config.FlightConfiguration.Apid, header.Apid);
        Assert.Equal(datagram.Length, header.TotalPacketLength);
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(datagram, 0, datagram.Length, out _));
        Assert.Equal(1, endpoint.DatagramsReceived);
    }

    private static int FreeUdpPort()
    {
        using var probe = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.Client.LocalEndPoint!).Port;
    }
}
