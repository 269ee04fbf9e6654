using System;
using Payload.Flight.Dictionary;

namespace Payload.Flight.Instrument.Health
{
    /// <summary>One housekeeping ADC input: what it measures, its conversion, the two parameters it feeds and its limits.</summary>
    /// <remarks>
    /// Each input publishes its raw code (parameter <see cref="RawParameter"/>, calibrated for the ground by the same
    /// linear conversion) and its engineering value computed on board (<see cref="EngineeringParameter"/>, with limits).
    /// </remarks>
    public sealed class HousekeepingChannel
    {
        /// <summary>Describes an input; the engineering value is in <paramref name="unit"/> × <paramref name="unitScale"/> per count.</summary>
        /// <param name="adcChannel">MCP3208 input, 0..7.</param>
        /// <param name="rawParameter">Parameter of the raw code.</param>
        /// <param name="engineeringParameter">Parameter of the engineering value.</param>
        /// <param name="name">Parameter name stem, e.g. "hkadc.det_temp".</param>
        /// <param name="description">What is measured, for operators.</param>
        /// <param name="unit">Ground unit of the engineering value, e.g. "degC".</param>
        /// <param name="unitScale">Ground units per engineering count (0.01 for hundredths of a degree).</param>
        /// <param name="engineeringType">Wire type of the engineering value.</param>
        /// <param name="conversion">Code to engineering counts.</param>
        /// <param name="lowLimit">Engineering counts below which the value is flagged.</param>
        /// <param name="highLimit">Engineering counts above which the value is flagged.</param>
        public HousekeepingChannel(int adcChannel, ushort rawParameter, ushort engineeringParameter, string name, string description,
            string unit, double unitScale, DataType engineeringType, ChannelConversion conversion, long lowLimit, long highLimit)
        {
            if (adcChannel < 0 || adcChannel > 7) throw new ArgumentOutOfRangeException(nameof(adcChannel));
            if (conversion == null) throw new ArgumentNullException(nameof(conversion));
            if (lowLimit > highLimit) throw new ArgumentOutOfRangeException(nameof(highLimit));
            AdcChannel = adcChannel;
            RawParameter = rawParameter;
            EngineeringParameter = engineeringParameter;
            Name = name;
            Description = description;
            Unit = unit;
            UnitScale = unitScale;
            EngineeringType = engineeringType;
            Conversion = conversion;
            LowLimit = lowLimit;
            HighLimit = highLimit;
        }

        /// <summary>MCP3208 input, 0..7.</summary>
        public int AdcChannel { get; }

        /// <summary>Parameter holding the last code (0..4095).</summary>
        public ushort RawParameter { get; }

        /// <summary>Parameter holding the last engineering value.</summary>
        public ushort EngineeringParameter { get; }

        /// <summary>Parameter name stem; the raw code's parameter adds "_code".</summary>
        public string Name { get; }

        /// <summary>What is measured, for operators.</summary>
        public string Description { get; }

        /// <summary>Ground unit of the engineering value.</summary>
        public string Unit { get; }

        /// <summary>Ground units per engineering count.</summary>
        public double UnitScale { get; }

        /// <summary>Wire type of the engineering value.</summary>
        public DataType EngineeringType { get; }

        /// <summary>Code to engineering counts.</summary>
        public ChannelConversion Conversion { get; }

        /// <summary>Engineering counts below which the value is flagged.</summary>
        public long LowLimit { get; }

        /// <summary>Engineering counts above which the value is flagged.</summary>
        public long HighLimit { get; }
    }
}
