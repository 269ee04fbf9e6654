namespace Payload.Analysis.Tests;

/// <summary>
/// A pass generated here, independently of the simulated board: a sinc² along-track pattern seen through
/// θ(t) = atan(v_g (t − t0) / R0), Gaussian noise in dB, a detection threshold, dropped pulses, saturation and PRI dither,
/// with fixed seeds. Codes follow the detector convention (rise with power, 655.36 codes/dB, code 0 = −80 dBm).
/// </summary>
public sealed record SyntheticPass
{
    /// <summary>TOA ticks per second.</summary>
    public const double TicksPerSecond = 80e6;

    public required string Name { get; init; }
    public int Seed { get; init; } = 1;
    public double PrfHz { get; init; } = 1650.0;
    public double DitherFraction { get; init; }
    public double PulseWidthS { get; init; } = 40e-6;
    public double WavelengthM { get; init; } = 0.2384;
    public double AntennaLengthM { get; init; } = 12.0;
    public int GroundSpeedMps { get; init; } = 6700;
    public int SlantRangeM { get; init; } = 960_000;
    public double DurationS { get; init; } = 10.0;
    public double PeakTimeS { get; init; } = 5.0;
    public double PeakDbm { get; init; } = -26.0;
    public double NoiseDb { get; init; } = 0.1;
    public double ThresholdDbm { get; init; } = -50.0;
    public double SaturationDbm { get; init; } = 200.0;
    public double DropProbability { get; init; }
    public long EpochTicks { get; init; } = 123_456_789;

    /// <summary>Codes per dB.</summary>
    public double CodesPerDb { get; init; } = 655.36;

    /// <summary>True one-way 3 dB full beamwidth, degrees: 2·asin(0.442946 λ/D).</summary>
    public double BeamwidthDeg => 2.0 * Math.Asin(0.442946470689452 * WavelengthM / AntennaLengthM) * 180.0 / Math.PI;

    /// <summary>True TOA of the pattern peak, ticks.</summary>
    public double PeakToa => EpochTicks + PeakTimeS * TicksPerSecond;

    /// <summary>True peak code.</summary>
    public double PeakCode => (PeakDbm + 80.0) * CodesPerDb;

    /// <summary>The detected pulses in arrival order.</summary>
    public List<(long Toa, int Width, int PeakCode, int Flags)> Generate()
    {
        var random = new Random(Seed);
        var pulses = new List<(long, int, int, int)>();
        double pri = 1.0 / PrfHz;
        for (double t = 0.37 * pri; t < DurationS; t += pri * (1.0 + DitherFraction * (2.0 * random.NextDouble() - 1.0)))
        {
            double noise = NoiseDb * Gaussian(random);
            double widthNoise = Gaussian(random);
            if (random.NextDouble() < DropProbability)
            {
                continue;
            }

            double theta = Math.Atan(GroundSpeedMps * (t - PeakTimeS) / SlantRangeM);
            double level = PeakDbm + SincSquaredDb(AntennaLengthM * Math.Sin(theta) / WavelengthM) + noise;
            if (level < ThresholdDbm)
            {
                continue;
            }

            int flags = 0;
            if (level >= SaturationDbm)
            {
                level = SaturationDbm;
                flags |= 0x01;
            }

            int code = (int)Math.Clamp(Math.Round((level + 80.0) * CodesPerDb), 0, 65535);
            int width = (int)Math.Round(PulseWidthS * TicksPerSecond + widthNoise);
            pulses.Add((EpochTicks + (long)Math.Round(t * TicksPerSecond), width, code, flags));
        }

        return pulses;
    }

    private static double SincSquaredDb(double x)
    {
        if (Math.Abs(x) < 1e-12)
        {
            return 0.0;
        }

        double s = Math.Sin(Math.PI * x) / (Math.PI * x);
        return 10.0 * Math.Log10(Math.Max(s * s, 1e-30));
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public override string ToString() => Name;
}
