using System.Runtime.CompilerServices;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>Packets received since <paramref name="since"/> (default: the last command), replays included unless told otherwise.</summary>
    public IReadOnlyList<ReceivedPacket> Received(Mark? since = null, bool includeReplays = true)
    {
        int from = (since ?? _defaultMark).Position;
        lock (_gate) return _received.Skip(from).Where(p => includeReplays || !p.IsReplay).ToArray();
    }

    /// <summary>Live events received since <paramref name="since"/> (default: the last command), all or those called <paramref name="name"/>.</summary>
    public IReadOnlyList<EventView> Events(string? name = null, Mark? since = null, bool includeReplays = false)
    {
        if (name is not null) RequireEvent(name);
        return Received(since, includeReplays).OfType<EventView>()
            .Where(e => name is null || string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)).ToArray();
    }

    /// <summary>How many live events called <paramref name="name"/> (satisfying <paramref name="condition"/>) arrived since <paramref name="since"/>; no waiting.</summary>
    public int CountEvents(string name, Func<EventView, bool>? condition = null, Mark? since = null) =>
        Events(name, since).Count(e => condition is null || condition(e));

    /// <summary>
    /// Waits for an event called <paramref name="name"/> (satisfying <paramref name="condition"/>) received since
    /// <paramref name="since"/> (default: the last command); fails the test when none arrives within the window.
    /// </summary>
    public EventView AwaitEvent(string name, Func<EventView, bool>? condition = null, TimeSpan? within = null, Mark? since = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        RequireEvent(name);
        var match = new EventMatch(name, condition, conditionText);
        TimeSpan window = within ?? _options.EventWindow;
        Mark from = since ?? _defaultMark;
        var search = new Search<EventView>(this, from.Position, p => p is EventView { IsReplay: false } e && match.Matches(e) ? e : null);
        if (WaitUntil(search.Step, window)) return search.Found!;
        IReadOnlyList<EventView> same = Events(name, from);
        throw Fail($"no {match} within {Seconds(window)} of on-board time since t={At(from)}; "
            + (same.Count == 0 ? $"no {name} at all" : $"{name} events received: {string.Join("; ", same.Select(e => e.Event.Describe()))}") + ThrottleHint(name));
    }

    /// <summary>Waits until events matching <paramref name="sequence"/> have arrived in that order (others may come between) since the last command.</summary>
    public IReadOnlyList<EventView> AssertEventSequence(params EventMatch[] sequence) => AssertEventSequence(_options.EventWindow, sequence);

    /// <summary>Waits up to <paramref name="within"/> until events matching <paramref name="sequence"/> have arrived in that order since the last command.</summary>
    public IReadOnlyList<EventView> AssertEventSequence(TimeSpan within, params EventMatch[] sequence) => AssertEventSequence(_defaultMark, within, sequence);

    /// <summary>Waits up to <paramref name="within"/> until events matching <paramref name="sequence"/> have arrived in that order since <paramref name="since"/>.</summary>
    public IReadOnlyList<EventView> AssertEventSequence(Mark since, TimeSpan within, params EventMatch[] sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        if (sequence.Length == 0) throw new ArgumentException("an empty sequence", nameof(sequence));
        foreach (EventMatch step in sequence) RequireEvent(step.Name);
        Mark from = since;
        var found = new List<EventView>();
        var search = new Search<EventView>(this, from.Position, p =>
            p is EventView { IsReplay: false } e && found.Count < sequence.Length && sequence[found.Count].Matches(e) ? e : null);
        WaitUntil(() =>
        {
            while (found.Count < sequence.Length && search.Step()) found.Add(search.Found!);
            return found.Count == sequence.Length;
        }, within);
        if (found.Count == sequence.Length) return found;
        throw Fail($"event sequence {string.Join(" → ", sequence.Select(s => s.ToString()))}: matched {found.Count} of {sequence.Length} "
            + $"within {Seconds(within)} (missing {sequence[found.Count]}); events received: {string.Join("; ", Events(null, from).Select(e => e.Event.Describe()))}");
    }

    /// <summary>Waits for a live TM[<paramref name="service"/>,<paramref name="subtype"/>] packet (satisfying <paramref name="condition"/>) since <paramref name="since"/>.</summary>
    public ReceivedPacket AwaitPacket(byte service, byte subtype, Func<ReceivedPacket, bool>? condition = null, TimeSpan? within = null,
        Mark? since = null, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        TimeSpan window = within ?? _options.EventWindow;
        Mark from = since ?? _defaultMark;
        var search = new Search<ReceivedPacket>(this, from.Position,
            p => !p.IsReplay && p.Service == service && p.Subtype == subtype && (condition is null || condition(p)) ? p : null);
        if (WaitUntil(search.Step, window)) return search.Found!;
        throw Fail($"no TM[{service},{subtype}]{(condition is null ? "" : $" where {conditionText}")} within {Seconds(window)} since t={At(from)}");
    }

    /// <summary>Waits for a live report of housekeeping structure <paramref name="structure"/> (satisfying <paramref name="condition"/>) since <paramref name="since"/>.</summary>
    public HousekeepingView AwaitHousekeeping(string structure, Func<HousekeepingView, bool>? condition = null, TimeSpan? within = null,
        Mark? since = null, [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        HousekeepingStructureDefinition definition = RequireStructure(structure);
        TimeSpan window = within ?? TimeSpan.FromMicroseconds(Math.Max(_options.EventWindow.Micros(), 2 * definition.IntervalTicks * Durations.Frame.Micros()));
        Mark from = since ?? _defaultMark;
        HousekeepingView? last = null;
        var search = new Search<HousekeepingView>(this, from.Position, p =>
        {
            if (p is not HousekeepingView { IsReplay: false } h || h.Housekeeping.StructureId != definition.Id) return null;
            last = h;
            return condition is null || condition(h) ? h : null;
        });
        if (WaitUntil(search.Step, window)) return search.Found!;
        throw Fail($"no {definition.Name}{(condition is null ? "" : $" where {conditionText}")} within {Seconds(window)} since t={At(from)}"
            + (last is null ? $"; no {definition.Name} at all" : $"; the last was {last.Report}"));
    }

    /// <summary>
    /// Waits until parameter <paramref name="name"/> satisfies <paramref name="condition"/> in a live report received since
    /// <paramref name="since"/> (default: the last command). Parameters in a housekeeping structure reported at least every
    /// second come from it; others are asked for with PARAM_REPORT every <see cref="BenchOptions.PollInterval"/>.
    /// </summary>
    public TmValue AwaitParameter(string name, Func<TmValue, bool> condition, TimeSpan? within = null, Mark? since = null,
        [CallerArgumentExpression(nameof(condition))] string? conditionText = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ParameterDefinition definition = RequireParameter(name);
        TimeSpan window = within ?? _options.ParameterWindow;
        Mark from = since ?? _defaultMark;
        bool poll = !Dictionary.HousekeepingStructures.Any(s => s.EnabledAtBoot && Array.IndexOf(s.ParameterIds, definition.Id) >= 0
            && s.IntervalTicks * Durations.Frame.Micros() <= 1_000_000);
        TmValue? last = null;
        long nextPoll = Now;
        var search = new Search<ReceivedPacket>(this, from.Position, p =>
        {
            if (p.IsReplay || ValueIn(p.Report, name) is not { } value) return null;
            last = value;
            return condition(value) ? p : null;
        });
        bool held = WaitUntil(() =>
        {
            if (search.Step()) return true;
            if (poll && Now >= nextPoll)
            {
                Poll(definition);
                nextPoll = Now + _options.PollInterval.Micros();
            }
            return false;
        }, window);
        if (held) return ValueIn(search.Found!.Report, name)!.Value;
        throw Fail($"{name} did not satisfy {conditionText} within {Seconds(window)} of on-board time since t={At(from)}; "
            + (last is { } seen ? $"last value {seen}" : "no value received"));
    }

    /// <summary>The newest live value of <paramref name="name"/> received in housekeeping or a parameter report; fails the test when none has arrived.</summary>
    public TmValue Latest(string name)
    {
        RequireParameter(name);
        lock (_gate)
        {
            if (_latest.TryGetValue(name, out ReceivedValue? value)) return value.Value;
        }
        throw Fail($"no value of {name} received yet (AwaitParameter waits for one, GetParameter asks for it)");
    }

    /// <summary>The newest live value of <paramref name="name"/>, or null when none has arrived.</summary>
    public TmValue? TryLatest(string name)
    {
        RequireParameter(name);
        lock (_gate) return _latest.TryGetValue(name, out ReceivedValue? value) ? value.Value : null;
    }

    private void Poll(ParameterDefinition definition)
    {
        // No success reports: the TM[20,2] is the answer, and the log stays readable.
        SendQuiet(AckFlags.None, "PARAM_REPORT", definition.Id);
    }

    private static TmValue? ValueIn(TelemetryReport report, string name)
    {
        ParameterValue? value = report switch
        {
            HousekeepingReport h => h.Find(name),
            ParameterReport p => p.Values.FirstOrDefault(v => v.Name == name),
            _ => null,
        };
        return value is null ? null : TmValue.Of(value);
    }

    private EventDefinition RequireEvent(string name) =>
        Dictionary.Events.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no event '{name}' in the dictionary{Suggest(name, Dictionary.Events.Select(e => e.Name))}", nameof(name));

    private ParameterDefinition RequireParameter(string name) =>
        Dictionary.Parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new ArgumentException($"no parameter '{name}' in the dictionary{Suggest(name, Dictionary.Parameters.Select(p => p.Name))}", nameof(name));

    private HousekeepingStructureDefinition RequireStructure(string name) =>
        Dictionary.HousekeepingStructures.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"no housekeeping structure '{name}' in the dictionary{Suggest(name, Dictionary.HousekeepingStructures.Select(s => s.Name))}", nameof(name));

    private static string Suggest(string name, IEnumerable<string> known)
    {
        string[] close = known.Where(k => k.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(k, StringComparison.OrdinalIgnoreCase)
            || k.Split('.', '_').Any(part => part.Length > 2 && name.Contains(part, StringComparison.OrdinalIgnoreCase))).Take(5).ToArray();
        return close.Length == 0 ? "" : $"; did you mean {string.Join(", ", close)}?";
    }

    private static string At(Mark mark) => GroundStation.ValueFormat.Seconds(mark.BenchMicroseconds) + " s";

    /// <summary>A scan of the received packets that resumes where it stopped, so a long wait does not rescan.</summary>
    private sealed class Search<T>(Bench bench, int from, Func<ReceivedPacket, T?> match) where T : class
    {
        private int _next = from;

        public T? Found { get; private set; }

        /// <summary>Looks at the packets received since the last step (under the bench's gate); true when one matched.</summary>
        public bool Step()
        {
            lock (bench._gate)
            {
                while (_next < bench._received.Count)
                {
                    if (match(bench._received[_next++]) is { } found)
                    {
                        Found = found;
                        return true;
                    }
                }
                return false;
            }
        }
    }
}
