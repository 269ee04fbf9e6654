using Payload.Flight.Events;

namespace Payload.Flight.Tests.Support;

/// <summary>An <see cref="IEventSink"/> that keeps every raised event with its arguments.</summary>
public sealed class RecordingEventSink : IEventSink
{
    public List<(ushort Id, long[] Arguments)> Raised { get; } = new();

    public void Raise(ushort eventId) => Raised.Add((eventId, Array.Empty<long>()));
    public void Raise(ushort eventId, long argument0) => Raised.Add((eventId, new[] { argument0 }));
    public void Raise(ushort eventId, long argument0, long argument1) => Raised.Add((eventId, new[] { argument0, argument1 }));
    public void Raise(ushort eventId, long argument0, long argument1, long argument2) => Raised.Add((eventId, new[] { argument0, argument1, argument2 }));

    public int Count(ushort eventId) => Raised.Count(e => e.Id == eventId);
}
