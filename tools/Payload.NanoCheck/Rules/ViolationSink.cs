using Payload.NanoCheck.Reporting;

namespace Payload.NanoCheck.Rules;

/// <summary>Collects violations, dropping exact repeats (the same finding reached twice through shared metadata).</summary>
internal sealed class ViolationSink
{
    private readonly List<Violation> _violations = [];
    private readonly HashSet<(string, string, int?, string)> _seen = [];

    public void Add(Violation violation)
    {
        if (_seen.Add((violation.RuleId, violation.Member, violation.IlOffset, violation.Message)))
        {
            _violations.Add(violation);
        }
    }

    /// <summary>The violations in the order they were found: rules run in a fixed order over metadata tables.</summary>
    public IReadOnlyList<Violation> Violations => _violations;
}
