namespace Payload.Boards.Esp32
{
    /// <summary>The SARCAL-1 rev A wiring as the ESP32 sees it: GPIO numbers, buses, clocks and the link port (README.md has the table).</summary>
    /// <remarks>
    /// Pins avoided: 6–11 (SPI flash), 16–17 (PSRAM on the WROVER module), 1 and 3 (UART0, which nanoFramework keeps for
    /// its debugger and deployment), 0/2/12/15 (boot strapping). GPIO5 is a strapping pin too, but it is VSPI's own CS0
    /// and the digitizer's nCS pull-up holds it high through reset, which is the level the ROM wants.
    /// </remarks>
    public static class BoardMap
    {
        /// <summary>VSPI (SPI3_HOST): nanoFramework's managed bus 2 on the ESP32 (bus 1 is HSPI).</summary>
        public const int VspiBus = 2;

        /// <summary>VSPI clock, on its IO_MUX pin.</summary>
        public const int VspiClockPin = 18;

        /// <summary>VSPI MOSI, on its IO_MUX pin.</summary>
        public const int VspiMosiPin = 23;

        /// <summary>VSPI MISO, on its IO_MUX pin (pulled up on the board: an undriven bus reads 0xFF).</summary>
        public const int VspiMisoPin = 19;

        /// <summary>The pulse digitizer's nCS (VSPI CS0).</summary>
        public const int DigitizerChipSelectPin = 5;

        /// <summary>The MCP3208's nCS (VSPI CS1); nanoFramework drives chip selects as plain GPIOs, so any output pin will do.</summary>
        public const int HousekeepingAdcChipSelectPin = 4;

        /// <summary>The digitizer's nDRDY: input-only pin without an internal pull, driven push-pull by the digitizer.</summary>
        public const int DataReadyPin = 34;

        /// <summary>The digitizer's nRESET (10 kΩ pull-up on the board).</summary>
        public const int DigitizerResetPin = 27;

        /// <summary>The external supervisor's WDI.</summary>
        public const int WatchdogPin = 26;

        /// <summary>The spacecraft link's TX (UART1, nanoFramework's COM2).</summary>
        public const int LinkTxPin = 33;

        /// <summary>The spacecraft link's RX (UART1, nanoFramework's COM2).</summary>
        public const int LinkRxPin = 32;

        /// <summary>The spacecraft link's port: COM1 (UART0) belongs to nanoFramework's wire protocol.</summary>
        public const string LinkPort = "COM2";

        /// <summary>The digitizer's fastest SPI clock (datasheet §2, DigitizerChip.MaxSpiClockHz).</summary>
        public const int DigitizerClockHz = 20000000;

        /// <summary>The MCP3208's SPI clock: 1 MHz is inside its limit at 3.3 V (2 MHz at 5 V, 1 MHz at 2.7 V).</summary>
        public const int HousekeepingAdcClockHz = 1000000;

        /// <summary>Prefix of the record store's page files on the internal LittleFS volume.</summary>
        public const string RecordFilePrefix = "I:\\payload-nv-";

        /// <summary>Pages of the record store; with 4 KB pages, 32 KB of the 256 KB "config" partition.</summary>
        public const int RecordPages = 8;

        /// <summary>Bytes the link's transmit queue holds: a few of the largest frames (FlightConfiguration.MaxFrameLength).</summary>
        public const int LinkTransmitQueueBytes = 4096;

        /// <summary>Bytes of the UART driver's receive buffer: a burst of telecommands while the CLR is busy elsewhere.</summary>
        public const int LinkReceiveBufferBytes = 4096;
    }
}
