using Microsoft.Data.Sqlite;

namespace Payload.GroundStation.Archive;

/// <summary>
/// The archive's tables (SQLite). Times: <c>mission_us</c> is the on-board time a packet carries (mission microseconds),
/// <c>received_us</c> and <c>sent_us</c> the ground's clock of the session (microseconds since it started, or the
/// simulated board's virtual time); <c>sessions.started_utc</c> anchors a session in wall time.
/// </summary>
public static class ArchiveSchema
{
    /// <summary>The schema version, kept in SQLite's user_version.</summary>
    public const int Version = 1;

    /// <summary>Every table, in the order the CSV export writes them.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["sessions", "packets", "parameters", "events", "commands", "passes", "products"];

    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS sessions (
            id              INTEGER PRIMARY KEY,
            started_utc     TEXT    NOT NULL,
            link            TEXT    NOT NULL,
            dictionary_hash INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS packets (
            id             INTEGER PRIMARY KEY,
            session_id     INTEGER NOT NULL REFERENCES sessions(id),
            received_us    INTEGER NOT NULL,
            mission_us     INTEGER NOT NULL,
            apid           INTEGER NOT NULL,
            service        INTEGER NOT NULL,
            subtype        INTEGER NOT NULL,
            sequence_count INTEGER NOT NULL,
            bytes          BLOB    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS packets_mission ON packets(mission_us);
        CREATE INDEX IF NOT EXISTS packets_received ON packets(session_id, received_us);
        CREATE TABLE IF NOT EXISTS parameters (
            id           INTEGER PRIMARY KEY,
            packet_id    INTEGER NOT NULL REFERENCES packets(id),
            mission_us   INTEGER NOT NULL,
            name         TEXT    NOT NULL,
            parameter_id INTEGER NOT NULL,
            raw          INTEGER NOT NULL,
            engineering  REAL    NOT NULL,
            unit         TEXT    NOT NULL,
            limit_state  TEXT    NOT NULL,
            source       TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS parameters_name_mission ON parameters(name, mission_us);
        CREATE INDEX IF NOT EXISTS parameters_mission ON parameters(mission_us);
        CREATE TABLE IF NOT EXISTS events (
            id         INTEGER PRIMARY KEY,
            packet_id  INTEGER NOT NULL REFERENCES packets(id),
            mission_us INTEGER NOT NULL,
            event_id   INTEGER NOT NULL,
            name       TEXT    NOT NULL,
            severity   INTEGER NOT NULL,
            arguments  TEXT    NOT NULL,
            message    TEXT    NOT NULL
        );
        CREATE INDEX IF NOT EXISTS events_mission ON events(mission_us);
        CREATE INDEX IF NOT EXISTS events_severity_mission ON events(severity, mission_us);
        CREATE TABLE IF NOT EXISTS commands (
            id             INTEGER PRIMARY KEY,
            session_id     INTEGER NOT NULL REFERENCES sessions(id),
            sent_us        INTEGER NOT NULL,
            mnemonic       TEXT    NOT NULL,
            arguments      TEXT    NOT NULL,
            request_id     TEXT    NOT NULL,
            ack_flags      TEXT    NOT NULL,
            state          TEXT    NOT NULL,
            failure_code   TEXT,
            failure_data   INTEGER,
            failed_stage   TEXT,
            accepted_us    INTEGER,
            started_us     INTEGER,
            progress_steps INTEGER NOT NULL,
            completed_us   INTEGER,
            failed_us      INTEGER,
            packet         BLOB
        );
        CREATE INDEX IF NOT EXISTS commands_sent ON commands(sent_us);
        CREATE TABLE IF NOT EXISTS passes (
            id               INTEGER PRIMARY KEY,
            session_id       INTEGER NOT NULL REFERENCES sessions(id),
            pass_number      INTEGER NOT NULL,
            first_mission_us INTEGER NOT NULL,
            last_mission_us  INTEGER NOT NULL,
            end_reason       TEXT,
            expected_radar   TEXT,
            decimation       INTEGER,
            raw_chunks       INTEGER NOT NULL,
            records          INTEGER NOT NULL,
            products_id      INTEGER
        );
        CREATE INDEX IF NOT EXISTS passes_mission ON passes(first_mission_us);
        CREATE TABLE IF NOT EXISTS products (
            id               INTEGER PRIMARY KEY,
            session_id       INTEGER NOT NULL REFERENCES sessions(id),
            pass_id          INTEGER REFERENCES passes(id),
            transaction_id   INTEGER NOT NULL,
            kind             TEXT    NOT NULL,
            pass_number      INTEGER,
            chunk_sequence   INTEGER,
            first_mission_us INTEGER NOT NULL,
            last_mission_us  INTEGER NOT NULL,
            received_us      INTEGER NOT NULL,
            parts            INTEGER NOT NULL,
            length           INTEGER,
            complete         INTEGER NOT NULL,
            missing_parts    TEXT,
            replay_ranges    TEXT,
            bytes            BLOB,
            "values"         TEXT
        );
        CREATE INDEX IF NOT EXISTS products_mission ON products(first_mission_us);
        CREATE INDEX IF NOT EXISTS products_pass ON products(pass_id, kind);
        """;

    /// <summary>Creates the tables and indexes that are missing and checks the version.</summary>
    /// <exception cref="InvalidOperationException">The file holds an archive of a newer schema.</exception>
    public static void Ensure(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        long version = Scalar(connection, "PRAGMA user_version");
        if (version > Version)
            throw new InvalidOperationException($"{connection.DataSource} is an archive of schema {version}; this ground reads up to {Version}: use a newer ground");
        using SqliteCommand create = connection.CreateCommand();
        create.CommandText = Ddl + $"\nPRAGMA user_version = {Version};";
        create.ExecuteNonQuery();
    }

    /// <summary>True when the file at the connection holds the archive's tables.</summary>
    public static bool IsArchive(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('packets', 'parameters', 'events', 'commands')") == 4;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
