using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Link;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>The in-process board; fails the test on targets that have none (mark the test <c>Requires = Capability.FaultInjection</c>).</summary>
    public SimulatedBoard SimulatedBoard => Board ?? throw Fail($"{Target} has no in-process board; the test needs Capability.FaultInjection");

    /// <summary>Resets the board (<c>sim:</c>) and waits for its boot event; what the flight software persisted survives.</summary>
    public EventView ResetBoard(string cause = "bench")
    {
        Require(Capability.BoardReset);
        Mark mark = Mark();
        _log.Add(mark.BenchMicroseconds, '~', $"board reset ({cause})");
        ForgetBoot();
        SimulatedBoard.Reset(cause);
        _defaultMark = mark;
        return AwaitEvent("SYS_BOOT", within: _options.ConnectWindow, since: mark);
    }

    /// <summary>Cuts the board's link to the spacecraft (<c>sim:</c>): nothing goes either way; the board stores its telemetry. Restored at teardown.</summary>
    public void CutLink()
    {
        Require(Capability.LinkOutage);
        _log.Add(Now, '~', "link cut");
        SimulatedBoard.SetLinkUp(false);
        OnTeardown("restore the link", () =>
        {
            if (!SimulatedBoard.Uart.IsUp) SimulatedBoard.SetLinkUp(true);
        });
    }

    /// <summary>Restores the board's link after <see cref="CutLink"/>.</summary>
    public void RestoreLink()
    {
        Require(Capability.LinkOutage);
        _log.Add(Now, '~', "link restored");
        SimulatedBoard.SetLinkUp(true);
        _defaultMark = Mark();
    }

    /// <summary>Cuts the link for <paramref name="duration"/> of on-board time, then restores it; returns the outage's bench-time window.</summary>
    public (long From, long To) LinkOutage(TimeSpan duration)
    {
        long from = Now;
        CutLink();
        Wait(duration);
        RestoreLink();
        return (from, Now);
    }

    /// <summary>
    /// Drops the connection and makes a new one (TCP, serial, UDP), as a ground station does after a loss; waits for
    /// telemetry on the new connection. Commands sent before are no longer followed.
    /// </summary>
    public void Reconnect()
    {
        Require(Capability.Reconnect);
        _log.Add(Now, '~', $"dropping the connection to {Target.Uri}");
        ushort next = _session.Encoder.NextSequenceCount;
        Close();
        _link = OpenLink();
        _session = OpenSession(_link);
        _session.Encoder.NextSequenceCount = next;
        Mark mark = Mark();
        _log.Add(mark.BenchMicroseconds, '~', $"connected again: {_link.Description}");
        if (!WaitUntil(() => Received(mark).Count > 0, _options.ConnectWindow))
            throw Fail($"no telemetry within {Seconds(_options.ConnectWindow)} after reconnecting to {Target.Uri}");
        _defaultMark = mark;
    }

    /// <summary>The state of the present connection.</summary>
    public LinkState LinkState => _link.State;

    private void Require(Capability capability)
    {
        if (!Target.Has(capability))
            throw Fail($"{Target} does not offer {Target.Missing(capability)}; mark the test [HilFact(Requires = Capability.{capability})]");
    }
}
