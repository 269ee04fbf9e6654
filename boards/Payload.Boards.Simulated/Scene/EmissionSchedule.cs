namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// The radar's emission schedule over the visible window, pulled one emission at a time: PRF and its dither, sub-swath
/// bursts, split-spectrum chirp pairs (see <see cref="PulseTrainGenerator.Emissions"/>).
/// </summary>
/// <remarks>A pull state machine rather than an iterator, so that pulse synthesis and the truth's census run without iterator frames.</remarks>
internal sealed class EmissionSchedule
{
    private readonly RadarProfile profile;
    private readonly SubSwath[] subSwaths;
    private readonly bool bursts;
    private readonly bool dither;
    private readonly SplitSpectrumMode? split;
    private readonly Pcg32 ditherRandom;
    private readonly double end;
    private int subSwath;
    private double burstEnd = double.PositiveInfinity;
    private double t;
    private PulseEffects pending = PulseEffects.None;
    private bool hasSecondChirp;
    private RadarEmission secondChirp;
    private bool finished;

    /// <summary>Starts the schedule of <paramref name="geometry"/>'s radar at the pass start, its dither stream afresh.</summary>
    /// <exception cref="InvalidOperationException">Bursts are on and the profile's burst durations do not add up to a positive cycle.</exception>
    public EmissionSchedule(PassGeometry geometry, SceneOptions options)
    {
        profile = geometry.Profile;
        subSwaths = [.. profile.SubSwaths];
        var effects = options.Effects;
        bursts = effects.SubSwathBursts && profile.HasBursts;
        dither = effects.PrfDither && profile.PrfDitherFraction > 0.0;
        split = effects.SplitSpectrum ? profile.SplitSpectrum : null;
        ditherRandom = new Pcg32(options.Seed, PulseTrainGenerator.DitherStream);
        end = profile.VisibleDurationS;

        subSwath = profile.ReceiverSubSwath;
        if (bursts)
        {
            (subSwath, burstEnd) = BurstAtPassStart(profile, options.BurstPhaseS);
        }

        t = options.FirstPulsePhase * profile.SubSwaths[subSwath].PriS;
    }

    /// <summary>The next emission in time order; false once the visible window is over.</summary>
    public bool TryNext(out RadarEmission emission)
    {
        if (hasSecondChirp)
        {
            hasSecondChirp = false;
            emission = secondChirp;
            return true;
        }

        while (!finished)
        {
            var current = subSwaths[subSwath];
            var span = split is null ? current.PulseWidthS : split.SecondChirpDelayS + split.SecondWidthS;
            if (bursts && t + span > burstEnd)
            {
                // The rest of this burst cannot hold another pulse: switch beam and PRF to the next sub-swath.
                subSwath = (subSwath + 1) % subSwaths.Length;
                t = burstEnd + profile.BurstSwitchGapS;
                burstEnd += subSwaths[subSwath].BurstDurationS;
                pending = PulseEffects.BurstStart;
                continue;
            }

            if (t >= end)
            {
                finished = true;
                break;
            }

            if (split is null)
            {
                emission = new RadarEmission(t, current.PulseWidthS, profile.CentreFrequencyHz, subSwath, pending);
            }
            else
            {
                emission = new RadarEmission(t, split.FirstWidthS, split.FirstFrequencyHz, subSwath, pending | PulseEffects.SplitSpectrumFirst);
                secondChirp = new RadarEmission(t + split.SecondChirpDelayS, split.SecondWidthS, split.SecondFrequencyHz, subSwath, pending | PulseEffects.SplitSpectrumSecond);
                hasSecondChirp = true;
            }

            // The next PRI is drawn now, before the second chirp goes out: the dither stream is this schedule's alone.
            var pri = current.PriS;
            pending = PulseEffects.None;
            if (dither)
            {
                pri *= 1.0 + profile.PrfDitherFraction * ditherRandom.NextSigned();
                pending = PulseEffects.PrfDither;
            }

            t += pri;
            return true;
        }

        emission = default;
        return false;
    }

    private static (int SubSwath, double BurstEnd) BurstAtPassStart(RadarProfile profile, double burstPhaseS)
    {
        var cycle = profile.BurstCycleS;
        if (cycle <= 0.0)
        {
            throw new InvalidOperationException($"{profile.Name}: sub-swath bursts need positive burst durations.");
        }

        var phase = burstPhaseS % cycle;
        if (phase < 0.0)
        {
            phase += cycle;
        }

        var subSwath = 0;
        var burstStart = 0.0;
        while (subSwath < profile.SubSwaths.Count - 1 && phase >= burstStart + profile.SubSwaths[subSwath].BurstDurationS)
        {
            burstStart += profile.SubSwaths[subSwath].BurstDurationS;
            subSwath++;
        }

        return (subSwath, burstStart + profile.SubSwaths[subSwath].BurstDurationS - phase);
    }
}
