namespace Payload.Flight.Events
{
    /// <summary>Where components raise events (ST[5]); the arguments are encoded as the event's definition declares.</summary>
    /// <remarks>Fixed-arity overloads instead of a params array, which would allocate on every call.</remarks>
    public interface IEventSink
    {
        /// <summary>Raises an event without arguments.</summary>
        void Raise(ushort eventId);

        /// <summary>Raises an event with one argument.</summary>
        void Raise(ushort eventId, long argument0);

        /// <summary>Raises an event with two arguments.</summary>
        void Raise(ushort eventId, long argument0, long argument1);

        /// <summary>Raises an event with three arguments.</summary>
        void Raise(ushort eventId, long argument0, long argument1, long argument2);
    }
}
