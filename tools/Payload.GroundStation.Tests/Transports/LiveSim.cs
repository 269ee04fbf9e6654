using System.Collections.Concurrent;
using Payload.GroundStation.Link;
using Payload.GroundStation.Simulation;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Transports;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.Transports;

/// <summary>A simulator server started in-process in real time, and ground sessions connected to it; everything received is kept.</summary>
internal sealed class LiveSim : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public LiveSim(string listen, string? telemetry = null)
    {
        Server = new SimServer(new SimServerOptions
        {
            Listen = LinkAddress.Parse(listen),
            Telemetry = telemetry is null ? null : LinkAddress.Parse(telemetry),
        });
        Server.Log += Log.Enqueue;
        Server.Start();
    }

    public SimServer Server { get; }

    public ConcurrentQueue<string> Log { get; } = new();

    public ConcurrentQueue<TelemetryReport> Received { get; } = new();

    /// <summary>A session on <paramref name="link"/> with the board's own dictionary.</summary>
    public GroundSession Connect(IGroundLink link)
    {
        var session = new GroundSession(link, Server.Dictionary);
        session.Received += Received.Enqueue;
        _owned.Add(session);
        _owned.Add(link);
        return session;
    }

    /// <summary>Opens <see cref="SimServer.ClientUri"/> and connects a session.</summary>
    public GroundSession Connect(GroundLinkOptions? options = null) => Connect(GroundLinkFactory.Open(Server.ClientUri!, options));

    public IEnumerable<EventReport> Events(string name) => Received.OfType<EventReport>().Where(e => e.Name == name);

    public void Dispose()
    {
        foreach (IDisposable owned in Enumerable.Reverse(_owned)) owned.Dispose();
        Server.Dispose();
    }
}

/// <summary>Waiting in real time, with a bound.</summary>
internal static class Wall
{
    public static bool Until(Func<bool> condition, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            if (condition()) return true;
            Thread.Sleep(2);
        }
        return condition();
    }

    public static TrackedCommand Finished(TrackedCommand command, double seconds = 3)
    {
        Assert.True(command.Finished.Wait(TimeSpan.FromSeconds(seconds)), $"{command} did not finish within {seconds} s");
        return command;
    }
}
