using System.Runtime.CompilerServices;
using Payload.Flight.Dictionary;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>
    /// A negative check over a <c>using</c> block: fails at the end of the block (after <see cref="BenchOptions.Settle"/>)
    /// if any live event of at least <paramref name="minSeverity"/> arrived during it.
    /// </summary>
    public IDisposable NoEvents(Severity minSeverity = Severity.Low, TimeSpan? settle = null) =>
        new NoEventsScope(this, Mark(), e => e.Severity >= minSeverity, $"no events of severity {minSeverity} or above were expected", settle ?? _options.Settle);

    /// <summary>A negative check over a <c>using</c> block: fails at its end if any live event called one of <paramref name="names"/> arrived during it.</summary>
    public IDisposable NoEvents(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        foreach (string name in names) RequireEvent(name);
        return new NoEventsScope(this, Mark(), e => names.Contains(e.Name, StringComparer.OrdinalIgnoreCase),
            $"no {string.Join(" or ", names)} event was expected", _options.Settle);
    }

    /// <summary>
    /// A continuous check: <paramref name="predicate"/> must hold on every live housekeeping packet from now until teardown
    /// (or until the handle is disposed); a violation fails the test then, naming the first violating packet's time and values.
    /// </summary>
    public InvariantHandle Invariant(string description, Func<HousekeepingView, bool> predicate,
        [CallerArgumentExpression(nameof(predicate))] string? predicateText = null)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        var invariant = new InvariantHandle(this, description, predicate, predicateText);
        lock (_gate)
        {
            _invariants.Add(invariant);
            _invariantsEver.Add(invariant);
        }
        return invariant;
    }

    /// <summary>Fails the test now if an invariant has been violated so far (teardown checks them anyway).</summary>
    public void CheckInvariants()
    {
        InvariantHandle[] invariants;
        lock (_gate) invariants = [.. _invariants];
        string[] violated = invariants.Where(i => !i.Holds).Select(i => i.ToString()).ToArray();
        if (violated.Length > 0) throw Fail(string.Join("\n", violated));
    }

    internal void RemoveInvariant(InvariantHandle invariant)
    {
        lock (_gate) _invariants.Remove(invariant);
    }

    internal void WaitForEvaluation(InvariantHandle invariant)
    {
        if (_disposed && _link.State != Payload.GroundStation.Link.LinkState.Connected) return;
        WaitUntil(() => invariant.Checked > 0, _options.HousekeepingWindow);
    }
}
