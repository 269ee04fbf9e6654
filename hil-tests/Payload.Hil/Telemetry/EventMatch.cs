namespace Payload.Hil;

/// <summary>An event by name, optionally with a condition on its arguments: one element of an expected sequence.</summary>
/// <remarks>A string converts to a match by name, so <c>AssertEventSequence("SCHED_RELEASED", "MODE_CHANGED")</c> reads naturally.</remarks>
public sealed record EventMatch(string Name, Func<EventView, bool>? Condition = null, string? Description = null)
{
    /// <summary>Matches any event called <paramref name="name"/>.</summary>
    public static implicit operator EventMatch(string name) => new(name);

    /// <summary>Matches an event called <paramref name="name"/> that satisfies <paramref name="condition"/>.</summary>
    public static EventMatch Where(string name, Func<EventView, bool> condition, [System.Runtime.CompilerServices.CallerArgumentExpression(nameof(condition))] string? description = null) =>
        new(name, condition, description);

    /// <summary>True when <paramref name="candidate"/> is this event and satisfies the condition.</summary>
    public bool Matches(EventView candidate) =>
        candidate is not null && string.Equals(candidate.Name, Name, StringComparison.OrdinalIgnoreCase) && (Condition is null || Condition(candidate));

    /// <summary>"NAME" or "NAME where condition".</summary>
    public override string ToString() => Condition is null ? Name : $"{Name} where {Description ?? "(condition)"}";
}
