using Microsoft.Data.Sqlite;

namespace Payload.GroundStation.Archive;

/// <summary>
/// Opens an archive file for writing: creates it when missing, appends to an archive, and refuses anything else (another
/// SQLite database, a file that is not SQLite, an archive of a newer schema) before a single row is written.
/// </summary>
public static class ArchiveFile
{
    // SQLite's result code for "file is not a database".
    private const int NotADatabase = 26;

    /// <summary>
    /// Checks that <paramref name="path"/> can take an archive, creating the file (with the archive's tables) when
    /// missing; lets a tool refuse a wrong file before it connects to anything.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a ground archive.</exception>
    /// <exception cref="InvalidOperationException">The file is an archive of a newer schema.</exception>
    /// <exception cref="IOException">The file cannot be created, opened or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Its directory cannot be created.</exception>
    public static void Prepare(string path)
    {
        using SqliteConnection connection = OpenForWriting(System.IO.Path.GetFullPath(path));
    }

    /// <summary>Opens the archive at the full path <paramref name="path"/> read-write (write-ahead log), its tables ensured.</summary>
    /// <exception cref="InvalidDataException">The file is not a ground archive.</exception>
    /// <exception cref="InvalidOperationException">The file is an archive of a newer schema.</exception>
    /// <exception cref="IOException">The file cannot be created, opened or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Its directory cannot be created.</exception>
    internal static SqliteConnection OpenForWriting(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path)) throw new IOException($"{path} is a directory: give a file for the archive");
        string? directory = System.IO.Path.GetDirectoryName(path);
        if (directory is not null) Directory.CreateDirectory(directory);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false, Mode = SqliteOpenMode.ReadWriteCreate }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;");
            // A database with tables of its own is someone else's: adding the archive's tables to it would spoil both.
            if (HasTables(connection) && !ArchiveSchema.IsArchive(connection))
                throw new InvalidDataException($"{path} is a SQLite database but not a ground archive (it has no packets, parameters, events and commands tables)");
            ArchiveSchema.Ensure(connection);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode == NotADatabase)
        {
            connection.Dispose();
            throw new InvalidDataException($"{path} is not a ground archive: {e.Message}", e);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new IOException($"cannot write the archive {path}: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static bool HasTables(SqliteConnection connection)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table'";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
