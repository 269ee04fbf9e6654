namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// The one-way along-track power pattern of a uniformly illuminated aperture, G(x) = sinc²(x) with
/// sinc(x) = sin(πx)/(πx) and x = D sin θ / λ, and its landmarks (half-power point, nulls, sidelobe peaks).
/// </summary>
public static class SincPattern
{
    /// <summary>Gain reported at an exact null, instead of −∞ dB.</summary>
    public const double NullGainDb = -300.0;

    /// <summary>x at which sinc²(x) = 1/2; the one-way 3 dB full width is 2 × 0.4429 ≈ 0.886 λ/D.</summary>
    public static readonly double HalfPowerX = SolveHalfPower();

    /// <summary>sinc²(x) as a power ratio (1 at x = 0).</summary>
    public static double Power(double x)
    {
        if (Math.Abs(x) < 1e-12)
        {
            return 1.0;
        }

        var a = Math.PI * x;
        var s = Math.Sin(a) / a;
        return s * s;
    }

    /// <summary>sinc²(x) in dB, floored at <see cref="NullGainDb"/>.</summary>
    public static double GainDb(double x)
    {
        var p = Power(x);
        return p <= 1e-30 ? NullGainDb : Math.Max(NullGainDb, 10.0 * Math.Log10(p));
    }

    /// <summary>x of the k-th sidelobe peak (k ≥ 1): the root of tan(πx) = πx between k and k + 1 (1.4303, 2.4590, 3.4709, …).</summary>
    public static double SidelobePeakX(int k)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);

        // Newton on f(u) = tan u − u with u = πx, started just below (k + ½)π where the root lies.
        var u = (k + 0.5) * Math.PI - 1.0 / ((k + 0.5) * Math.PI);
        for (var i = 0; i < 50; i++)
        {
            var t = Math.Tan(u);
            var step = (t - u) / (t * t);
            u -= step;
            if (Math.Abs(step) < 1e-15)
            {
                break;
            }
        }

        return u / Math.PI;
    }

    /// <summary>Level of the k-th sidelobe peak relative to the main-lobe peak, in dB (−13.26, −17.83, −20.79, …).</summary>
    public static double SidelobeLevelDb(int k) => GainDb(SidelobePeakX(k));

    private static double SolveHalfPower()
    {
        double low = 0.0, high = 1.0;
        for (var i = 0; i < 200; i++)
        {
            var mid = 0.5 * (low + high);
            if (Power(mid) > 0.5)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return 0.5 * (low + high);
    }
}
