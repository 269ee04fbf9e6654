namespace Payload.Flight.Hardware
{
    /// <summary>The transmit side of the spacecraft link (UART on the board, a socket or pty for the simulator).</summary>
    /// <remarks>The receive side enters through <see cref="FlightSoftware.OnLinkBytes"/>.</remarks>
    public interface ILinkTransmitter
    {
        /// <summary>Queues bytes for transmission without blocking; the downlink arbiter paces how many it hands over.</summary>
        void Transmit(byte[] buffer, int offset, int count);
    }
}
