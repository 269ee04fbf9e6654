namespace Payload.Flight.Hardware
{
    /// <summary>A component that reacts to an edge on an input line (the digitizer's DRDY), reported by the board.</summary>
    /// <remarks>
    /// On the ESP32 edges reach managed code late and in bulk, so a handler must tolerate a delay of a time slice and
    /// edges that were merged; it does the minimum and leaves analysis to the executive.
    /// </remarks>
    public interface IPinEdgeHandler
    {
        /// <summary>An edge on <paramref name="pin"/> (rising when <paramref name="rising"/>) at <paramref name="nowMicroseconds"/>.</summary>
        void OnEdge(int pin, bool rising, long nowMicroseconds);
    }
}
