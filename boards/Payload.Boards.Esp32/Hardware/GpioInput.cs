using System.Device.Gpio;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>A GPIO input (the digitizer's nDRDY) behind the flight software's <see cref="IInputPin"/>; its edges arrive through <see cref="Runtime.FlightSteps"/>.</summary>
    /// <remarks>
    /// API (nanoFramework.System.Device.Gpio 1.1.62): <c>GpioController.OpenPin(int, PinMode.Input)</c>,
    /// <c>GpioPin.Read()</c> returning the <c>PinValue</c> struct (no allocation). GPIO34–39 have no internal pulls on the
    /// ESP32, so the pin is opened as a plain input; the digitizer drives nDRDY push-pull.
    /// </remarks>
    public sealed class GpioInput : IInputPin
    {
        private readonly GpioPin _pin;

        /// <summary>Opens GPIO <paramref name="pin"/> on <paramref name="controller"/> as a plain input.</summary>
        public GpioInput(GpioController controller, int pin)
        {
            _pin = controller.OpenPin(pin, PinMode.Input);
            Pin = pin;
        }

        /// <summary>The GPIO number.</summary>
        public int Pin { get; }

        /// <summary>The line's present level.</summary>
        public bool Read()
        {
            return _pin.Read() == PinValue.High;
        }
    }
}
