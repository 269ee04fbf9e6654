namespace Payload.Analysis;

/// <summary>
/// How far the on-board products may be from the ground's, and both from the truth, with the reason for each size.
/// Agreement tolerances follow from the board's output formats and fixed-point steps; truth tolerances from the method's
/// known bias plus about four standard deviations of the noise of a 0.05–0.1 dB-per-pulse pass.
/// </summary>
public static class Tolerances
{
    // ---- Board against ground -------------------------------------------------------------------------------------

    /// <summary>PRF: the board reports mHz, rounded (±0.0005 Hz); the median PRI itself is the same integer on both sides.</summary>
    public const double PrfHz = 0.001;

    /// <summary>Mean PRI, PRI jitter, width mean and spread: the board reports 1/16 tick, rounded or (square roots) floored.</summary>
    public const double Q4Ticks = 1.0 / 16;

    /// <summary>
    /// Peak time: each fit point's mean level is rounded to 1/16 code on board (rms 0.018 code), which moves the vertex by
    /// ≈ 1 µs rms with NISAR's 45 ms fit groups (2.2 µs at most over 30 synthetic passes); the Q16 vertex adds 0.7 µs.
    /// </summary>
    public const double PeakTimeS = 10e-6;

    /// <summary>
    /// 3 dB width in time, relative: the same 1/16-code rounding perturbs the fitted curvature by ≈ 3.5·10⁻⁶ rms
    /// (0.018 code against |c|·√Σ(u²−ū²)² ≈ 5000 codes) and the half width by half that; the Q16 half width adds
    /// 6·10⁻⁷. 2·10⁻⁵ is over five standard deviations.
    /// </summary>
    public const double BeamwidthRelative = 2e-5;

    /// <summary>3 dB width in angle, absolute on top of <see cref="BeamwidthRelative"/>: µdeg output rounding (0.5) and the CORDIC atan (6·10⁻⁸ °).</summary>
    public const double BeamwidthDeg = 1e-6;

    /// <summary>Peak level in dBm: mdBm output rounding (±0.5 mdB) plus the 1/16-code vertex level (0.1 mdB).</summary>
    public const double PeakDbm = 0.002;

    /// <summary>Peak level in codes: the board reports 1/16 code; the fit's level is exact up to the 1/16-code point rounding.</summary>
    public const double PeakCode = 0.1;

    /// <summary>Sidelobe levels and asymmetry, amplitude spread: mdB output rounding plus 1/16-code smoothed levels (0.1 mdB).</summary>
    public const double LevelDb = 0.002;

    // ---- Both against the truth -------------------------------------------------------------------------------------

    /// <summary>
    /// Peak time, as a fraction of the 3 dB dwell: σ ≈ noise / (2·|c|·√(N·w²/3)) is 0.57 ms for NISAR (dwell 2.5 s) and
    /// 0.22 ms for Sentinel-1 (dwell 0.5 s) at 0.1 dB per pulse; 2·10⁻³ of the dwell is 9σ and 4.5σ.
    /// </summary>
    public const double PeakTimeDwellFraction = 2e-3;

    /// <summary>
    /// 3 dB width, relative: the least-squares parabola over the 3.5 dB window is unbiased to 0.1 % for sinc², and the noise
    /// spread over 20 synthetic passes was 1.7·10⁻³ rms (S-1) — 0.75 % is over four standard deviations.
    /// </summary>
    public const double BeamwidthTruthRelative = 0.0075;

    /// <summary>3 dB width with a saturated beam top, relative: fitted on the shoulders only (−1 to −4.5 dB), sinc² reads ≈ 3 % narrow.</summary>
    public const double SaturatedBeamwidthTruthRelative = 0.05;

    /// <summary>Peak level: the parabola's vertex over the 3.5 dB sinc² window sits +0.024 dB above the true peak; noise adds ≈ 0.005 dB.</summary>
    public const double PeakLevelTruthDb = 0.06;

    /// <summary>Peak level with a saturated top: the vertex is extrapolated from the shoulders (+0.17 dB for sinc² at −1 dB saturation).</summary>
    public const double SaturatedPeakLevelTruthDb = 0.3;

    /// <summary>
    /// First sidelobe against sinc²'s −13.26 dB: smoothing over 50 ms flattens S-1's 0.25 s-wide sidelobe by &lt; 0.05 dB,
    /// the peak reference carries the +0.024 dB vertex bias, and the smoothed maximum of noisy bins reads high by ≈ 0.02 dB.
    /// </summary>
    public const double SidelobeTruthDb = 0.25;

    /// <summary>PRF without dither: the median PRI is an integer tick count, ±½ tick of a 55 000-tick PRI is ±0.013 Hz.</summary>
    public const double PrfTruthHz = 0.02;

    /// <summary>PRF with ±1 % uniform dither: the median of N ≈ 15 000 PRIs scatters by 0.01·PRI/√N ≈ 0.13 Hz; 1 Hz is 7σ.</summary>
    public const double DitheredPrfTruthHz = 1.0;

    /// <summary>Expected count against duration × PRF: the first and last detected pulses sit within a few PRIs of the window ends.</summary>
    public const double ExpectedCountRelative = 0.005;
}
