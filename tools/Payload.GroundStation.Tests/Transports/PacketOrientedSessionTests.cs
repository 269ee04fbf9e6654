using Payload.Flight;
using Payload.Flight.Config;
using Payload.Flight.Protocol;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>The session over a packet-oriented link (UDP) frames nothing and takes each receipt as one packet; a stream link's defaults are unchanged.</summary>
public sealed class PacketOrientedSessionTests
{
    [Fact]
    public void CommandsGoUnframedAndEachReceiptIsOnePacket()
    {
        var link = new RecordingLink { IsPacketOriented = true };
        using var session = new GroundSession(link, FlightDictionary.Build());
        var received = new List<TelemetryReport>();
        session.Received += received.Add;

        var command = session.Send("TEST_ARE_YOU_ALIVE");
        byte[] packet = Tm(17, 2);
        link.Deliver(packet);
        link.Deliver(packet);

        Assert.Equal(command.Command!.Packet, Assert.Single(link.Sent));
        Assert.Equal(2, received.Count);
        Assert.All(received, r => Assert.Equal("TM[17,2]", r.Type));
        Assert.Equal(2 * packet.Length, session.Statistics.OctetsReceived);
        Assert.Equal(0, session.Deframer.OctetsReceived);
    }

    [Fact]
    public void AStreamLinkIsFramedAndItsDefaultsSayConnected()
    {
        IGroundLink link = new RecordingLink();
        using var session = new GroundSession(link, FlightDictionary.Build());

        var command = session.Send("TEST_ARE_YOU_ALIVE");

        Assert.False(link.IsPacketOriented);
        Assert.Equal(LinkState.Connected, link.State);
        Assert.Equal(nameof(RecordingLink), link.Description);
        byte[] sent = Assert.Single(((RecordingLink)link).Sent);
        Assert.Equal(LinkFramer.Frame(command.Command!.Packet), sent);
        link.Dispose(); // the default Dispose: nothing to release
    }

    private static byte[] Tm(byte service, byte subtype)
    {
        var packet = new byte[PacketLimits.MinTelemetryLength];
        Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryEncode(FlightConfiguration.Apid, 1, service, subtype, 0, FlightConfiguration.GroundId,
            CucTime.FromMicroseconds(1_000_000), [], 0, 0, packet, 0, out int written));
        Assert.Equal(packet.Length, written);
        return packet;
    }

    /// <summary>A link that implements only what the interface requires (and IsPacketOriented when asked).</summary>
    private sealed class RecordingLink : IGroundLink
    {
        public List<byte[]> Sent { get; } = [];

        public bool IsPacketOriented { get; init; }

        public event Action<byte[], int, int>? Received;

        public void Send(byte[] buffer, int offset, int count) => Sent.Add(buffer.AsSpan(offset, count).ToArray());

        public void Deliver(byte[] packet) => Received?.Invoke(packet, 0, packet.Length);
    }
}
