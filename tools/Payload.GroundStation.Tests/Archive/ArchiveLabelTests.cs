using System.Globalization;
using Payload.Flight;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>A reader given a dictionary labels enumerated parameter values, only for sessions written with that dictionary.</summary>
public sealed class ArchiveLabelTests : IDisposable
{
    private readonly ArchiveRig _rig;

    public ArchiveLabelTests()
    {
        _rig = new ArchiveRig().Booted();
        _rig.Await(_rig.Session.Send("MODE_SET", "mode=STANDBY"));
        _rig.RunFor(1.5);
        _rig.Read().Dispose();
    }

    [Fact]
    public void ParameterValuesCarryTheirLabelsWithTheSessionsDictionary()
    {
        using var archive = new ArchiveReader(_rig.DatabasePath, _rig.Board.Software.Dictionary);

        IReadOnlyList<ParameterSample> modes = archive.Parameters("mode.current");

        Assert.Equal(ModesReceived().Select(m => m.Label), modes.Select(m => m.Label));
        Assert.Contains(modes, m => m.Label == "SAFE");
        Assert.Contains(modes, m => m.Label == "STANDBY");
        Assert.All(archive.Parameters("sys.uptime"), v => Assert.Null(v.Label));
    }

    [Fact]
    public void WithoutADictionaryOrWithAnotherOneThereIsNoLabel()
    {
        using var plain = new ArchiveReader(_rig.DatabasePath);
        // The flight core's dictionary labels mode.current too, but the session was written with the instrument's (another hash).
        using var other = new ArchiveReader(_rig.DatabasePath, FlightDictionary.Build());

        Assert.NotEqual(_rig.Board.Software.Dictionary.Hash, FlightDictionary.Build().Hash);
        Assert.NotEmpty(plain.Parameters("mode.current"));
        Assert.All(plain.Parameters("mode.current"), v => Assert.Null(v.Label));
        Assert.All(other.Parameters("mode.current"), v => Assert.Null(v.Label));
        Assert.Equal([_rig.Board.Software.Dictionary.Hash], other.DictionaryHashes());
    }

    [Fact]
    public void ParameterCsvEndsWithTheLabel()
    {
        using var archive = new ArchiveReader(_rig.DatabasePath, _rig.Board.Software.Dictionary);
        var writer = new StringWriter();

        int rows = archive.ParametersCsv(writer, "mode.current");

        var expected = ModesReceived()
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Time},mode.current,{m.Value.Definition.Id},{m.Value.Raw},{m.Value.Engineering:R},,NOMINAL,HK_CORE,{m.Label}"))
            .Prepend("mission_us,name,parameter_id,raw,engineering,unit,limit_state,source,label");
        Assert.Equal(rows + 1, expected.Count());
        Assert.Equal(string.Join('\n', expected) + "\n", writer.ToString());
    }

    [Fact]
    public void ExportAddsTheLabelToParametersOnly()
    {
        using var archive = new ArchiveReader(_rig.DatabasePath, _rig.Board.Software.Dictionary);
        string directory = Path.Combine(_rig.Directory, "csv");

        archive.ExportCsv(directory);

        string[] parameters = File.ReadAllLines(Path.Combine(directory, "parameters.csv"));
        Assert.Equal("id,packet_id,mission_us,name,parameter_id,raw,engineering,unit,limit_state,source,label", parameters[0]);
        Assert.Equal(archive.Count("parameters") + 1, parameters.Length);
        string[] modes = parameters.Where(l => l.Split(',')[3] == "mode.current").ToArray();
        Assert.Equal(ModesReceived().Select(m => "," + m.Label), modes.Select(l => l[l.LastIndexOf(',')..]));
        Assert.All(parameters.Where(l => l.Split(',')[3] == "sys.uptime"), l => Assert.EndsWith(",", l, StringComparison.Ordinal));
        Assert.Equal("id,session_id,received_us,mission_us,apid,service,subtype,sequence_count,bytes", File.ReadLines(Path.Combine(directory, "packets.csv")).First());
    }

    public void Dispose() => _rig.Dispose();

    private IEnumerable<(long Time, ParameterValue Value, string? Label)> ModesReceived() =>
        _rig.Received.OfType<HousekeepingReport>().Where(h => h.Find("mode.current") is not null)
            .Select(h => (h.MissionMicroseconds, h["mode.current"], h["mode.current"].Label))
            .OrderBy(m => m.MissionMicroseconds);
}
