namespace Payload.Flight.Hardware
{
    /// <summary>A digital input line whose edges the board reports through <see cref="FlightSoftware.OnPinEdge"/>.</summary>
    public interface IInputPin
    {
        /// <summary>The line's present level.</summary>
        bool Read();
    }
}
