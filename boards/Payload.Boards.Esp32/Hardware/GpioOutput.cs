using System.Device.Gpio;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>A push-pull GPIO output (watchdog WDI, digitizer nRESET) behind the flight software's <see cref="IOutputPin"/>.</summary>
    /// <remarks>
    /// API (nanoFramework.System.Device.Gpio 1.1.62, GpioController.cs, GpioPin.cs, PinValue.cs):
    /// <c>GpioController.OpenPin(int, PinMode)</c> returns a <c>GpioPin</c>; <c>GpioPin.Write(PinValue)</c>;
    /// <c>PinValue</c> is a readonly struct and <c>PinValue.High/Low</c> construct it, so a write allocates nothing.
    /// Opening the pin as an output drives it low until the first write; the initial level is written straight after.
    /// </remarks>
    public sealed class GpioOutput : IOutputPin
    {
        private readonly GpioPin _pin;

        /// <summary>Opens GPIO <paramref name="pin"/> on <paramref name="controller"/> as an output driven to <paramref name="initialHigh"/>.</summary>
        public GpioOutput(GpioController controller, int pin, bool initialHigh)
        {
            _pin = controller.OpenPin(pin, PinMode.Output);
            Write(initialHigh);
        }

        /// <summary>Drives the line high (true) or low (false).</summary>
        public void Write(bool high)
        {
            _pin.Write(high ? PinValue.High : PinValue.Low);
        }
    }
}
