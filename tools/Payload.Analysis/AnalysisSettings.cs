using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Products;

namespace Payload.Analysis;

/// <summary>
/// The algorithm parameters of the pass products in engineering units: the same definitions the board runs
/// (<see cref="ProductSettings"/>), so a difference between the two computations is arithmetic, not method.
/// </summary>
public sealed record AnalysisSettings
{
    /// <summary>TOA and width counter frequency, Hz (80 MHz).</summary>
    public double TicksPerSecond { get; init; } = ProductSettings.TicksPerSecond;

    /// <summary>Most pulses one pass holds; later pulses are rejected as on board.</summary>
    public int PulseCapacity { get; init; } = 50_000;

    /// <summary>Most pattern bins.</summary>
    public int BinCapacity { get; init; } = 6000;

    /// <summary>Pattern bin length, ticks.</summary>
    public int BinTicks { get; init; } = 800_000;

    /// <summary>Detector scale, ADC codes per dB (codes rise with power).</summary>
    public double CodesPerDb { get; init; } = 655.36;

    /// <summary>Level that code 0 stands for, dBm.</summary>
    public double CodeZeroDbm { get; init; } = -80.0;

    /// <summary>Shortest PRI of a cluster, ticks; closer pulses are satellites.</summary>
    public int MinPriTicks { get; init; } = 16_000;

    /// <summary>Longest PRI of a cluster, ticks.</summary>
    public int MaxPriTicks { get; init; } = 80_000;

    /// <summary>PRI histogram bucket width, ticks.</summary>
    public int PriBucketTicks { get; init; } = 128;

    /// <summary>ΔTOA above this many PRIs is a gap, not missed pulses.</summary>
    public int GapPriMultiple { get; init; } = 16;

    /// <summary>Fit window below the smoothed maximum, dB.</summary>
    public double FitWindowDb { get; init; } = 3.5;

    /// <summary>Half width of the smoothing window, bins.</summary>
    public int SmoothingHalfWidth { get; init; } = 2;

    /// <summary>Fewest pulses in a smoothing window.</summary>
    public int MinSmoothedCount { get; init; } = 4;

    /// <summary>Most consecutive empty bins a walk crosses.</summary>
    public int MaxGapBins { get; init; } = 80;

    /// <summary>Rise above the lowest level after the main lobe that marks the first null, dB.</summary>
    public double SidelobeHysteresisDb { get; init; } = 3.0;

    /// <summary>Fall below the highest level after the null that confirms the sidelobe peak, dB.</summary>
    public double SidelobeConfirmDb { get; init; } = 1.0;

    /// <summary>Flags that exclude a pulse from amplitude products (saturated, overlapping).</summary>
    public int AmplitudeExcludeFlags { get; init; } = (int)(PulseFlags.Saturated | PulseFlags.Overlapping);

    /// <summary>Flags that exclude a pulse from width products (truncated, overlapping).</summary>
    public int WidthExcludeFlags { get; init; } = (int)(PulseFlags.Truncated | PulseFlags.Overlapping);

    /// <summary>Level below the peak that defines the beamwidth: half power, 10·log10(2) dB.</summary>
    public double HalfPowerDb { get; init; } = 10.0 * Math.Log10(2.0);

    /// <summary>The ground twin of the board's settings.</summary>
    public static AnalysisSettings FromFlight(ProductSettings flight)
    {
        ArgumentNullException.ThrowIfNull(flight);
        return new AnalysisSettings
        {
            PulseCapacity = flight.PulseCapacity,
            BinCapacity = flight.BinCapacity,
            BinTicks = flight.BinTicks,
            CodesPerDb = flight.MilliCodesPerDb / 1000.0,
            CodeZeroDbm = flight.CodeZeroMilliDbm / 1000.0,
            MinPriTicks = flight.MinPriTicks,
            MaxPriTicks = flight.MaxPriTicks,
            PriBucketTicks = flight.PriBucketTicks,
            GapPriMultiple = flight.GapPriMultiple,
            FitWindowDb = flight.FitWindowMilliDb / 1000.0,
            SmoothingHalfWidth = flight.SmoothingHalfWidth,
            MinSmoothedCount = flight.MinSmoothedCount,
            MaxGapBins = flight.MaxGapBins,
            SidelobeHysteresisDb = flight.SidelobeHysteresisMilliDb / 1000.0,
            SidelobeConfirmDb = flight.SidelobeConfirmMilliDb / 1000.0,
            AmplitudeExcludeFlags = flight.AmplitudeExcludeFlags,
            WidthExcludeFlags = flight.WidthExcludeFlags,
        };
    }
}
