using System.Device.Gpio;
using System.Diagnostics;
using System.Threading;
using nanoFramework.Hardware.Esp32;
using Payload.Boards.Esp32.Hardware;
using Payload.Boards.Esp32.Runtime;
using Payload.Flight;
using Payload.Flight.Config;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument;

namespace Payload.Boards.Esp32
{
    /// <summary>The SARCAL-1 device application: builds the board's hardware, boots the flight software and runs it.</summary>
    public static class Program
    {
        /// <summary>A frame starting later than this after its slot counts as late (half a minor frame).</summary>
        private const long LateFrameMicroseconds = FlightConfiguration.MinorFrameMicroseconds / 2;

        /// <summary>Entry point: everything is allocated here, then the threads and events take over.</summary>
        public static void Main()
        {
            // Pin functions first: nanoFramework reads them when a bus or port is opened (Hardware.Esp32 1.6.40,
            // Configuration.SetPinFunction; VSPI is bus 2, whose pins nf-interpreter leaves unassigned).
            Configuration.SetPinFunction(BoardMap.VspiClockPin, DeviceFunction.SPI2_CLOCK);
            Configuration.SetPinFunction(BoardMap.VspiMosiPin, DeviceFunction.SPI2_MOSI);
            Configuration.SetPinFunction(BoardMap.VspiMisoPin, DeviceFunction.SPI2_MISO);
            Configuration.SetPinFunction(BoardMap.LinkTxPin, DeviceFunction.COM2_TX);
            Configuration.SetPinFunction(BoardMap.LinkRxPin, DeviceFunction.COM2_RX);

            var gpio = new GpioController();
            var clock = new HighResClock();
            var watchdog = new GpioOutput(gpio, BoardMap.WatchdogPin, false);
            var digitizerReset = new GpioOutput(gpio, BoardMap.DigitizerResetPin, true);
            var dataReady = new GpioInput(gpio, BoardMap.DataReadyPin);

            // nanoFramework on the ESP32 configures a bus once, with the clock and mode of the first device opened on it,
            // and every later device shares them (nf-interpreter cpu_spi.cpp, CPU_SPI_Add_Device). The MCP3208 cannot
            // run at the digitizer's 20 MHz, so it is opened first and VSPI runs at 1 MHz: correct for both chips, but a
            // digitizer burst takes 20 times longer and holds the CLR meanwhile. README.md, "Shared SPI clock", has the fixes.
            var housekeepingAdc = new Esp32SpiDevice(BoardMap.VspiBus, BoardMap.HousekeepingAdcChipSelectPin, BoardMap.HousekeepingAdcClockHz);
            var digitizer = new Esp32SpiDevice(BoardMap.VspiBus, BoardMap.DigitizerChipSelectPin, BoardMap.DigitizerClockHz);

            var storage = new FlashRecordStore(BoardMap.RecordFilePrefix, FlightConfiguration.RecordSlotAlignment, BoardMap.RecordPages);
            var link = new UartLink(BoardMap.LinkPort, FlightConfiguration.LinkBaudRate,
                BoardMap.LinkReceiveBufferBytes, BoardMap.LinkTransmitQueueBytes);

            var hardware = new FlightHardware(clock, link, storage, watchdog);
            // Built even while only the flight core boots, so every line is opened and held at its safe level.
            var instrument = new InstrumentHardware(digitizer, digitizerReset, dataReady, BoardMap.DataReadyPin, housekeepingAdc);

            long now = clock.NowMicroseconds;
            FlightSoftware flight = new InstrumentSoftware(hardware, instrument, now).Flight;
            Debug.WriteLine("SARCAL-1: flight software booted");

            var steps = new FlightSteps(flight, clock);
            link.Listen(steps);
            gpio.RegisterCallbackForPinValueChangedEvent(BoardMap.DataReadyPin, PinEventTypes.Falling,
                new PinChangeEventHandler(steps.OnPinValueChanged));

            // Boot garbage goes now, compacted, so the steady state starts from a tidy heap.
            uint free = nanoFramework.Runtime.Native.GC.Run(true);
            Debug.WriteLine("SARCAL-1: " + free.ToString() + " bytes free; "
                + storage.PagesCreated.ToString() + " record pages created; minor frames start");

            new MinorFrameLoop(steps, clock, FlightConfiguration.MinorFrameMicroseconds, LateFrameMicroseconds).Start();
            Thread.Sleep(Timeout.Infinite);
        }
    }
}
