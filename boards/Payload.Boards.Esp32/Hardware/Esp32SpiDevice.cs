using System;
using System.Device.Spi;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>One chip on an ESP32 SPI bus (mode 0, 8-bit words, MSB first, full duplex), behind the flight software's <see cref="ISpiDevice"/>.</summary>
    /// <remarks>
    /// API (nanoFramework.System.Device.Spi 1.3.89, SpiDevice.cs and SpiConnectionSettings.cs):
    /// <c>SpiDevice.Create(SpiConnectionSettings)</c>; <c>TransferFullDuplex(SpanByte write, SpanByte read)</c>, which
    /// throws InvalidOperationException unless <c>Configuration == SpiBusConfiguration.FullDuplex</c>. The chip select
    /// line is a GPIO number that the native driver toggles itself around each transfer (nf-interpreter
    /// targets/ESP32/_nanoCLR/System.Device.Spi/cpu_spi.cpp: the ESP-IDF device has no hardware CS, <c>-1</c>).
    /// The native transfer (sys_dev_spi_native_System_Device_Spi_SpiDevice.cpp) honours a SpanByte's start and length,
    /// so a span over our array, offset and count moves exactly those bytes; SpanByte is a struct (mscorlib 1.17.11),
    /// so a transfer allocates nothing. Its sizes are int16 there: one transfer must stay under 32 768 bytes.
    /// A transfer shorter than about 20 ms runs synchronously and holds the whole CLR while it runs.
    /// Clock caveat (cpu_spi.cpp, CPU_SPI_Add_Device, since nf-interpreter #2518): the ESP-IDF device is added once per
    /// bus with the FIRST opened device's clock and mode; later devices on the same bus share it and their
    /// <see cref="SpiConnectionSettings.ClockFrequency"/> is ignored. See Program and README.md.
    /// </remarks>
    public sealed class Esp32SpiDevice : ISpiDevice
    {
        private readonly SpiDevice _device;

        /// <summary>Opens the chip on <paramref name="busId"/> selected by GPIO <paramref name="chipSelectPin"/> (active low) at <paramref name="clockHz"/>.</summary>
        public Esp32SpiDevice(int busId, int chipSelectPin, int clockHz)
        {
            var settings = new SpiConnectionSettings(busId, chipSelectPin);
            settings.Mode = SpiMode.Mode0;
            settings.DataBitLength = 8;
            settings.DataFlow = DataFlow.MsbFirst;
            settings.ClockFrequency = clockHz;
            settings.Configuration = SpiBusConfiguration.FullDuplex;
            _device = SpiDevice.Create(settings);
            RequestedClockHz = clockHz;
        }

        /// <summary>The clock asked for; on a bus shared with an earlier device, the earlier device's clock is what runs.</summary>
        public int RequestedClockHz { get; }

        /// <summary>Clocks <paramref name="count"/> bytes out of <paramref name="writeBuffer"/> while reading as many into <paramref name="readBuffer"/>, chip select held.</summary>
        public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
        {
            _device.TransferFullDuplex(new SpanByte(writeBuffer, writeOffset, count), new SpanByte(readBuffer, readOffset, count));
        }
    }
}
