using System;

namespace Payload.Flight.Instrument.Health
{
    /// <summary>A linear conversion of a housekeeping ADC code into an integer engineering value: round((code × Multiplier + Offset) / Divisor).</summary>
    /// <remarks>
    /// All in long arithmetic, rounded to nearest (halves away from zero), so the device needs no floating point. The
    /// factories build it from the circuit (ADC reference, sensor slope and offset, divider, shunt and amplifier gain) so
    /// that the constants in the channel map are the ones on the schematic. The input voltage is the datasheet's
    /// inverse transfer function, VIN = code × VREF / 4096.
    /// </remarks>
    public sealed class ChannelConversion
    {
        private const long Codes = 4096;

        /// <summary>Creates round((code × <paramref name="multiplier"/> + <paramref name="offset"/>) / <paramref name="divisor"/>), reduced to lowest terms.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="divisor"/> is not positive.</exception>
        public ChannelConversion(long multiplier, long offset, long divisor)
        {
            if (divisor < 1) throw new ArgumentOutOfRangeException(nameof(divisor));
            long common = GreatestCommonDivisor(GreatestCommonDivisor(Absolute(multiplier), Absolute(offset)), divisor);
            Multiplier = multiplier / common;
            Offset = offset / common;
            Divisor = divisor / common;
        }

        /// <summary>Engineering counts per code, times <see cref="Divisor"/>.</summary>
        public long Multiplier { get; }

        /// <summary>Engineering counts at code 0, times <see cref="Divisor"/>.</summary>
        public long Offset { get; }

        /// <summary>Common denominator of <see cref="Multiplier"/> and <see cref="Offset"/>.</summary>
        public long Divisor { get; }

        /// <summary>Engineering counts per code, for the ground's linear calibration.</summary>
        public double Scale { get { return (double)Multiplier / Divisor; } }

        /// <summary>Engineering counts at code 0, for the ground's linear calibration.</summary>
        public double ScaleOffset { get { return (double)Offset / Divisor; } }

        /// <summary>A voltage in millivolts seen through a resistive divider (<paramref name="topOhms"/> 0 for a direct input).</summary>
        /// <param name="referenceMicrovolts">The ADC's VREF in µV.</param>
        /// <param name="topOhms">Resistor from the measured node to the ADC input.</param>
        /// <param name="bottomOhms">Resistor from the ADC input to ground.</param>
        public static ChannelConversion Millivolts(long referenceMicrovolts, long topOhms, long bottomOhms)
        {
            if (referenceMicrovolts < 1) throw new ArgumentOutOfRangeException(nameof(referenceMicrovolts));
            if (topOhms < 0) throw new ArgumentOutOfRangeException(nameof(topOhms));
            if (bottomOhms < 1) throw new ArgumentOutOfRangeException(nameof(bottomOhms));
            // mV = VIN[µV] × (top + bottom) / bottom / 1000
            return new ChannelConversion(referenceMicrovolts * (topOhms + bottomOhms), 0, Codes * bottomOhms * 1000);
        }

        /// <summary>A temperature in hundredths of a degree Celsius from a linear voltage-output sensor.</summary>
        /// <param name="referenceMicrovolts">The ADC's VREF in µV.</param>
        /// <param name="pointCentiCelsius">Temperature of the sensor's calibration point, in 0.01 °C.</param>
        /// <param name="pointMicrovolts">Sensor output at that temperature, in µV.</param>
        /// <param name="microvoltsPerDegree">Sensor slope in µV/°C (positive).</param>
        public static ChannelConversion CentiCelsius(long referenceMicrovolts, long pointCentiCelsius, long pointMicrovolts, long microvoltsPerDegree)
        {
            if (referenceMicrovolts < 1) throw new ArgumentOutOfRangeException(nameof(referenceMicrovolts));
            if (microvoltsPerDegree < 1) throw new ArgumentOutOfRangeException(nameof(microvoltsPerDegree));
            // c°C = point + (VIN[µV] − pointµV) × 100 / slope, with VIN = code × VREF / 4096, over the denominator 4096 × slope.
            return new ChannelConversion(referenceMicrovolts * 100,
                pointCentiCelsius * Codes * microvoltsPerDegree - pointMicrovolts * Codes * 100,
                Codes * microvoltsPerDegree);
        }

        /// <summary>A current in milliamps through a shunt, read through a current-sense amplifier of voltage gain <paramref name="gain"/>.</summary>
        /// <param name="referenceMicrovolts">The ADC's VREF in µV.</param>
        /// <param name="shuntMilliohms">Shunt resistance in mΩ.</param>
        /// <param name="gain">Amplifier gain in V/V.</param>
        public static ChannelConversion Milliamps(long referenceMicrovolts, long shuntMilliohms, long gain)
        {
            if (referenceMicrovolts < 1) throw new ArgumentOutOfRangeException(nameof(referenceMicrovolts));
            if (shuntMilliohms < 1) throw new ArgumentOutOfRangeException(nameof(shuntMilliohms));
            if (gain < 1) throw new ArgumentOutOfRangeException(nameof(gain));
            // mA = VIN[µV] / (gain × shunt[mΩ])
            return new ChannelConversion(referenceMicrovolts, 0, Codes * gain * shuntMilliohms);
        }

        /// <summary>The engineering value of a code, rounded to nearest (halves away from zero).</summary>
        public long ToEngineering(int code)
        {
            long numerator = code * Multiplier + Offset;
            long half = Divisor / 2;
            return numerator >= 0 ? (numerator + half) / Divisor : -((half - numerator) / Divisor);
        }

        private static long Absolute(long value)
        {
            return value < 0 ? -value : value;
        }

        private static long GreatestCommonDivisor(long a, long b)
        {
            while (b != 0)
            {
                long remainder = a % b;
                a = b;
                b = remainder;
            }
            return a;
        }
    }
}
