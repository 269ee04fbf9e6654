using Payload.Flight.Instrument;
using System.Diagnostics;
using Payload.Boards.Simulated.Engine;
using Payload.Flight;
using Payload.GroundStation;
using Payload.GroundStation.Link;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Demo;

/// <summary>
/// The scripted ground session against an in-process simulated board: runs <see cref="Steps"/> in order in virtual
/// time, printing the telemetry as it arrives, then a summary; the exit code says whether every expectation held.
/// </summary>
/// <remarks>Add steps to <see cref="Steps"/> (e.g. the radar pass of issue 4) before <see cref="Run"/>.</remarks>
public sealed class DemoSession
{
    /// <summary>Creates the session with the core steps and the radar pass, writing its archive and report under <paramref name="outputDirectory"/>.</summary>
    public DemoSession(double? virtualSeconds = null, bool quiet = false, DemoRadar radar = DemoRadar.Nisar, string outputDirectory = "out/demo")
    {
        VirtualSeconds = virtualSeconds;
        Quiet = quiet;
        OutputDirectory = outputDirectory;
        Steps = [.. CoreDemoSteps.All, .. RadarPassDemoSteps.For(radar)];
    }

    /// <summary>Where the archive (payload-archive.db) and the pass reports go.</summary>
    public string OutputDirectory { get; }

    /// <summary>The steps, in order.</summary>
    public List<DemoStep> Steps { get; }

    /// <summary>Virtual duration of the session; null: as long as the steps take.</summary>
    public double? VirtualSeconds { get; }

    /// <summary>When true, telemetry is not printed, only the steps, checks and summary.</summary>
    public bool Quiet { get; }

    /// <summary>Runs the session, printing to <paramref name="output"/>; returns 0 when every expectation held, 1 when not.</summary>
    public int Run(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var wall = Stopwatch.StartNew();
        var board = new SimulatedBoard();
        using var link = new SimulatedBoardLink(board);
        using var station = new GroundSession(link, InstrumentSoftware.BuildDictionary());
        Directory.CreateDirectory(OutputDirectory);
        using var archive = new DemoArchive(Path.Combine(OutputDirectory, "payload-archive.db"), station);
        var context = new DemoContext(board, station, output) { Archive = archive, OutputDirectory = OutputDirectory };
        var printer = new TelemetryPrinter(output);
        station.Received += context.Record;
        if (!Quiet) station.Received += printer.Print;
        station.PacketRejected += (packet, status) => output.WriteLine($"  !! rejected a {packet.Length}-octet frame: {status}");

        output.WriteLine($"payload ground demo: simulated board at {board.Uart.BaudRate} baud, ground dictionary hash {ValueFormat.Hash(station.Dictionary.Hash)}");
        for (int i = 0; i < Steps.Count; i++)
        {
            output.WriteLine();
            output.WriteLine($"== {i + 1}. {Steps[i].Title}  [t={ValueFormat.Seconds(board.NowMicroseconds)} s]");
            try
            {
                Steps[i].Run(context);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                context.Expect(false, $"step ran without an exception ({e.GetType().Name}: {e.Message})");
            }
        }

        if (VirtualSeconds is { } seconds)
        {
            long end = (long)(seconds * 1e6);
            if (board.NowMicroseconds < end)
            {
                output.WriteLine();
                output.WriteLine($"== running on to t={ValueFormat.Seconds(end)} s");
                board.RunFor(end - board.NowMicroseconds);
            }
            else
            {
                output.WriteLine();
                output.WriteLine($"note: the script needed {ValueFormat.Seconds(board.NowMicroseconds)} s of virtual time, more than --seconds {seconds}");
            }
        }

        WriteSummary(output, context, wall.Elapsed);
        return context.Failures.Count == 0 ? 0 : 1;
    }

    private static void WriteSummary(TextWriter output, DemoContext context, TimeSpan wall)
    {
        GroundStatistics statistics = context.Station.Statistics;
        CommandTracker tracker = context.Station.Tracker;
        double seconds = context.Now / 1e6;
        double capacity = context.Board.Uart.BaudRate / 10.0 * seconds;
        output.WriteLine();
        output.WriteLine("== summary");
        output.WriteLine($"  virtual time        {seconds:0.000} s in {wall.TotalSeconds:0.00} s of wall time");
        output.WriteLine($"  packets received    {statistics.PacketsReceived} ({string.Join(", ", statistics.PacketsByType.Select(p => $"{p.Key} {p.Value}"))})");
        output.WriteLine($"  packets rejected    {statistics.PacketsRejected}; downlink frames discarded {statistics.FramesDiscarded}");
        long embedded = tracker.Commands.Count - statistics.CommandsSent;
        string inside = embedded > 0 ? $" (+{embedded} time-tagged inside SCHED_INSERT)" : "";
        output.WriteLine($"  commands            {statistics.CommandsSent} sent{inside}: {tracker.CompletedCount} completed, {tracker.FailedCount} failed ({context.ProvokedFailures} on purpose), {tracker.PendingCount} pending; {context.Refused} refused by the encoder");
        output.WriteLine($"  downlink            {statistics.OctetsReceived} octets, {100 * statistics.OctetsReceived / capacity:0.0}% of the link over the session");
        output.WriteLine($"  uplink              {statistics.OctetsSent} octets, {100 * statistics.OctetsSent / capacity:0.00}% of the link");
        output.WriteLine($"  dictionary          {context.Station.LastHashCheck?.ToString() ?? "hash never reported"}");
        if (context.Failures.Count == 0)
        {
            output.WriteLine($"  result              all {context.Checks} expectations held");
        }
        else
        {
            output.WriteLine($"  result              {context.Failures.Count} of {context.Checks} expectations FAILED:");
            foreach (string failure in context.Failures) output.WriteLine($"    - {failure}");
        }
    }
}
