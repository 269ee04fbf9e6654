using CsCheck;
using Payload.Flight.Instrument.Health;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Instrument.Health;

/// <summary>Integer conversions of the housekeeping inputs, checked against the sensors' datasheet figures.</summary>
/// <remarks>VREF is 2.048 V: one code is 0.5 mV, so code = 2 × VIN[mV].</remarks>
public class ChannelConversionTests
{
    private static readonly HousekeepingChannel[] Channels = HousekeepingAdcMap.CreateChannels();

    private static ChannelConversion Of(int adcChannel) => Channels.Single(c => c.AdcChannel == adcChannel).Conversion;

    // AD8318 TEMP: 2 mV/°C; taken as 0.60 V at 25 °C (so 0.55 V at 0 °C).
    [Theory]
    [InlineData(1200, 2500)]   // 600 mV: 25 °C
    [InlineData(1100, 0)]      // 550 mV: 0 °C
    [InlineData(940, -4000)]   // 470 mV: −40 °C, the part's lowest operating temperature
    [InlineData(1440, 8500)]   // 720 mV: +85 °C, its highest
    [InlineData(1201, 2525)]   // one code is 0.5 mV, a quarter of a degree
    [InlineData(0, -27500)]
    [InlineData(4095, 74875)]
    public void Detector_temperature_is_AD8318_TEMP_at_2_mV_per_degree(int code, long centiCelsius)
    {
        Assert.Equal(centiCelsius, Of(HousekeepingAdcMap.DetectorTemperatureChannel).ToEngineering(code));
    }

    // MCP9700: VOUT = 10 mV/°C × TA + 500 mV (DS20001942 Eq. 4-1).
    [Theory]
    [InlineData(1000, 0)]       // 500 mV: 0 °C
    [InlineData(1500, 2500)]    // 750 mV: 25 °C
    [InlineData(200, -4000)]    // 100 mV: −40 °C
    [InlineData(3500, 12500)]   // 1.75 V: +125 °C
    [InlineData(1001, 5)]       // 0.5 mV: 0.05 °C
    public void Board_temperature_is_an_MCP9700_at_10_mV_per_degree_and_500_mV_at_0(int code, long centiCelsius)
    {
        Assert.Equal(centiCelsius, Of(HousekeepingAdcMap.BoardTemperatureChannel).ToEngineering(code));
    }

    [Theory]
    [InlineData(2500, 5000)]   // 5.000 V ÷ 4 = 1.250 V
    [InlineData(2375, 4750)]   // −5 %
    [InlineData(2625, 5250)]   // +5 %
    [InlineData(4095, 8190)]   // full scale: 4 × (2.048 V − 1 LSB)
    [InlineData(1, 2)]
    public void The_5V_rail_is_read_through_a_divide_by_four(int code, long millivolts)
    {
        Assert.Equal(millivolts, Of(HousekeepingAdcMap.Rail5VChannel).ToEngineering(code));
    }

    [Theory]
    [InlineData(3300, 3300)]   // 3.300 V ÷ 2 = 1.650 V
    [InlineData(3135, 3135)]
    [InlineData(4095, 4095)]
    public void The_3V3_rail_is_read_through_a_divide_by_two(int code, long millivolts)
    {
        Assert.Equal(millivolts, Of(HousekeepingAdcMap.Rail3V3Channel).ToEngineering(code));
    }

    [Theory]
    [InlineData(600, 60)]      // 60 mA × 0.1 Ω × 50 = 300 mV
    [InlineData(604, 60)]      // 60.4 mA
    [InlineData(605, 61)]      // 60.5 mA: halves round up
    [InlineData(4095, 410)]    // 409.5 mA
    [InlineData(0, 0)]
    public void LNA_current_is_100_milliohms_times_50_rounded_to_the_milliamp(int code, long milliamps)
    {
        Assert.Equal(milliamps, Of(HousekeepingAdcMap.LnaCurrentChannel).ToEngineering(code));
    }

    [Theory]
    [InlineData(1250, 250)]    // 250 mA × 0.05 Ω × 50 = 625 mV
    [InlineData(1252, 250)]    // 250.4 mA
    [InlineData(1253, 251)]    // 250.6 mA
    [InlineData(4095, 819)]
    public void Digitizer_current_is_50_milliohms_times_50(int code, long milliamps)
    {
        Assert.Equal(milliamps, Of(HousekeepingAdcMap.DigitizerCurrentChannel).ToEngineering(code));
    }

    [Theory]
    [InlineData(2500, 1250)]
    [InlineData(2501, 1251)]   // 1250.5 mV
    [InlineData(2475, 1238)]   // 1237.5 mV: the low limit's edge
    public void The_monitor_reference_is_read_directly(int code, long millivolts)
    {
        Assert.Equal(millivolts, Of(HousekeepingAdcMap.ReferenceChannel).ToEngineering(code));
    }

    [Fact]
    public void Conversions_are_reduced_to_the_schematics_simple_ratios()
    {
        AssertTerms(Of(HousekeepingAdcMap.DetectorTemperatureChannel), 25, -27500, 1);
        AssertTerms(Of(HousekeepingAdcMap.BoardTemperatureChannel), 5, -5000, 1);
        AssertTerms(Of(HousekeepingAdcMap.Rail5VChannel), 2, 0, 1);
        AssertTerms(Of(HousekeepingAdcMap.Rail3V3Channel), 1, 0, 1);
        AssertTerms(Of(HousekeepingAdcMap.LnaCurrentChannel), 1, 0, 10);
        AssertTerms(Of(HousekeepingAdcMap.DigitizerCurrentChannel), 1, 0, 5);
        AssertTerms(Of(HousekeepingAdcMap.ReferenceChannel), 1, 0, 2);
    }

    [Theory]
    [InlineData(0, -3)]   // −2.5
    [InlineData(1, -2)]   // −2.0
    [InlineData(2, -2)]   // −1.5
    [InlineData(4, -1)]   // −0.5
    [InlineData(5, 0)]
    [InlineData(6, 1)]    // +0.5
    [InlineData(8, 2)]    // +1.5
    public void Halves_round_away_from_zero_on_both_sides(int code, long expected)
    {
        // (code − 5) / 2
        Assert.Equal(expected, new ChannelConversion(1, -5, 2).ToEngineering(code));
    }

    [Fact]
    public void Every_code_of_every_input_converts_as_exact_rational_arithmetic_rounded_to_nearest()
    {
        Prop.ForAll(Gen.Int[0, 4095].Select(Gen.Int[0, Channels.Length - 1]), sample =>
        {
            var (code, index) = sample;
            ChannelConversion conversion = Channels[index].Conversion;
            decimal exact = (decimal)(code * conversion.Multiplier + conversion.Offset) / conversion.Divisor;

            Assert.Equal((long)Math.Round(exact, MidpointRounding.AwayFromZero), conversion.ToEngineering(code));
            // The ground's linear calibration is the same line, unrounded.
            Assert.Equal((double)exact, code * conversion.Scale + conversion.ScaleOffset, 9);
        }, seed: 3208, iterations: 2000);
    }

    [Fact]
    public void Constructors_refuse_impossible_circuits_naming_the_parameter()
    {
        Assert.Equal("divisor", Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelConversion(1, 0, 0)).ParamName);
        Assert.Equal("referenceMicrovolts", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.Millivolts(0, 1, 1)).ParamName);
        Assert.Equal("topOhms", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.Millivolts(2048000, -1, 1)).ParamName);
        Assert.Equal("bottomOhms", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.Millivolts(2048000, 1, 0)).ParamName);
        Assert.Equal("microvoltsPerDegree", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.CentiCelsius(2048000, 0, 0, 0)).ParamName);
        Assert.Equal("shuntMilliohms", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.Milliamps(2048000, 0, 50)).ParamName);
        Assert.Equal("gain", Assert.Throws<ArgumentOutOfRangeException>(() => ChannelConversion.Milliamps(2048000, 100, 0)).ParamName);
    }

    private static void AssertTerms(ChannelConversion conversion, long multiplier, long offset, long divisor)
    {
        Assert.Equal((multiplier, offset, divisor), (conversion.Multiplier, conversion.Offset, conversion.Divisor));
    }
}
