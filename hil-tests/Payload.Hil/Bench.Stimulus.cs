using System.Globalization;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>
    /// Flies a <paramref name="radar"/> pass over the board's antenna input from now, through the bench's radar stimulus,
    /// and returns what the stimulus knows of it (PRF, pulse width, true peak on the digitizer's TOA counter, beamwidth,
    /// sidelobe, received level). On <c>sim:</c> the in-process board flies it (virtual time); elsewhere the bench control
    /// port <see cref="BenchTarget.ControlVariable"/> names does (a simulator started with <c>--control</c>).
    /// </summary>
    /// <remarks>Mark the test <c>[HilFact(Requires = Capability.RadarStimulus)]</c>: a target without a stimulus skips it.</remarks>
    public StimulusTruth FlyPass(StimulusRadar radar, ulong seed = 1)
    {
        var request = new PassRequest(radar, seed);
        Require(Capability.RadarStimulus);
        _log.Add(Now, '~', $"stimulus: {request.ToCommand()}");
        StimulusTruth truth = WithInstruments(Capability.RadarStimulus, instruments => instruments.FlyPass(request));
        Say(string.Create(CultureInfo.InvariantCulture,
            $"stimulus: {radar.Label()} overhead for {truth.VisibleDurationS:0.#} s: PRF {truth.PrfHz:0.###} Hz, pulses {truth.PulseWidthS * 1e6:0.#} us, "
            + $"peak at {truth.PeakTimeS:0.000} s (TOA {truth.PeakToaTicks}) {truth.PeakDetectorInputDbm:0.00} dBm, beamwidth {truth.BeamwidthDeg:0.0000} deg, "
            + $"dwell {truth.DwellS:0.000} s, {truth.DeliveredPulses} pulses delivered"));
        return truth;
    }
}
