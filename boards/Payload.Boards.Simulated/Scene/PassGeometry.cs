namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Geometry and received power of one straight-line pass: θ(t) = atan(v_g (t − t0) / R0), the one-way sinc² along-track
/// pattern G_az = sinc²(D sin θ / λ), and P(t) = P_pk · G_az(θ(t)). Times are seconds of radar time from the pass start.
/// </summary>
public sealed class PassGeometry
{
    /// <summary>Creates the geometry; the pattern peak is at <paramref name="peakTimeS"/>, by default the middle of the visible window.</summary>
    public PassGeometry(RadarProfile profile, double? peakTimeS = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.SlantRangeM);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.GroundSpeedMps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(profile.AntennaLengthM);
        Profile = profile;
        PeakTimeS = peakTimeS ?? profile.VisibleDurationS / 2.0;
    }

    /// <summary>The radar being heard.</summary>
    public RadarProfile Profile { get; }

    /// <summary>t0: time of closest approach, where the along-track pattern peaks.</summary>
    public double PeakTimeS { get; }

    /// <summary>One-way 3 dB full beamwidth at the centre frequency, radians: 2·asin(0.4429 λ/D) ≈ 0.886 λ/D.</summary>
    public double HalfPowerBeamwidthRad => HalfPowerBeamwidthRadAt(Profile.CentreFrequencyHz);

    /// <summary>Time the receiver spends inside the 3 dB beam: 2·R0·tan(θ₃/2)/v_g.</summary>
    public double HalfPowerDwellS => 2.0 * OffsetForAngleS(HalfPowerBeamwidthRad / 2.0);

    /// <summary>Along-track angle θ(t) between the beam centre and the receiver, radians (negative before t0).</summary>
    public double AngleRad(double t) => Math.Atan(Profile.GroundSpeedMps * (t - PeakTimeS) / Profile.SlantRangeM);

    /// <summary>Slant range to the receiver at time t, metres.</summary>
    public double SlantRangeM(double t)
    {
        var along = Profile.GroundSpeedMps * (t - PeakTimeS);
        return Math.Sqrt(Profile.SlantRangeM * Profile.SlantRangeM + along * along);
    }

    /// <summary>One-way propagation delay of a pulse emitted at time t.</summary>
    public double PropagationDelayS(double t) => SlantRangeM(t) / RadarProfile.SpeedOfLight;

    /// <summary>Along-track pattern gain at time t for a carrier, dB (0 at the peak).</summary>
    public double PatternGainDb(double t, double frequencyHz) =>
        SincPattern.GainDb(PatternX(AngleRad(t), RadarProfile.SpeedOfLight / frequencyHz));

    /// <summary>Along-track pattern gain at time t at the centre frequency, dB.</summary>
    public double PatternGainDb(double t) => PatternGainDb(t, Profile.CentreFrequencyHz);

    /// <summary>Received power P(t) = P_pk + G_az(θ(t)) at the centre frequency, dBm into 0 dBi (elevation gain not included).</summary>
    public double ReceivedPowerDbm(double t) => Profile.PeakPowerDbm + PatternGainDb(t);

    /// <summary>One-way 3 dB full beamwidth for a carrier, radians.</summary>
    public double HalfPowerBeamwidthRadAt(double frequencyHz) =>
        2.0 * Math.Asin(SincPattern.HalfPowerX * (RadarProfile.SpeedOfLight / frequencyHz) / Profile.AntennaLengthM);

    /// <summary>Time from t0 at which the receiver sits at along-track angle θ: R0·tan θ / v_g.</summary>
    public double OffsetForAngleS(double angleRad) => Profile.SlantRangeM * Math.Tan(angleRad) / Profile.GroundSpeedMps;

    /// <summary>Along-track angle at which the pattern variable x = D sin θ / λ takes a value, radians.</summary>
    public double AngleForPatternX(double x) => Math.Asin(x * Profile.WavelengthM / Profile.AntennaLengthM);

    private double PatternX(double angleRad, double wavelengthM) => Profile.AntennaLengthM * Math.Sin(angleRad) / wavelengthM;
}
