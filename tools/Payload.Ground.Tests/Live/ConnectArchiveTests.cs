using Microsoft.Data.Sqlite;
using Payload.Ground.Verbs;
using Payload.GroundStation.Archive;

namespace Payload.Ground.Tests.Live;

/// <summary>connect --archive (and send --archive): the session in the SQLite ground archive, appended to by the next one, refused when the file is not one.</summary>
public sealed class ConnectArchiveTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "payload-connect-archive-tests", Guid.NewGuid().ToString("N"));

    public ConnectArchiveTests() => Directory.CreateDirectory(_directory);

    private string ArchivePath => Path.Combine(_directory, "session.db");

    [Fact]
    public void ASessionIsArchivedWithItsCommandsVerificationTelemetryAndEvents()
    {
        using var sim = new RunningSim();
        var output = new StringWriter();

        int code = ConnectVerb.Run([sim.Uri, "--no-hk", "--archive", ArchivePath], new StringReader(string.Join('\n',
            "TEST_ARE_YOU_ALIVE",
            "HK_ENABLE sid=99",
            "MODE_SET mode=STANDBY",
            "EVENT_DISABLE event_id=SCHED_RELEASED",
            "EVENT_REPORT_DISABLED",
            "quit")), output, TextWriter.Null);

        string text = output.ToString();
        Assert.True(code == 0, text);
        Assert.Contains($"connect: archiving the session into {ArchivePath} (session 1)", text, StringComparison.Ordinal);
        Assert.Contains("TM[5,8]   DISABLED EVENTS (1) SCHED_RELEASED", text, StringComparison.Ordinal);
        using var archive = new ArchiveReader(ArchivePath);
        Assert.Contains($"connect: archived {archive.Count("packets")} packet(s) and 5 command(s) as session 1 of {ArchivePath}", text, StringComparison.Ordinal);

        IReadOnlyList<ArchivedCommand> commands = archive.Commands();
        Assert.Equal(["TEST_ARE_YOU_ALIVE", "HK_ENABLE", "MODE_SET", "EVENT_DISABLE", "EVENT_REPORT_DISABLED"], commands.Select(c => c.Mnemonic));
        ArchivedCommand alive = commands[0];
        Assert.Equal("Completed", alive.State);
        Assert.True(alive.SentMicroseconds < alive.AcceptedMicroseconds && alive.AcceptedMicroseconds <= alive.StartedMicroseconds
                    && alive.StartedMicroseconds <= alive.CompletedMicroseconds, $"{alive}");
        ArchivedCommand refused = commands[1];
        Assert.Equal(("Failed", "UnknownIdentifier", 99L, "Start"), (refused.State, refused.FailureCode, refused.FailureData, refused.FailedStage));
        Assert.NotNull(refused.FailedMicroseconds);
        Assert.Equal("mode=STANDBY", commands[2].Arguments);
        Assert.All(commands.Skip(2), c => Assert.Equal("Completed", c.State));

        // Telemetry: housekeeping (archived although --no-hk hides it), the replies, and the events.
        Assert.NotEmpty(archive.Parameters("sys.uptime"));
        Assert.Contains(archive.Packets(service: 17), p => p.Subtype == 2);
        Assert.Contains(archive.Packets(service: 5), p => p.Subtype == 8);
        ArchivedEvent changed = Assert.Single(archive.Events(name: "MODE_CHANGED"));
        Assert.Equal("""{"from":"SAFE","to":"STANDBY"}""", changed.Arguments);
        Assert.Equal([sim.Uri], Links(ArchivePath));
    }

    [Fact]
    public void ASecondSessionAppendsAndTheArchiveVerbReadsBoth()
    {
        using var sim = new RunningSim();

        int first = ConnectVerb.Run([sim.Uri, "--no-hk", "--archive", ArchivePath], new StringReader("TEST_ARE_YOU_ALIVE\nHK_ENABLE sid=99\n"), TextWriter.Null, TextWriter.Null);
        long packetsAfterFirst;
        using (var archive = new ArchiveReader(ArchivePath)) packetsAfterFirst = archive.Count("packets");
        var output = new StringWriter();
        int second = ConnectVerb.Run([sim.Uri, "--no-hk", "--archive", ArchivePath], new StringReader("MODE_SET mode=STANDBY\n"), output, TextWriter.Null);

        Assert.Equal((0, 0), (first, second));
        Assert.Contains("(session 2)", output.ToString(), StringComparison.Ordinal);
        using (var archive = new ArchiveReader(ArchivePath))
        {
            Assert.Equal(2, archive.Count("sessions"));
            Assert.True(archive.Count("packets") > packetsAfterFirst, $"{archive.Count("packets")} packets after the second session, {packetsAfterFirst} after the first");
            Assert.Equal(["TEST_ARE_YOU_ALIVE", "HK_ENABLE", "MODE_SET"], archive.Commands().Select(c => c.Mnemonic));
            Assert.Equal([sim.Uri, sim.Uri], Links(ArchivePath));
        }

        var (code, listing, error) = Tool.Run("archive", "--db", ArchivePath, "commands");
        Assert.True(code == 0, error);
        Assert.Contains("HK_ENABLE sid=99", listing, StringComparison.Ordinal);
        Assert.Contains("FAILED at Start: UnknownIdentifier (data 99)", listing, StringComparison.Ordinal);
        Assert.Contains("MODE_SET mode=STANDBY", listing, StringComparison.Ordinal);
        Assert.EndsWith("3 command(s)" + Environment.NewLine, listing, StringComparison.Ordinal);
    }

    [Fact]
    public void SendArchivesItsCommandToo()
    {
        using var sim = new RunningSim();

        var (code, output, error) = Tool.Run("send", sim.Uri, "MODE_SET", "mode=STANDBY", "--archive", ArchivePath);

        Assert.True(code == 0, output + error);
        Assert.Contains("send: archived", output, StringComparison.Ordinal);
        using var archive = new ArchiveReader(ArchivePath);
        ArchivedCommand command = Assert.Single(archive.Commands());
        Assert.Equal(("MODE_SET", "mode=STANDBY", "Completed"), (command.Mnemonic, command.Arguments, command.State));
    }

    [Fact]
    public void AFileThatIsNotAnArchiveIsRefusedBeforeConnecting()
    {
        string text = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(text, "not a database, but a note that must survive\n");
        string other = Path.Combine(_directory, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE contacts (name TEXT)";
            create.ExecuteNonQuery();
        }

        // No simulator at this port: a refusal must come before any connection is tried (else exit 4).
        var (textCode, _, textError) = Tool.Run("connect", "tcp://127.0.0.1:9", "--archive", text);
        var (otherCode, _, otherError) = Tool.Run("connect", "tcp://127.0.0.1:9", "--archive", other);
        var (directoryCode, _, directoryError) = Tool.Run("send", "tcp://127.0.0.1:9", "TEST_ARE_YOU_ALIVE", "--archive", _directory);

        Assert.Equal((2, 2, 2), (textCode, otherCode, directoryCode));
        Assert.StartsWith($"error: connect: cannot archive into '{text}': {text} is not a ground archive", textError, StringComparison.Ordinal);
        Assert.StartsWith($"error: connect: cannot archive into '{other}': {other} is a SQLite database but not a ground archive", otherError, StringComparison.Ordinal);
        Assert.Contains("Give --archive a new file, or an archive that `connect --archive` or `demo` wrote", otherError, StringComparison.Ordinal);
        Assert.StartsWith($"error: send: cannot archive into '{_directory}': {_directory} is a directory", directoryError, StringComparison.Ordinal);
        Assert.Equal("not a database, but a note that must survive\n", File.ReadAllText(text));
        Assert.Equal(["contacts"], Tables(other));
    }

    [Fact]
    public void TheHelpOfConnectDocumentsTheArchive()
    {
        var (code, help, _) = Tool.Run("help", "connect");
        var (flagCode, flagHelp, _) = Tool.Run("connect", "--help");

        Assert.Equal((0, 0), (code, flagCode));
        Assert.Equal(help, flagHelp);
        Assert.Contains("connect TARGET [--archive FILE]", help, StringComparison.Ordinal);
        Assert.Contains("  --archive FILE    keep the whole session in the SQLite ground archive FILE", help, StringComparison.Ordinal);
        Assert.Contains("appended to", help, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }

    private static List<string> Links(string path) => Column(path, "SELECT link FROM sessions ORDER BY id");

    private static List<string> Tables(string path) => Column(path, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");

    private static List<string> Column(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }
}
