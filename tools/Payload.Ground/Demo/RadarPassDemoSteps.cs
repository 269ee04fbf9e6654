using Payload.Boards.Simulated.Scene;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Reports;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Demo;

/// <summary>
/// The radar pass of the demo: arm the acquisition, fly a NISAR (or Sentinel-1 IW) pass over the simulated board,
/// receive the products and raw pulse records over ST[13], recompute the products on the ground and write the
/// pass report from the archive.
/// </summary>
public static class RadarPassDemoSteps
{
    /// <summary>The steps for <paramref name="radar"/>.</summary>
    public static IEnumerable<DemoStep> For(DemoRadar radar)
    {
        var profile = radar == DemoRadar.Sentinel1 ? RadarProfile.Sentinel1Iw() : RadarProfile.NisarL();
        string label = radar == DemoRadar.Sentinel1 ? "SENTINEL1" : "NISAR";
        RadarPass? pass = null;
        yield return new DemoStep($"Radar pass: ACQUIRE mode and ACQ_ARM radar={label}", demo => Arm(demo, label));
        yield return new DemoStep($"Radar pass: {profile.Name} overhead", demo => pass = Fly(demo, profile));
        yield return new DemoStep("Radar pass: products on the ground, recomputed and compared; the pass report", demo => Report(demo, pass));
    }

    private static void Arm(DemoContext demo, string radar)
    {
        TrackedCommand acquire = demo.Station.SendLine("MODE_SET ACQUIRE");
        demo.AwaitFinished(acquire);
        demo.Expect(acquire.State == CommandState.Completed, "MODE_SET ACQUIRE completed");
        int from = demo.Received.Count;
        TrackedCommand arm = demo.Station.SendLine($"ACQ_ARM radar={radar} max_wait_s=60 pass_timeout_s=120 prf_hint_hz=0 slant_range_km=0");
        demo.AwaitFinished(arm);
        demo.Expect(arm.State == CommandState.Completed, "ACQ_ARM completed");
        demo.RunFor(0.2);
        demo.Expect(demo.Events("ACQ_ARMED", from).Any(), "ACQ_ARMED reported");
    }

    private static RadarPass Fly(DemoContext demo, RadarProfile profile)
    {
        int from = demo.Received.Count;
        RadarPass pass = demo.Board.FlyPass(profile);
        demo.Say($"{profile.Name}: {pass.Pulses.Count} pulses over {profile.VisibleDurationS:F0} s, true beamwidth {pass.Truth.BeamwidthDeg:F4} deg, true PRF {pass.Truth.ReceiverPrfHz:F1} Hz");
        var products = false;
        for (int second = 1; second <= 120 && !(products && demo.Archive.HasCompletePass); second++)
        {
            demo.RunFor(1);
            products = demo.Events("ACQ_PRODUCTS_READY", from).Any();
            long pulses = demo.Board.Instrument!.Flight.Parameters.Get(Payload.Flight.Instrument.Acquisition.AcquisitionDictionary.PassPulsesParameter);
            demo.Progress($"t+{second,3} s  pulses in pass {pulses,6}  link {demo.Board.Uart.OctetsDownlinked,8} octets down");
        }
        demo.Expect(demo.Events("ACQ_PASS_STARTED", from).Any(), "ACQ_PASS_STARTED reported");
        demo.Expect(demo.Events("ACQ_PASS_ENDED", from).Any(), "ACQ_PASS_ENDED reported");
        demo.Expect(products, "ACQ_PRODUCTS_READY reported");
        demo.Expect(demo.Archive.HasProducts, "the products message was rebuilt on the ground from its ST[13] parts");
        demo.Expect(demo.Archive.HasCompletePass, "the pass's last raw chunk was rebuilt on the ground");
        return pass;
    }

    private static void Report(DemoContext demo, RadarPass? pass)
    {
        demo.Archive.Writer.Flush();
        using var reader = new ArchiveReader(demo.Archive.Writer.Path);
        ArchivedPass? archived = reader.Passes().LastOrDefault();
        if (!demo.Expect(archived is not null, "the pass is in the archive")) return;
        PassData data = reader.LoadPass(archived!.Id);
        PassReportInput input = PassReportInput.FromArchive(data);
        string directory = Path.Combine(demo.OutputDirectory, $"pass-{archived.Id}");
        PassReportResult result = PassReport.Write(directory, input);

        demo.Say($"{data.Pulses.Count} raw pulse records received; on-board products vs ground recomputation:");
        foreach (var row in result.Comparison)
        {
            demo.Say($"  {row.Product,-28} board {Format(row.Onboard),14}  ground {Format(row.Ground),14} {row.Unit,-6} {row.Verdict}");
        }
        demo.Expect(data.Pulses.Count > 1000, "raw pulse records archived");
        demo.Expect(result.AllAgree, "every on-board product agrees with the ground's within its tolerance");
        if (pass is not null && input.Onboard.BeamwidthDeg is { } beamwidth)
        {
            double error = Math.Abs(beamwidth - pass.Truth.BeamwidthDeg) / pass.Truth.BeamwidthDeg;
            demo.Say($"beamwidth {beamwidth:F4} deg against the scene's true {pass.Truth.BeamwidthDeg:F4} deg ({error:P2})");
            demo.Expect(error < 0.05, "the on-board beamwidth recovers the scene's within 5 %");
        }
        demo.Say($"pass report: {result.MarkdownPath} ({result.Images.Count} plots); archive: {demo.Archive.Writer.Path}");
        demo.Expect(File.Exists(result.MarkdownPath) && result.Images.All(File.Exists), "the pass report and its plots were written");
    }

    private static string Format(double? value) => value is { } v ? v.ToString("G8", System.Globalization.CultureInfo.InvariantCulture) : "—";
}

/// <summary>The radar the demo flies.</summary>
public enum DemoRadar
{
    /// <summary>NISAR L-band.</summary>
    Nisar,

    /// <summary>Sentinel-1 C-band, IW mode.</summary>
    Sentinel1,
}
