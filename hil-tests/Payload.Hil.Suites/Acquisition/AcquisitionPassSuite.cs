using Payload.Analysis;
using Payload.Flight.Instrument.Products;
using Payload.GroundStation.Instrument;
using Payload.GroundStation.Reports;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.Hil.Suites.Acquisition;

/// <summary>
/// A full radar pass: the payload armed in ACQUIRE, a NISAR pass flown by the bench's radar stimulus, the pass's events,
/// and its ST[13] products and raw pulse records rebuilt on the ground; the on-board products checked against the
/// stimulus's truth (Tolerances' truth bounds) and against the ground's recomputation from every raw record
/// (Tolerances' agreement bounds, through ProductComparison).
/// </summary>
/// <remarks>
/// <para>Runs wherever the bench has <see cref="Capability.RadarStimulus"/>: <c>sim:</c> in virtual time, and a simulator
/// process started with <c>--control</c> (tcp and serial in run-targets.sh), in real time. Against a real board it is
/// skipped until a bench names a stimulus (a signal generator behind the same control protocol).</para>
/// <para>Real time: the pass is heard for 10 s, ends by loss of signal 3 s later, and at decimation 1 its ~15 000
/// 12-octet raw records need ~16 s of the 115 200-baud link (they go down while the pass runs), so one run takes about
/// 20 s of wall time on tcp and serial alike (the simulated UART paces both at the board's baud rate).
/// No shorter pass is needed, so none is made.</para>
/// </remarks>
public sealed class AcquisitionPassSuite(ITestOutputHelper output) : BenchTest(output)
{
    private const double TicksPerSecond = 80e6;

    [HilFact(Requires = Capability.RadarStimulus)]
    public void ANisarPassProducesProductsThatAgreeWithTheTruthAndTheGround()
    {
        Bench.OnTeardown("discard what is left of the pass (ACQ_RESET)", () => Bench.SendAndComplete("ACQ_RESET"));
        Bench.SendAndComplete("MODE_SET", "STANDBY");
        Bench.SendAndComplete("MODE_SET", "ACQUIRE");
        // Every record goes down raw, so the ground recomputes from the pass the board computed from.
        Bench.SendAndComplete("ACQ_SET_RAW_DECIMATION", 1);
        Bench.SendAndComplete("ACQ_ARM", 30, 120, "NISAR", 0, 0);
        Bench.AwaitEvent("ACQ_ARMED", e => e["radar"] == "NISAR");
        InstrumentDownlink downlink = Bench.WatchInstrumentDownlink();

        StimulusTruth truth = Bench.FlyPass(StimulusRadar.Nisar);

        Bench.AwaitEvent("ACQ_PASS_STARTED", within: TimeSpan.FromSeconds(5));
        TimeSpan passWindow = TimeSpan.FromSeconds(truth.VisibleDurationS + 10); // the 3 s loss of signal, and margin
        EventView ended = Bench.AwaitEvent("ACQ_PASS_ENDED", e => e["reason"] == "LOSS_OF_SIGNAL", within: passWindow);
        Bench.AwaitEvent("ACQ_PRODUCTS_READY", within: TimeSpan.FromSeconds(5));
        // The raw records' link time (~16 s) runs alongside the pass; 60 s bounds a link that falls far behind.
        Bench.AwaitInstrumentDownlink(downlink, d => d.Products is not null && d.HasLastRawChunk, TimeSpan.FromSeconds(60),
            "the products and the pass's last raw chunk");

        InstrumentMessage message = downlink.Products!;
        Assert.Null(message.Problem);
        PassProductValues board = message.Products!;
        Bench.Say($"pass ended {ended.Event.Describe()}; downlink {downlink}");
        Assert.Equal((long)ended["pulses"], board.PulseCount);
        Assert.Equal("NISAR", message.ExpectedRadar);
        Assert.Equal(1, message.Decimation);
        Assert.Equal((0L, 0L), (message.RecordsLost, message.RawDropped));
        Assert.InRange(board.PulseCount, 1000, truth.DeliveredPulses);

        CheckAgainstTruth(board, truth);
        CheckAgainstGround(board, downlink);
    }

    private void CheckAgainstTruth(PassProductValues board, StimulusTruth truth)
    {
        bool saturated = truth.SaturatedTop;
        long peakOffset = board.PeakToa is { } peak ? WrapToa((long)peak - truth.PeakToaTicks) : long.MaxValue;
        double? durationS = board.DurationTicks / TicksPerSecond;
        TruthCheck[] checks =
        [
            new("PRF", board.PrfHz, truth.PrfHz, truth.PrfDitherFraction > 0 ? Tolerances.DitheredPrfTruthHz : Tolerances.PrfTruthHz, "Hz"),
            new("Peak TOA minus truth", board.PeakToa is null ? null : peakOffset / TicksPerSecond, 0, Tolerances.PeakTimeDwellFraction * truth.DwellS, "s"),
            new("Beamwidth", board.BeamwidthDeg, truth.BeamwidthDeg,
                truth.BeamwidthDeg * (saturated ? Tolerances.SaturatedBeamwidthTruthRelative : Tolerances.BeamwidthTruthRelative), "deg"),
            new("Peak level", board.PeakDbm, truth.PeakDetectorInputDbm, saturated ? Tolerances.SaturatedPeakLevelTruthDb : Tolerances.PeakLevelTruthDb, "dBm"),
            new("First sidelobe left", board.SidelobeLeftDb, truth.FirstSidelobeDb, Tolerances.SidelobeTruthDb, "dB"),
            new("First sidelobe right", board.SidelobeRightDb, truth.FirstSidelobeDb, Tolerances.SidelobeTruthDb, "dB"),
            new("Expected pulses", board.ExpectedCount, durationS.Value * truth.PrfHz + 1,
                (durationS.Value * truth.PrfHz + 1) * Tolerances.ExpectedCountRelative, ""),
            // Not in Tolerances (no ground product is defined against it): one tick, the comparator's 12.5 ns step, is
            // several times the mean's noise (1 tick rms per pulse over thousands of pulses).
            new("Pulse width", board.WidthMeanTicks / TicksPerSecond, truth.PulseWidthS, 1 / TicksPerSecond, "s"),
            new("Geometry: ground speed", board.GroundSpeedMps, truth.GroundSpeedMps, 0.5, "m/s"),
            new("Geometry: slant range", board.SlantRangeM, truth.SlantRangeM, 0.5, "m"),
        ];
        Bench.Say("on-board products against the stimulus's truth:\n  " + string.Join("\n  ", checks.Select(c => c.ToString())));
        Assert.Empty(checks.Where(c => !c.Passes).Select(c => c.ToString()));
    }

    private void CheckAgainstGround(PassProductValues board, InstrumentDownlink downlink)
    {
        PulseSample[] records = downlink.RawChunks.OrderBy(c => c.ChunkSequence).SelectMany(c => c.Records).ToArray();
        Assert.All(downlink.RawChunks, c => Assert.Null(c.Problem));
        Assert.Equal(Enumerable.Range(0, downlink.RawChunks.Count), downlink.RawChunks.Select(c => c.ChunkSequence ?? -1).Order());
        Assert.Equal(board.PulseCount, records.Length);
        var context = new PassContext(board.GroundSpeedMps, board.SlantRangeM, board.DetectorTemperatureC);
        PassProductValues ground = GroundProducts.Compute(records.Select(r => r.ToAnalysis()).ToArray(), AnalysisSettings.FromFlight(new ProductSettings()), context);
        IReadOnlyList<ProductComparisonRow> rows = ProductComparison.Compare(board, ground);
        Bench.Say($"on-board products against the ground's recomputation from {records.Length} raw records:\n  "
            + string.Join("\n  ", rows.Select(r => $"{r.Product,-28} board {r.Onboard,16:G9} ground {r.Ground,16:G9} {r.Unit,-6} {r.Verdict}")));
        Assert.Empty(rows.Where(r => r.Verdict != ComparisonVerdict.Pass).Select(r => $"{r.Product}: board {r.Onboard}, ground {r.Ground}"));
    }

    /// <summary>A TOA difference on the 48-bit counter, as the nearest signed value.</summary>
    private static long WrapToa(long difference)
    {
        const long Modulus = 1L << 48;
        long d = ((difference % Modulus) + Modulus) % Modulus;
        return d >= Modulus / 2 ? d - Modulus : d;
    }
}
