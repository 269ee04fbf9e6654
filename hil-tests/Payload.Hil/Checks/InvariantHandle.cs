using Payload.GroundStation;

namespace Payload.Hil;

/// <summary>
/// A condition every live housekeeping packet must satisfy from now on (packets whose structure does not hold the
/// parameters it reads are skipped). Checked at teardown — or when disposed, which makes it a scoped check.
/// </summary>
public sealed class InvariantHandle : IDisposable
{
    private readonly Bench _bench;
    private readonly Func<HousekeepingView, bool> _predicate;
    private bool _removed;

    internal InvariantHandle(Bench bench, string description, Func<HousekeepingView, bool> predicate, string? text)
    {
        _bench = bench;
        Description = description;
        Text = text ?? "(predicate)";
        _predicate = predicate;
    }

    /// <summary>What it says, in words.</summary>
    public string Description { get; }

    /// <summary>The predicate as written in the test.</summary>
    public string Text { get; }

    /// <summary>Packets it was evaluated on.</summary>
    public int Checked { get; private set; }

    /// <summary>Packets that violated it.</summary>
    public int Violations { get; private set; }

    /// <summary>The first violating packet, or null.</summary>
    public HousekeepingView? FirstViolation { get; private set; }

    /// <summary>True while no packet violated it.</summary>
    public bool Holds => Violations == 0;

    /// <summary>Stops checking and fails the test now if it was violated (or never evaluated).</summary>
    public void Dispose()
    {
        if (_removed) return;
        _removed = true;
        string? problem = Problem(settle: true);
        _bench.RemoveInvariant(this);
        if (problem is not null) throw _bench.Fail(problem);
    }

    /// <summary>"invariant 'x' (text): held on N packets" or the violation.</summary>
    public override string ToString() => Holds
        ? $"invariant '{Description}' ({Text}): held on {Checked} packets"
        : $"invariant '{Description}' ({Text}): VIOLATED by {Violations} of {Checked} packets, first at on-board t={ValueFormat.Seconds(FirstViolation!.MissionMicroseconds)} s "
          + $"(bench t={ValueFormat.Seconds(FirstViolation.ReceivedAtMicroseconds)} s) by {FirstViolation.Report}";

    /// <summary>Evaluates it on <paramref name="packet"/> (under the bench's gate).</summary>
    internal void Evaluate(HousekeepingView packet)
    {
        if (_removed) return;
        bool holds;
        try
        {
            holds = _predicate(packet);
        }
        catch (KeyNotFoundException)
        {
            return; // this structure does not hold the parameters it reads
        }
        Checked++;
        if (holds) return;
        Violations++;
        FirstViolation ??= packet;
    }

    /// <summary>Why it fails, or null; with <paramref name="settle"/>, first waits for one applicable packet if none came yet.</summary>
    internal string? Problem(bool settle)
    {
        if (settle && Checked == 0) _bench.WaitForEvaluation(this);
        if (Checked == 0) return $"invariant '{Description}' ({Text}) was never evaluated: no live housekeeping packet held what it reads";
        return Holds ? null : ToString();
    }
}
