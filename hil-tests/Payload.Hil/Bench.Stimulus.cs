using System.Globalization;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>How long the stimulus may take to connect and to answer a command (wall time).</summary>
    private static readonly TimeSpan StimulusTimeout = TimeSpan.FromSeconds(10);

    private StimulusClient? _stimulus;

    /// <summary>
    /// Flies a <paramref name="radar"/> pass over the board's antenna input from now, through the target's radar stimulus,
    /// and returns what the stimulus knows of it (PRF, pulse width, true peak on the digitizer's TOA counter, beamwidth,
    /// sidelobe, received level). On <c>sim:</c> the in-process board flies it (virtual time); elsewhere the control
    /// port <see cref="BenchTarget.StimulusVariable"/> names does (a simulator started with <c>--stimulus</c>).
    /// </summary>
    /// <remarks>Mark the test <c>[HilFact(Requires = Capability.RadarStimulus)]</c>: a target without a stimulus skips it.</remarks>
    public StimulusTruth FlyPass(StimulusRadar radar, ulong seed = 1)
    {
        Require(Capability.RadarStimulus);
        var request = new PassRequest(radar, seed);
        _log.Add(Now, '~', $"stimulus: {request.ToCommand()}");
        StimulusTruth truth;
        try
        {
            if (Board is not null)
            {
                truth = PassStimulus.Fly(Board, request);
            }
            else
            {
                _stimulus ??= StimulusClient.Connect(Target.Stimulus!, StimulusTimeout);
                truth = _stimulus.Fly(request);
            }
        }
        catch (StimulusException e)
        {
            throw Fail($"{e.Message} ({BenchTarget.StimulusVariable}={Target.Stimulus})");
        }
        Say(string.Create(CultureInfo.InvariantCulture,
            $"stimulus: {radar.Label()} overhead for {truth.VisibleDurationS:0.#} s: PRF {truth.PrfHz:0.###} Hz, pulses {truth.PulseWidthS * 1e6:0.#} us, "
            + $"peak at {truth.PeakTimeS:0.000} s (TOA {truth.PeakToaTicks}) {truth.PeakDetectorInputDbm:0.00} dBm, beamwidth {truth.BeamwidthDeg:0.0000} deg, "
            + $"dwell {truth.DwellS:0.000} s, {truth.DeliveredPulses} pulses delivered"));
        return truth;
    }

    private void CloseStimulus()
    {
        _stimulus?.Dispose();
        _stimulus = null;
    }
}
