using Payload.Boards.Simulated.Chips.Mcp3208;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// What the housekeeping ADC sees on the board (channel map of boards/datasheets: detector TEMP, MCP9700 board
/// sensor, rail dividers, current shunts, reference), driven by a board temperature that tests can push to excursions.
/// </summary>
public sealed class BoardAnalogInputs
{
    /// <summary>Board and detector temperature, °C.</summary>
    public double TemperatureCelsius { get; set; } = 25.0;

    /// <summary>5 V rail, volts.</summary>
    public double Rail5Volts { get; set; } = 5.0;

    /// <summary>3.3 V rail, volts.</summary>
    public double Rail3V3Volts { get; set; } = 3.3;

    /// <summary>LNA supply current, amperes.</summary>
    public double LnaAmperes { get; set; } = 0.060;

    /// <summary>Digitizer supply current, amperes.</summary>
    public double DigitizerAmperes { get; set; } = 0.200;

    /// <summary>Connects each channel of <paramref name="adc"/> to its circuit.</summary>
    public void Wire(Mcp3208Model adc)
    {
        adc.SetInput(0, () => 0.600 + 0.002 * (TemperatureCelsius - 25.0));   // AD8318 TEMP: 0.6 V at 25 °C, 2 mV/°C
        adc.SetInput(1, () => 0.500 + 0.010 * TemperatureCelsius);            // MCP9700: 500 mV at 0 °C, 10 mV/°C
        adc.SetInput(2, () => Rail5Volts * 10.0 / 40.0);                      // 30 kΩ / 10 kΩ divider
        adc.SetInput(3, () => Rail3V3Volts / 2.0);                            // 10 kΩ / 10 kΩ divider
        adc.SetInput(4, () => LnaAmperes * 0.100 * 50.0);                     // 100 mΩ shunt, gain 50
        adc.SetInput(5, () => DigitizerAmperes * 0.050 * 50.0);               // 50 mΩ shunt, gain 50
        adc.SetInput(6, () => 1.250);                                         // independent reference
        adc.SetInput(7, () => 0.0);                                           // spare, tied to ground
    }
}
