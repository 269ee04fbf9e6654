using System;
using System.Device.Gpio;
using Payload.Boards.Esp32.Hardware;
using Payload.Flight;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Runtime
{
    /// <summary>
    /// The one door into the flight software: every step (minor frame, link bytes, pin edge) runs under one lock and is
    /// handed the clock read inside it, because the flight software is not thread-safe and its time must never go back.
    /// </summary>
    /// <remarks>
    /// Callers: the minor-frame thread (<see cref="MinorFrame"/>), and nanoFramework's interrupt thread, which runs
    /// both the UART's DataReceived (<see cref="OnLinkBytes"/>, through <see cref="UartLink"/>) and GPIO callbacks
    /// (<see cref="OnPinValueChanged"/>). Reading the clock after taking the lock keeps the times handed to the flight
    /// software in the order the steps run (a time read before waiting could be older than the frame that went first).
    /// A link step that completes a telecommand frame also runs the flight software's command group (the command starts
    /// and its reports go to the UART at once), so it holds the lock for as long as that command's start takes.
    /// <c>lock</c> compiles to Monitor.Enter/Exit, which mscorlib 1.17.11 has. Nothing here allocates.
    /// </remarks>
    public sealed class FlightSteps : ILinkReceiver
    {
        private readonly object _gate = new object();
        private readonly FlightSoftware _flight;
        private readonly IMonotonicClock _clock;

        /// <summary>Serialises the steps of <paramref name="flight"/>, timed by <paramref name="clock"/>.</summary>
        public FlightSteps(FlightSoftware flight, IMonotonicClock clock)
        {
            _flight = flight;
            _clock = clock;
        }

        /// <summary>Exceptions thrown by link or pin-edge steps (caught so that nanoFramework's interrupt thread carries on).</summary>
        public int EventFaults { get; private set; }

        /// <summary>Minor frame <paramref name="frame"/> begins now.</summary>
        /// <remarks>An exception is not caught: it ends the minor-frame thread, the watchdog stops being toggled and the supervisor resets the board.</remarks>
        public void MinorFrame(long frame)
        {
            lock (_gate)
            {
                _flight.OnMinorFrame(frame, _clock.NowMicroseconds);
            }
        }

        /// <summary>Bytes arrived from the link.</summary>
        public void OnLinkBytes(byte[] buffer, int offset, int count)
        {
            try
            {
                lock (_gate)
                {
                    _flight.OnLinkBytes(buffer, offset, count, _clock.NowMicroseconds);
                }
            }
            catch (Exception)
            {
                EventFaults++;
            }
        }

        /// <summary>A GPIO edge, as nanoFramework's GpioController reports it (a PinChangeEventHandler).</summary>
        /// <remarks>
        /// System.Device.Gpio 1.1.62: <c>delegate void PinChangeEventHandler(object sender, PinValueChangedEventArgs e)</c>,
        /// <c>e.PinNumber</c>, <c>e.ChangeType</c> (PinEventTypes.Rising or Falling). The native edge time is not passed to
        /// managed code, so the edge is stamped when it is handled: up to a time slice (20 ms) late, and several edges may
        /// have merged (the flight-side handler is written for that; see IPinEdgeHandler).
        /// </remarks>
        public void OnPinValueChanged(object sender, PinValueChangedEventArgs e)
        {
            try
            {
                bool rising = e.ChangeType == PinEventTypes.Rising;
                lock (_gate)
                {
                    _flight.OnPinEdge(e.PinNumber, rising, _clock.NowMicroseconds);
                }
            }
            catch (Exception)
            {
                EventFaults++;
            }
        }
    }
}
