using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Link;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>The in-process board; fails the test on targets that have none (mark the test <c>Requires = Capability.FaultInjection</c>).</summary>
    public SimulatedBoard SimulatedBoard => Board ?? throw Fail($"{Target} has no in-process board; the test needs Capability.FaultInjection");

    /// <summary>
    /// Resets the board and waits for its boot event; what the flight software persisted survives. On <c>sim:</c> the
    /// in-process board resets; elsewhere the bench control port's power supply cycles it. <paramref name="cause"/> is a
    /// word (letters, digits, '_', '-', '.').
    /// </summary>
    public EventView ResetBoard(string cause = "bench")
    {
        Require(Capability.BoardReset);
        Mark mark = Mark();
        _log.Add(mark.BenchMicroseconds, '~', $"board reset ({cause})");
        ForgetBoot();
        int boots = WithInstruments(Capability.BoardReset, instruments => instruments.PowerCycle(cause));
        _log.Add(Now, '~', $"board powered up again (boot {boots})");
        _defaultMark = mark;
        return AwaitEvent("SYS_BOOT", within: _options.ConnectWindow, since: mark);
    }

    /// <summary>
    /// Cuts the board's link to the spacecraft (on <c>sim:</c> in-process, elsewhere the bench control port's link switch):
    /// nothing goes either way; the board stores its telemetry. Restored at teardown.
    /// </summary>
    public void CutLink()
    {
        Require(Capability.LinkOutage);
        _log.Add(Now, '~', "link cut");
        SetLinkUp(false);
        OnTeardown("restore the link", () => WithInstruments(Capability.LinkOutage, instruments =>
        {
            if (!instruments.LinkUp) instruments.SetLinkUp(true);
            return true;
        }));
    }

    /// <summary>Restores the board's link after <see cref="CutLink"/>.</summary>
    public void RestoreLink()
    {
        Require(Capability.LinkOutage);
        _log.Add(Now, '~', "link restored");
        SetLinkUp(true);
        _defaultMark = Mark();
    }

    /// <summary>Cuts the link for <paramref name="duration"/> of on-board time, then restores it; returns the outage's bench-time window.</summary>
    public (long From, long To) LinkOutage(TimeSpan duration)
    {
        CutLink();
        // From the moment the switch has opened: on a real-time target the command's round trip comes first.
        long from = Now;
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

    private void SetLinkUp(bool up) => WithInstruments(Capability.LinkOutage, instruments =>
    {
        instruments.SetLinkUp(up);
        return up;
    });

    private void Require(Capability capability)
    {
        if (!Target.Has(capability))
            throw Fail($"{Target} does not offer {Target.Missing(capability)}; mark the test [HilFact(Requires = Capability.{capability})]");
    }
}
