using Payload.Flight.Dictionary;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>A received ST[5] event: name, severity and arguments by name (<c>e["to"] == "STANDBY"</c>).</summary>
public sealed class EventView : ReceivedPacket
{
    internal EventView(EventReport report, long receivedAtMicroseconds, bool isReplay, int index)
        : base(report, receivedAtMicroseconds, isReplay, index)
    {
        Event = report;
    }

    /// <summary>The decoded event report.</summary>
    public EventReport Event { get; }

    /// <summary>The event's name.</summary>
    public string Name => Event.Name;

    /// <summary>The event's severity.</summary>
    public Severity Severity => Event.Severity;

    /// <summary>The argument named <paramref name="argument"/>.</summary>
    /// <exception cref="KeyNotFoundException">The event has no such argument.</exception>
    public TmValue this[string argument] => TmValue.Of(Event[argument]);
}
