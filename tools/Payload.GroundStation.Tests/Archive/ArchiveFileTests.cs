using Microsoft.Data.Sqlite;
using Payload.GroundStation.Archive;

namespace Payload.GroundStation.Tests.Archive;

/// <summary>What an archive writer accepts to write into: a new file or an archive; never another database or another file.</summary>
public sealed class ArchiveFileTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "payload-archive-file-tests", Guid.NewGuid().ToString("N"));

    public ArchiveFileTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public void AnotherSqliteDatabaseIsRefusedAndLeftAsItWas()
    {
        string path = Path.Combine(_directory, "other.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using SqliteCommand create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE contacts (name TEXT)";
            create.ExecuteNonQuery();
        }

        var refusal = Assert.Throws<InvalidDataException>(() => new ArchiveWriter(path, options: new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero }));

        Assert.Equal($"{path} is a SQLite database but not a ground archive (it has no packets, parameters, events and commands tables)", refusal.Message);
        using var check = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        check.Open();
        using SqliteCommand tables = check.CreateCommand();
        tables.CommandText = "SELECT group_concat(name) FROM sqlite_master WHERE type = 'table'";
        Assert.Equal("contacts", tables.ExecuteScalar());
    }

    [Fact]
    public void AFileThatIsNotSqliteIsRefusedAndLeftAsItWas()
    {
        string path = Path.Combine(_directory, "notes.txt");
        File.WriteAllText(path, "a note, not a database\n");

        var refusal = Assert.Throws<InvalidDataException>(() => ArchiveFile.Prepare(path));

        Assert.StartsWith($"{path} is not a ground archive: ", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("a note, not a database\n", File.ReadAllText(path));
    }

    [Fact]
    public void APreparedFileIsAnEmptyArchiveAndAWriterAppendsItsSessionToIt()
    {
        string path = Path.Combine(_directory, "new", "archive.db");

        ArchiveFile.Prepare(path);
        long before;
        using (var empty = new ArchiveReader(path)) before = empty.Count("sessions");
        using (new ArchiveWriter(path, options: new ArchiveWriterOptions { FlushInterval = TimeSpan.Zero, LinkDescription = "tcp://127.0.0.1:5010" }))
        {
        }

        using var archive = new ArchiveReader(path);
        Assert.Equal((0L, 1L), (before, archive.Count("sessions")));
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
}
