using System.Collections.Concurrent;
using Payload.GroundStation.Link;
using Payload.GroundStation.Tracking;
using Payload.GroundStation.Transports;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>The TCP link when the simulator drops it: bounded reconnection, state events, and sends refused while down.</summary>
public sealed class TcpReconnectTests
{
    [Fact]
    public void AfterTheServerDropsTheClientTheLinkReconnectsAndCommandsWorkAgain()
    {
        using var sim = new LiveSim("tcp://127.0.0.1:0");
        var changes = new ConcurrentQueue<LinkStateChange>();
        GroundSession session = sim.Connect(new GroundLinkOptions { Reconnect = new ReconnectPolicy(5, TimeSpan.FromMilliseconds(20), TimeSpan.FromMilliseconds(100)) });
        session.Link.StateChanged += changes.Enqueue;
        Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));

        sim.Server.DropClient();

        Assert.True(Wall.Until(() => changes.Any(c => c.State == LinkState.Connected), 2), "no reconnection: " + string.Join("; ", changes));
        LinkStateChange lost = changes.First();
        Assert.Equal(LinkState.Reconnecting, lost.State);
        Assert.Equal(1, lost.Attempt);
        Assert.Equal(5, lost.MaxAttempts);
        Assert.Equal(2, ((StreamGroundLink)session.Link).Connections);
        TrackedCommand again = Wall.Finished(session.Send("TEST_ARE_YOU_ALIVE"));
        Assert.True(again.Completed, again.ToString());
    }

    [Fact]
    public void SendingWhileReconnectingFailsAtOnceSayingWhatTheLinkIsDoing()
    {
        using var sim = new LiveSim("tcp://127.0.0.1:0");
        GroundSession session = sim.Connect(new GroundLinkOptions { Reconnect = new ReconnectPolicy(3, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5)) });
        long sent = session.Statistics.CommandsSent;

        sim.Server.DropClient();
        Assert.True(Wall.Until(() => session.Link.State == LinkState.Reconnecting, 2));
        var refusal = Assert.Throws<LinkNotConnectedException>(() => session.Send("TEST_ARE_YOU_ALIVE"));

        Assert.Equal(LinkState.Reconnecting, refusal.State);
        Assert.Contains("reconnecting, attempt 1 of 3", refusal.Message, StringComparison.Ordinal);
        Assert.EndsWith("nothing was sent", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(sent, session.Statistics.CommandsSent);
    }

    [Fact]
    public void WhenTheServerIsGoneTheLinkGivesUpAfterItsAttemptsAndSaysSo()
    {
        var sim = new LiveSim("tcp://127.0.0.1:0");
        var changes = new ConcurrentQueue<LinkStateChange>();
        IGroundLink link = GroundLinkFactory.Open(sim.Server.ClientUri!,
            new GroundLinkOptions { Reconnect = new ReconnectPolicy(2, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20)) });
        using var session = new GroundSession(link, sim.Server.Dictionary);
        link.StateChanged += changes.Enqueue;

        sim.Dispose();

        Assert.True(Wall.Until(() => link.State == LinkState.Closed, 2), string.Join("; ", changes));
        Assert.Equal([LinkState.Reconnecting, LinkState.Reconnecting, LinkState.Closed], changes.Select(c => c.State));
        Assert.StartsWith("gave up after 2 attempts", changes.Last().Detail, StringComparison.Ordinal);
        var refusal = Assert.Throws<LinkNotConnectedException>(() => session.Send("TEST_ARE_YOU_ALIVE"));
        Assert.Contains("the link is closed (gave up after 2 attempts", refusal.Message, StringComparison.Ordinal);
        link.Dispose();
    }
}
