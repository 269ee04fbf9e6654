using Payload.Flight.Hardware;

namespace Payload.Flight.Instrument
{
    /// <summary>The instrument's devices on the SARCAL-1 board: the pulse digitizer and the housekeeping ADC, with their lines.</summary>
    public sealed class InstrumentHardware
    {
        /// <summary>Collects the board's instrument interfaces; none may be null.</summary>
        public InstrumentHardware(ISpiDevice digitizer, IOutputPin digitizerReset, IInputPin dataReady, int dataReadyPin, ISpiDevice housekeepingAdc)
        {
            Digitizer = digitizer;
            DigitizerReset = digitizerReset;
            DataReady = dataReady;
            DataReadyPin = dataReadyPin;
            HousekeepingAdc = housekeepingAdc;
        }

        /// <summary>The pulse digitizer on VSPI, chip select 0.</summary>
        public ISpiDevice Digitizer { get; }

        /// <summary>The digitizer's active-low nRESET line.</summary>
        public IOutputPin DigitizerReset { get; }

        /// <summary>The digitizer's active-low DRDY line (low: records waiting).</summary>
        public IInputPin DataReady { get; }

        /// <summary>GPIO number of DRDY, as the board reports its edges.</summary>
        public int DataReadyPin { get; }

        /// <summary>The MCP3208 housekeeping ADC on VSPI, chip select 1.</summary>
        public ISpiDevice HousekeepingAdc { get; }
    }
}
