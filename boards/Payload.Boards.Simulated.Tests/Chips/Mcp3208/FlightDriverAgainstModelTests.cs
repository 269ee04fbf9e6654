using Payload.Boards.Simulated.Chips.Mcp3208;
using Payload.Flight.Dictionary;
using Payload.Flight.Instrument.Health;
using Payload.Flight.Parameters;
using FlightMcp3208 = Payload.Flight.Devices.Mcp3208.Mcp3208;

namespace Payload.Boards.Simulated.Tests.Chips.Mcp3208;

/// <summary>The flight driver and the housekeeping sampler, unchanged, on the simulated chip.</summary>
public class FlightDriverAgainstModelTests
{
    private const double Vref = 2.048;
    private const double Lsb = Vref / 4096;

    private readonly Mcp3208Model _model = new(Vref);
    private readonly FlightMcp3208 _adc;

    public FlightDriverAgainstModelTests()
    {
        _adc = new FlightMcp3208(_model);
    }

    [Fact]
    public void The_flight_driver_reads_every_channel_at_the_voltage_the_model_was_given()
    {
        foreach (int channel in Enumerable.Range(0, 8))
        {
            foreach (double volts in new[] { 0.0, Lsb, 0.75, Vref / 2, 1.9 + 0.001 * channel, Vref - Lsb, Vref * 1.2 })
            {
                for (int other = 0; other < 8; other++) _model.SetInput(other, 0.3 + 0.1 * other);
                _model.SetInput(channel, volts);

                Assert.Equal(Mcp3208Model.CodeFor(volts, Vref), _adc.Read(channel));
                Assert.Equal(new Mcp3208Conversion(true, channel, Mcp3208Model.CodeFor(volts, Vref)), _model.LastConversion);
            }
        }
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(4, 5)]
    [InlineData(5, 4)]
    [InlineData(6, 7)]
    [InlineData(7, 6)]
    public void The_flight_driver_reads_either_orientation_of_every_pair(int positive, int negative)
    {
        _model.SetInput(positive, 1.0);
        _model.SetInput(negative, 0.0625);

        Assert.Equal(1875, _adc.ReadDifferential(positive, negative));
        Assert.Equal(0, _adc.ReadDifferential(negative, positive));
    }

    [Fact]
    public void A_missing_chip_is_a_failed_read_not_a_value()
    {
        _model.SetInput(0, 1.0);
        _model.Disconnected = true;

        Assert.False(_adc.TryRead(0, out int code));
        Assert.Equal(0, code);
    }

    [Fact]
    public void The_sampler_turns_board_voltages_into_engineering_telemetry()
    {
        var builder = new DictionaryBuilder();
        HousekeepingAdcSampler.Declare(builder);
        var parameters = new ParameterTable(builder.Build());
        var sampler = new HousekeepingAdcSampler(_adc, parameters);
        double detectorCelsius = 31.5;
        // The SARCAL-1 rev A front ends (HousekeepingAdcMap): sensors and dividers in volts at the ADC pins.
        _model.SetInput(HousekeepingAdcMap.DetectorTemperatureChannel, () => 0.600 + 0.002 * (detectorCelsius - 25));
        _model.SetInput(HousekeepingAdcMap.BoardTemperatureChannel, 0.500 + 0.010 * 22.25);
        _model.SetInput(HousekeepingAdcMap.Rail5VChannel, 5.08 / 4);
        _model.SetInput(HousekeepingAdcMap.Rail3V3Channel, 3.29 / 2);
        _model.SetInput(HousekeepingAdcMap.LnaCurrentChannel, 0.072 * 0.1 * 50);
        _model.SetInput(HousekeepingAdcMap.DigitizerCurrentChannel, 0.310 * 0.05 * 50);
        _model.SetInput(HousekeepingAdcMap.ReferenceChannel, 1.2495);

        sampler.Run(0, 0);

        Assert.Equal(3150, parameters.Get(HousekeepingAdcMap.DetectorTemperatureParameter));
        Assert.Equal(2225, parameters.Get(HousekeepingAdcMap.BoardTemperatureParameter));
        Assert.Equal(5080, parameters.Get(HousekeepingAdcMap.Rail5VParameter));
        Assert.Equal(3290, parameters.Get(HousekeepingAdcMap.Rail3V3Parameter));
        Assert.Equal(72, parameters.Get(HousekeepingAdcMap.LnaCurrentParameter));
        Assert.Equal(310, parameters.Get(HousekeepingAdcMap.DigitizerCurrentParameter));
        Assert.Equal(1250, parameters.Get(HousekeepingAdcMap.ReferenceParameter));   // 1249.5 mV, code 2499
        Assert.Equal(2499, parameters.Get(HousekeepingAdcMap.ReferenceCodeParameter));
        Assert.Equal(0, sampler.ReadFailures);

        detectorCelsius = 80;
        sampler.Run(1, 1_000_000);
        Assert.Equal(8000, parameters.Get(HousekeepingAdcMap.DetectorTemperatureParameter));
        Assert.Equal(14, sampler.Conversions);

        _model.Disconnected = true;
        sampler.Run(2, 2_000_000);
        Assert.Equal(7, sampler.ReadFailures);
        Assert.Equal(0x7F, parameters.Get(HousekeepingAdcMap.StaleParameter));
        Assert.Equal(8000, parameters.Get(HousekeepingAdcMap.DetectorTemperatureParameter));
    }
}
