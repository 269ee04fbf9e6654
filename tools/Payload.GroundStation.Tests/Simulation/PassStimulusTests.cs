using Payload.Boards.Simulated.Engine;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Tests.Simulation;

/// <summary>The stimulus flies the requested pass over a board and tells its truth on the digitizer's own TOA counter.</summary>
public sealed class PassStimulusTests
{
    [Fact]
    public void ThePeakTheStimulusNamesIsWhereTheDigitizersCounterStandsWhenThePeakArrives()
    {
        var board = new SimulatedBoard();
        board.RunFor(1_000_000);

        StimulusTruth truth = PassStimulus.Fly(board, new PassRequest(StimulusRadar.Nisar));
        board.RunFor((long)Math.Round(truth.PeakTimeS * 1e6));
        board.Digitizer.AdvanceTo(board.NowTicks);

        // Board time is whole microseconds (80 ticks); the peak is rounded to a tick.
        Assert.InRange(board.Digitizer.ToaCounter - truth.PeakToaTicks, -80, 80);
        // The chip counts from its boot-time reset, not from power-on: the board's own axis would be wrong.
        Assert.NotInRange(board.NowTicks - truth.PeakToaTicks, -80_000, 80_000);
    }

    [Theory]
    [InlineData(StimulusRadar.Nisar, 1650.0, 40e-6, 0.01, false, 10.0, 1650.0 * 1.01)]
    [InlineData(StimulusRadar.Sentinel1, 1451.6, 61.7e-6, 0.0, true, 8.0, 1717.1)] // every sub-swath's pulses reach the receiver
    public void TheTruthDescribesTheRadarFlown(StimulusRadar radar, double prfHz, double widthS, double dither, bool bursts, double visibleS, double highestPrfHz)
    {
        var board = new SimulatedBoard();

        StimulusTruth truth = PassStimulus.Fly(board, new PassRequest(radar, 5));

        Assert.Equal((radar, 5UL, prfHz, widthS, dither, bursts, visibleS),
            (truth.Radar, truth.Seed, truth.PrfHz, truth.PulseWidthS, truth.PrfDitherFraction, truth.Bursts, truth.VisibleDurationS));
        Assert.InRange(truth.PeakTimeS, visibleS / 2, visibleS / 2 + 0.01); // mid-window, plus the slant range's delay
        Assert.InRange(truth.DeliveredPulses, (int)(0.9 * visibleS * prfHz / (bursts ? 3 : 1)), (int)(visibleS * highestPrfHz));
        Assert.True(board.RadarInput.TryPeek(out _), "the pass is overhead");
    }
}
