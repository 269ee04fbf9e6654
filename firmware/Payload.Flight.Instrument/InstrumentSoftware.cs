using Payload.Flight.Config;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Devices.Mcp3208;
using Payload.Flight.Dictionary;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Health;
using Payload.Flight.Instrument.Products;

namespace Payload.Flight.Instrument
{
    /// <summary>
    /// The SARCAL-1 payload software: the flight core plus the instrument — DRDY-driven acquisition, pass products,
    /// digitizer FDIR and housekeeping-ADC telemetry — composed at boot. The board boots this and steps
    /// <see cref="Flight"/>.
    /// </summary>
    public sealed class InstrumentSoftware
    {
        /// <summary>Housekeeping structure of the acquisition loop and the last pass.</summary>
        public const byte AcquisitionStructure = 3;

        /// <summary>Housekeeping structure of the board's analog health (temperatures, rails, currents).</summary>
        public const byte HealthStructure = 4;

        /// <summary>Records per digitizer burst (one SPI transfer).</summary>
        public const int DigitizerBlockRecords = 64;

        /// <summary>Records the flight ring holds between two drains.</summary>
        public const int DigitizerRingRecords = 8192;

        /// <summary>Boots the flight core and the instrument on the board's hardware.</summary>
        public InstrumentSoftware(FlightHardware hardware, InstrumentHardware instrument, long bootMicroseconds)
        {
            Flight = new FlightSoftware(hardware, bootMicroseconds, BuildDictionary());
            Digitizer = new DigitizerDriver(instrument.Digitizer, instrument.DigitizerReset, DigitizerBlockRecords, DigitizerRingRecords);
            // FlightSoftware restored the persisted parameters (ACQ_CONFIGURE's acq.cfg.* among them) before this point; this
            // second saver over the same record writes the same whole set, so ST[20] and ACQ_CONFIGURE never overwrite each other.
            Acquisition = new AcquisitionController(Digitizer, instrument.DataReady, Flight.Modes,
                new LargeTransferProductDownlink(Flight.LargeTransfer), Flight.Events, Flight.Parameters,
                Flight.Persistence, new ProductSettings(), new AcquisitionSettings());
            Health = new HousekeepingAdcSampler(new Mcp3208(instrument.HousekeepingAdc), Flight.Parameters);

            Flight.HandlePinEdges(instrument.DataReadyPin, Acquisition);
            Flight.Executive.Group(FlightConfiguration.FrameGroup).Add(Acquisition);
            Flight.Executive.Group(FlightConfiguration.SlowGroup).Add(Health);
            Flight.Dispatcher.BindService(AcquisitionDictionary.Service, new AcquisitionService(Acquisition));
            // One conversion at boot, so the first housekeeping report carries measurements, not zeros that read as faults.
            Health.Run(0, bootMicroseconds);
            Flight.CompleteBoot();
        }

        /// <summary>The flight core, which the board steps.</summary>
        public FlightSoftware Flight { get; }

        /// <summary>The pulse digitizer's driver.</summary>
        public DigitizerDriver Digitizer { get; }

        /// <summary>The DRDY-driven acquisition loop and pass processing.</summary>
        public AcquisitionController Acquisition { get; }

        /// <summary>Housekeeping-ADC telemetry.</summary>
        public HousekeepingAdcSampler Health { get; }

        /// <summary>The payload's whole dictionary: the flight core's declarations, then the instrument's.</summary>
        public static MissionDictionary BuildDictionary()
        {
            var dictionary = new DictionaryBuilder();
            FlightDictionary.Declare(dictionary);
            AcquisitionDictionary.Declare(dictionary);
            HousekeepingAdcSampler.Declare(dictionary);
            dictionary.Add(AcquisitionDictionary.HousekeepingStructure(AcquisitionStructure, FlightConfiguration.FramesPerSecond));
            dictionary.Add(new HousekeepingStructureDefinition(HealthStructure, "HK_HEALTH", new ushort[]
            {
                HousekeepingAdcMap.DetectorTemperatureParameter, HousekeepingAdcMap.BoardTemperatureParameter,
                HousekeepingAdcMap.Rail5VParameter, HousekeepingAdcMap.Rail3V3Parameter,
                HousekeepingAdcMap.LnaCurrentParameter, HousekeepingAdcMap.DigitizerCurrentParameter,
                HousekeepingAdcMap.ReferenceParameter, HousekeepingAdcMap.ReadFailuresParameter, HousekeepingAdcMap.StaleParameter,
            }, 5 * FlightConfiguration.FramesPerSecond, true, "Temperatures, rails and currents, every five seconds"));
            return dictionary.Build();
        }
    }
}
