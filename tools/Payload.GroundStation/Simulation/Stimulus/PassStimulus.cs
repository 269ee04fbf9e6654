using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>Flies a requested pass over a simulated board and says what it flew: the one place both the in-process bench and the simulator process's bench control port go through (<see cref="BenchControl.SimulatedBenchInstruments"/>).</summary>
public static class PassStimulus
{
    /// <summary>
    /// Puts the pass of <paramref name="request"/> overhead from now (<see cref="SimulatedBoard.FlyPass(RadarProfile, SceneOptions?, double?)"/>)
    /// and returns its truth. Call it on the thread that runs the board.
    /// </summary>
    public static StimulusTruth Fly(SimulatedBoard board, PassRequest request)
    {
        ArgumentNullException.ThrowIfNull(board);
        ArgumentNullException.ThrowIfNull(request);
        RadarProfile profile = request.Radar.Profile();
        var options = new SceneOptions { Seed = request.Seed };
        RadarPass pass = board.FlyPass(profile, options);
        // The scene stamps TOAs on the board's tick axis; the chip counts from its last reset (its epoch), which is
        // its present tick minus its counter.
        long chipEpoch = board.Digitizer.NowTicks - board.Digitizer.ToaCounter;
        PassTruth truth = pass.Truth;
        SubSwath receiver = profile.SubSwaths[profile.ReceiverSubSwath];
        return new StimulusTruth
        {
            Radar = request.Radar,
            Seed = request.Seed,
            PrfHz = receiver.PrfHz,
            PrfDitherFraction = profile.PrfDitherFraction,
            Bursts = profile.HasBursts,
            PulseWidthS = receiver.PulseWidthS,
            VisibleDurationS = profile.VisibleDurationS,
            PeakTimeS = truth.PeakArrivalTimeS,
            PeakToaTicks = (truth.PeakToaTicks - chipEpoch) & DigitizerChip.ToaMask,
            PeakDetectorInputDbm = truth.PeakDetectorInputDbm,
            DetectorSaturationDbm = pass.Options.Detector.Detector.SaturationDbm,
            BeamwidthDeg = truth.BeamwidthDeg,
            DwellS = truth.DwellS,
            FirstSidelobeDb = truth.SidelobeLevelsDb[0],
            GroundSpeedMps = profile.GroundSpeedMps,
            SlantRangeM = profile.SlantRangeM,
            DeliveredPulses = truth.DeliveredPulsesVisible,
        };
    }
}
