using System;
using Payload.Flight.Dictionary;

namespace Payload.Flight.Instrument.Health
{
    /// <summary>What the SARCAL-1 rev A housekeeping ADC (MCP3208 on VSPI CS1) measures on each input, and how to convert it.</summary>
    /// <remarks>
    /// <para>The MCP3208 runs from 3.3 V with a 2.048 V precision reference on VREF, so one code is exactly 0.5 mV
    /// (DESIGN.md §1). Every input stays below 2.048 V at its worst case:</para>
    /// <code>
    /// CH  measures                  circuit                                          engineering         code at nominal
    /// 0   detector temperature      AD8318 TEMP: 600 mV at 25 °C, +2 mV/°C            0.01 °C  25·c − 27500    1200 (25 °C)
    /// 1   board temperature         MCP9700: 500 mV at 0 °C, +10 mV/°C                0.01 °C   5·c − 5000     1500 (25 °C)
    /// 2   +5 V rail                 divider 30.0 kΩ / 10.0 kΩ (÷4)                    mV        2·c            2500 (5000 mV)
    /// 3   +3.3 V rail               divider 10.0 kΩ / 10.0 kΩ (÷2)                    mV        c              3300 (3300 mV)
    /// 4   LNA current               100 mΩ shunt, ×50 sense amplifier (5 mV/mA)       mA        c / 10          600 (60 mA)
    /// 5   digitizer current         50 mΩ shunt, ×50 sense amplifier (2.5 mV/mA)      mA        c / 5          1250 (250 mA)
    /// 6   1.250 V monitor reference independent of VREF: a drift of either shows here  mV        c / 2          2500 (1250 mV)
    /// 7   spare, tied to AGND       not sampled
    /// </code>
    /// <para>The AD8318's TEMP output at 25 °C is taken as its typical 0.60 V; parts spread by some tens of mV, so a flight
    /// unit's offset is calibrated on the ground (the raw code is telemetered for that).</para>
    /// </remarks>
    public static class HousekeepingAdcMap
    {
        /// <summary>The MCP3208's VREF: 2.048 V, so one code is 0.5 mV.</summary>
        public const long ReferenceMicrovolts = 2048000;

        /// <summary>Input of the AD8318 TEMP output.</summary>
        public const int DetectorTemperatureChannel = 0;
        /// <summary>Input of the board temperature sensor.</summary>
        public const int BoardTemperatureChannel = 1;
        /// <summary>Input of the +5 V rail divider.</summary>
        public const int Rail5VChannel = 2;
        /// <summary>Input of the +3.3 V rail divider.</summary>
        public const int Rail3V3Channel = 3;
        /// <summary>Input of the LNA current-sense amplifier.</summary>
        public const int LnaCurrentChannel = 4;
        /// <summary>Input of the digitizer current-sense amplifier.</summary>
        public const int DigitizerCurrentChannel = 5;
        /// <summary>Input of the 1.250 V monitor reference.</summary>
        public const int ReferenceChannel = 6;

        /// <summary>First parameter of the block 1100–1149; raw codes are 1100 + input.</summary>
        public const ushort RawParameterBase = 1100;
        /// <summary>Engineering values are 1110 + input.</summary>
        public const ushort EngineeringParameterBase = 1110;

        /// <summary>hkadc.det_temp_code: detector temperature, raw code.</summary>
        public const ushort DetectorTemperatureCodeParameter = RawParameterBase + DetectorTemperatureChannel;
        /// <summary>hkadc.board_temp_code: board temperature, raw code.</summary>
        public const ushort BoardTemperatureCodeParameter = RawParameterBase + BoardTemperatureChannel;
        /// <summary>hkadc.rail_5v_code: +5 V rail, raw code.</summary>
        public const ushort Rail5VCodeParameter = RawParameterBase + Rail5VChannel;
        /// <summary>hkadc.rail_3v3_code: +3.3 V rail, raw code.</summary>
        public const ushort Rail3V3CodeParameter = RawParameterBase + Rail3V3Channel;
        /// <summary>hkadc.lna_current_code: LNA current, raw code.</summary>
        public const ushort LnaCurrentCodeParameter = RawParameterBase + LnaCurrentChannel;
        /// <summary>hkadc.dig_current_code: digitizer current, raw code.</summary>
        public const ushort DigitizerCurrentCodeParameter = RawParameterBase + DigitizerCurrentChannel;
        /// <summary>hkadc.reference_code: monitor reference, raw code.</summary>
        public const ushort ReferenceCodeParameter = RawParameterBase + ReferenceChannel;

        /// <summary>hkadc.det_temp: detector temperature in 0.01 °C.</summary>
        public const ushort DetectorTemperatureParameter = EngineeringParameterBase + DetectorTemperatureChannel;
        /// <summary>hkadc.board_temp: board temperature in 0.01 °C.</summary>
        public const ushort BoardTemperatureParameter = EngineeringParameterBase + BoardTemperatureChannel;
        /// <summary>hkadc.rail_5v: +5 V rail in mV.</summary>
        public const ushort Rail5VParameter = EngineeringParameterBase + Rail5VChannel;
        /// <summary>hkadc.rail_3v3: +3.3 V rail in mV.</summary>
        public const ushort Rail3V3Parameter = EngineeringParameterBase + Rail3V3Channel;
        /// <summary>hkadc.lna_current: LNA current in mA.</summary>
        public const ushort LnaCurrentParameter = EngineeringParameterBase + LnaCurrentChannel;
        /// <summary>hkadc.dig_current: digitizer current in mA.</summary>
        public const ushort DigitizerCurrentParameter = EngineeringParameterBase + DigitizerCurrentChannel;
        /// <summary>hkadc.reference: monitor reference in mV.</summary>
        public const ushort ReferenceParameter = EngineeringParameterBase + ReferenceChannel;

        /// <summary>hkadc.conversions: conversions read successfully since boot.</summary>
        public const ushort ConversionsParameter = 1120;
        /// <summary>hkadc.read_failures: conversions that failed (SPI error or bad null bit) since boot.</summary>
        public const ushort ReadFailuresParameter = 1121;
        /// <summary>hkadc.stale: bit n set while input n's last conversion failed (its parameters keep the previous value).</summary>
        public const ushort StaleParameter = 1122;

        /// <summary>The sampled inputs, in sampling order (allocates: call at boot).</summary>
        public static HousekeepingChannel[] CreateChannels()
        {
            return new HousekeepingChannel[]
            {
                Channel(DetectorTemperatureChannel, "hkadc.det_temp", "Detector (AD8318) die temperature",
                    "degC", 0.01, DataType.Int32, ChannelConversion.CentiCelsius(ReferenceMicrovolts, 2500, 600000, 2000), -3000, 7000),
                Channel(BoardTemperatureChannel, "hkadc.board_temp", "Board temperature (MCP9700 near the MCU)",
                    "degC", 0.01, DataType.Int32, ChannelConversion.CentiCelsius(ReferenceMicrovolts, 0, 500000, 10000), -3000, 6500),
                Channel(Rail5VChannel, "hkadc.rail_5v", "+5 V rail",
                    "mV", 1.0, DataType.UInt16, ChannelConversion.Millivolts(ReferenceMicrovolts, 30000, 10000), 4750, 5250),
                Channel(Rail3V3Channel, "hkadc.rail_3v3", "+3.3 V rail",
                    "mV", 1.0, DataType.UInt16, ChannelConversion.Millivolts(ReferenceMicrovolts, 10000, 10000), 3135, 3465),
                Channel(LnaCurrentChannel, "hkadc.lna_current", "LNA supply current",
                    "mA", 1.0, DataType.UInt16, ChannelConversion.Milliamps(ReferenceMicrovolts, 100, 50), 30, 120),
                Channel(DigitizerCurrentChannel, "hkadc.dig_current", "Digitizer (capture core and ADC) supply current",
                    "mA", 1.0, DataType.UInt16, ChannelConversion.Milliamps(ReferenceMicrovolts, 50, 50), 100, 500),
                Channel(ReferenceChannel, "hkadc.reference", "1.250 V monitor reference, read against the 2.048 V VREF",
                    "mV", 1.0, DataType.UInt16, ChannelConversion.Millivolts(ReferenceMicrovolts, 0, 1), 1238, 1262),
            };
        }

        private static HousekeepingChannel Channel(int adcChannel, string name, string description, string unit, double unitScale,
            DataType type, ChannelConversion conversion, long lowLimit, long highLimit)
        {
            return new HousekeepingChannel(adcChannel, (ushort)(RawParameterBase + adcChannel), (ushort)(EngineeringParameterBase + adcChannel),
                name, description, unit, unitScale, type, conversion, lowLimit, highLimit);
        }
    }
}
