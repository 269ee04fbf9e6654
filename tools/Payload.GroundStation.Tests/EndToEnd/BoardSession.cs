using Payload.Flight.Instrument;
using Payload.GroundStation;
using Payload.Boards.Simulated.Engine;
using Payload.Flight;
using Payload.Flight.Dictionary;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.EndToEnd;

/// <summary>A simulated board running the real flight code, a station on its UART, and everything the station decoded.</summary>
internal sealed class BoardSession : IDisposable
{
    private readonly SimulatedBoardLink _link;

    public BoardSession(MissionDictionary? groundDictionary = null, GroundSessionOptions? options = null)
    {
        Board = new SimulatedBoard();
        _link = new SimulatedBoardLink(Board);
        Station = new GroundSession(_link, groundDictionary ?? InstrumentSoftware.BuildDictionary(), options);
        Station.Received += Received.Add;
    }

    public SimulatedBoard Board { get; }

    public GroundSession Station { get; }

    public List<TelemetryReport> Received { get; } = [];

    /// <summary>Runs until the boot event has arrived.</summary>
    public BoardSession Booted()
    {
        Assert.True(Board.RunUntil(() => Received.OfType<EventReport>().Any(e => e.Name == "SYS_BOOT"), 1_000_000), "no SYS_BOOT");
        return this;
    }

    public void RunFor(double seconds) => Board.RunFor((long)(seconds * 1e6));

    /// <summary>Runs until <paramref name="command"/> is finished, then a little longer for what follows its completion report.</summary>
    public TrackedCommand Await(TrackedCommand command, double timeoutSeconds = 5)
    {
        Assert.True(Board.RunUntil(() => command.IsFinished, (long)(timeoutSeconds * 1e6)), $"{command} did not finish");
        RunFor(0.05);
        return command;
    }

    public IEnumerable<EventReport> Events(string name) => Received.OfType<EventReport>().Where(e => e.Name == name);

    public void Dispose()
    {
        Station.Dispose();
        _link.Dispose();
    }
}
