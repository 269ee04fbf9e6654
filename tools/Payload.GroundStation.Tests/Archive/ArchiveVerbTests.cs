using Payload.Dictionary.Json;
using Payload.Flight.Dictionary;
using Payload.Ground;
using Payload.Ground.Live;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Tests.Reports;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>The CLI's archive and plot verbs on an archive of a short session with one pass.</summary>
public sealed class ArchiveVerbTests : IClassFixture<ArchiveVerbTests.SessionArchive>
{
    private readonly SessionArchive _archive;

    public ArchiveVerbTests(SessionArchive archive) => _archive = archive;

    [Fact]
    public void ParametersPrintOneLinePerValueInTheRange()
    {
        var (code, output, _) = Run("archive", "--db", _archive.Path, "parameters", "sys.uptime", "--from", "1.5", "--to", "3.5");

        Assert.Equal(0, code);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal("      time s           raw     engineering  unit      limit    source", lines[0]);
        Assert.Equal("       2.010             1               1  s         NOMINAL  HK_CORE", lines[1]);
        Assert.Equal("       3.010             2               2  s         NOMINAL  HK_CORE", lines[2]);
        Assert.Equal("2 value(s) of sys.uptime from 1.500 to 3.500 s of on-board time", lines[3]);
    }

    [Fact]
    public void ParametersWithCsvWriteTheQuery()
    {
        string file = System.IO.Path.Combine(_archive.Directory, "uptime.csv");

        var (code, output, _) = Run("archive", "parameters", "sys.uptime", "--csv", file, "--db=" + _archive.Path, "--to", "2.5");

        Assert.Equal(0, code);
        using var reader = new ArchiveReader(_archive.Path, GroundDictionary.Default);
        var expected = new StringWriter();
        int rows = reader.ParametersCsv(expected, "sys.uptime", new TimeRange(null, 2_500_000));
        Assert.Equal($"wrote {rows} row(s) to {file}\n", output);
        Assert.Equal(expected.ToString(), File.ReadAllText(file));
    }

    [Fact]
    public void AnEnumeratedParameterShowsItsLabelNextToTheRawValue()
    {
        var (code, output, error) = Run("archive", "--db", _archive.Path, "parameters", "mode.current");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        string[] lines = output.TrimEnd().Split('\n');
        Assert.Equal("      time s           raw  label                engineering  unit      limit    source", lines[0]);
        Assert.Matches(@"^ +\d+\.\d{3} {13}0  SAFE {27}0 {12}NOMINAL  HK_CORE$", lines[1]);
        // The fixture's MODE_SET comes after its last HK report: every value it archived is SAFE.
        Assert.All(lines[1..^1], l => Assert.Matches(@"^ +\d+\.\d{3} {13}0  SAFE {27}0 {12}NOMINAL  HK_CORE$", l));
        Assert.EndsWith($"{lines.Length - 2} value(s) of mode.current", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void LabelsFromAnotherDictionaryAreNotShownAndTheNoteSaysWhy()
    {
        string json = System.IO.Path.Combine(_archive.Directory, "core-dictionary.json");
        MissionDictionary core = Payload.Flight.FlightDictionary.Build();
        JsonDictionaryWriter.WriteFile(core, json);

        var (code, output, error) = Run("archive", "--db", _archive.Path, "parameters", "mode.current", "--dict", json);

        Assert.Equal(0, code);
        Assert.Matches(@"^ +\d+\.\d{3} {13}0  - {30}0 {12}NOMINAL", output.Split('\n')[1]);
        Assert.Equal($"note: labels are from dictionary {ValueFormat.Hash(core.Hash)}; values of sessions written with "
            + $"{ValueFormat.Hash(GroundDictionary.Default.Hash)} show none (give --dict FILE, that dictionary's JSON export)\n", error);
    }

    [Fact]
    public void EventsAndCommandsArePrintedAndCounted()
    {
        var (eventsCode, events, _) = Run("archive", "--db", _archive.Path, "events", "--name", "MODE_CHANGED");
        var (commandsCode, commands, _) = Run("archive", "--db", _archive.Path, "commands");
        var (anomaliesCode, anomalies, _) = Run("archive", "--db", _archive.Path, "events", "--severity", "HIGH");

        Assert.Equal((0, 0, 0), (eventsCode, commandsCode, anomaliesCode));
        Assert.EndsWith("TM[5,1]  MODE_CHANGED from=SAFE to=STANDBY\n1 event(s) named MODE_CHANGED\n", events, StringComparison.Ordinal);
        Assert.Matches(@"^ +\d+\.\d{3}  MODE_SET mode=STANDBY +\(\d+/0\)  Completed  0\.\d{3} s\n1 command\(s\)\n$", commands);
        Assert.Equal("0 event(s) of severity HIGH or above\n", anomalies);
    }

    [Fact]
    public void PassesListThePassAndExportWritesEveryTable()
    {
        string directory = System.IO.Path.Combine(_archive.Directory, "export");

        var (passesCode, passes, _) = Run("archive", "--db", _archive.Path, "passes");
        var (exportCode, export, _) = Run("archive", "--db", _archive.Path, "export", "--csv", directory);

        Assert.Equal((0, 0), (passesCode, exportCode));
        Assert.StartsWith("pass 1: board pass 2, ", passes, StringComparison.Ordinal);
        Assert.Contains("products (NISAR, ended LOSS_OF_SIGNAL, decimation 4)", passes, StringComparison.Ordinal);
        Assert.Equal(ArchiveSchema.Tables.Count, export.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(ArchiveSchema.Tables, t => Assert.True(File.Exists(System.IO.Path.Combine(directory, t + ".csv"))));
    }

    [Fact]
    public void PlotWritesValidPngsAndWithReportThePassReport()
    {
        string plots = System.IO.Path.Combine(_archive.Directory, "plots");
        string report = System.IO.Path.Combine(_archive.Directory, "report");

        var (plotCode, plotOutput, _) = Run("plot", "--db", _archive.Path, "--pass", "1", "--out", plots);
        var (reportCode, reportOutput, _) = Run("plot", "--db", _archive.Path, "--pass", "1", "--out", report, "--report");

        Assert.Equal(0, plotCode);
        // The housekeeping plots come too when the board's dictionary has temperatures and rails (the instrument's ADC).
        Assert.Subset(new HashSet<string> { "antenna-pattern.png", "hk-rails.png", "hk-temperatures.png", "pulse-train.png" }, Directory.GetFiles(plots).Select(f => System.IO.Path.GetFileName(f)!).ToHashSet());
        Assert.Superset(new HashSet<string> { "antenna-pattern.png", "pulse-train.png" }, Directory.GetFiles(plots).Select(f => System.IO.Path.GetFileName(f)!).ToHashSet());
        Assert.All(Directory.GetFiles(plots), f => Assert.Equal((1200, 600), PngFile.Dimensions(f)));
        Assert.Contains("wrote " + System.IO.Path.Combine(plots, "pulse-train.png"), plotOutput, StringComparison.Ordinal);
        // Decimated raw records: the ground sees every 4th pulse, so the report says the products disagree.
        Assert.Equal(1, reportCode);
        Assert.Contains("pass-report.md: ", reportOutput, StringComparison.Ordinal);
        Assert.Contains("| Raw decimation | every 4th record |", File.ReadAllText(System.IO.Path.Combine(report, "pass-report.md")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "archive" }, 2, "usage: payload-ground archive")]
    [InlineData(new[] { "archive", "--db", "DB", "tables" }, 2, "error: archive: unknown action 'tables' (actions: parameters, events, commands, passes, export)")]
    [InlineData(new[] { "archive", "--db", "DB", "parameters" }, 2, "error: archive parameters: give the parameter's NAME")]
    [InlineData(new[] { "archive", "--db", "DB", "parameters", "sys.uptime", "--from", "soon" }, 2, "error: archive parameters: --from must be a time in seconds (e.g. 12.5), not 'soon'")]
    [InlineData(new[] { "archive", "--db", "DB", "events", "--from", "5", "--to", "2" }, 2, "error: archive events: --from 5 is after --to 2")]
    [InlineData(new[] { "archive", "--db", "DB", "events", "--severity", "big" }, 2, "error: archive events: --severity must be one of informative, low, medium, high")]
    [InlineData(new[] { "archive", "--db", "DB", "export" }, 2, "error: archive export: give --csv DIR")]
    [InlineData(new[] { "archive", "--db", "DB", "parameters", "sys.uptim" }, 1, "error: no parameter 'sys.uptim' in ")]
    [InlineData(new[] { "plot", "--db", "DB", "--out", "x" }, 2, "error: plot: give --pass ID (`archive passes` lists them)")]
    [InlineData(new[] { "plot", "--db", "DB", "--pass", "one", "--out", "x" }, 2, "error: plot: --pass must be a pass number from `archive passes`, not 'one'")]
    [InlineData(new[] { "plot", "--db", "DB", "--pass", "7", "--out", "x" }, 1, "error: no pass 7 in ")]
    public void MistakesSayWhatWentWrong(string[] arguments, int expectedCode, string message)
    {
        var (code, _, error) = Run(arguments.Select(a => a == "DB" ? _archive.Path : a).ToArray());

        Assert.Equal(expectedCode, code);
        Assert.StartsWith(message, error.Length > 0 ? error : "usage: payload-ground archive", StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingArchiveSaysHowToMakeOne()
    {
        string missing = System.IO.Path.Combine(_archive.Directory, "none.db");

        var (code, _, error) = Run("archive", "--db", missing, "events");

        Assert.Equal(1, code);
        Assert.Equal($"error: no archive at {missing}: run `demo` or `connect --archive {missing}` first (or give --db FILE)\n", error);
    }

    private static (int Code, string Output, string Error) Run(params string[] arguments)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = Dispatcher.Run(arguments, output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>One archive for the class: a board session with MODE_SET, then pass 2's raw chunks and products (decimation 4).</summary>
    public sealed class SessionArchive : IDisposable
    {
        private readonly ArchiveRig _rig;

        public SessionArchive()
        {
            _rig = new ArchiveRig().Booted();
            _rig.RunFor(3);
            _rig.Await(_rig.Session.Send("MODE_SET", "mode=STANDBY"));
            ScenePass scene = ScenePass.Nisar(seed: 1, passNumber: 2, decimation: 4);
            ushort transaction = 1;
            ushort sequence = 1000;
            long time = _rig.Board.NowMicroseconds;
            foreach (byte[] message in scene.RawChunks(2000, passNumber: 2).Append(scene.ProductsMessage))
            {
                foreach (var part in Tm.Parts(transaction++, message, 896, time, sequence)) _rig.Writer.Write(part);
                sequence += 100;
                time += 100_000;
            }
            _rig.Read().Dispose();
        }

        public string Path => _rig.DatabasePath;

        public string Directory => _rig.Directory;

        public void Dispose() => _rig.Dispose();
    }
}
