namespace Payload.Boards.Simulated.Scene;

/// <summary>Front-end (LNA and detector) temperature over a pass, °C against seconds from the pass start.</summary>
public sealed class TemperatureProfile
{
    private readonly Func<double, double> celsiusAt;

    private TemperatureProfile(Func<double, double> celsiusAt) => this.celsiusAt = celsiusAt;

    /// <summary>The same temperature all pass.</summary>
    public static TemperatureProfile Constant(double celsius) => new(_ => celsius);

    /// <summary>A linear ramp: <paramref name="startCelsius"/> at t = 0, changing by <paramref name="celsiusPerSecond"/>.</summary>
    public static TemperatureProfile Ramp(double startCelsius, double celsiusPerSecond) =>
        new(t => startCelsius + celsiusPerSecond * t);

    /// <summary>Any temperature history (e.g. a sun/eclipse transient) given as a function of time.</summary>
    public static TemperatureProfile FromFunction(Func<double, double> celsiusAt)
    {
        ArgumentNullException.ThrowIfNull(celsiusAt);
        return new TemperatureProfile(celsiusAt);
    }

    /// <summary>Temperature at time t, °C.</summary>
    public double CelsiusAt(double t) => celsiusAt(t);
}
