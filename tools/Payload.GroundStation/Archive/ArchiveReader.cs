using System.Globalization;
using Microsoft.Data.Sqlite;
using Payload.Flight.Dictionary;
using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Archive;

/// <summary>
/// Reads the archive an <see cref="ArchiveWriter"/> keeps: parameter series by name, events by severity, commands,
/// packets, passes and their ST[13] messages, each by time range; and CSV, per query or one file per table.
/// </summary>
/// <remarks>
/// Telemetry is selected by on-board time (<c>mission_us</c>: where a stored and replayed packet belongs), commands by
/// the ground time they were sent (<c>sent_us</c>). Ranges are inclusive. Never writes, but opens the file read-write so that
/// it can read an archive whose writer is still running or stopped without closing it (SQLite's write-ahead log).
/// Given a dictionary, parameter values get its enumeration labels (<see cref="ArchiveLabels"/>), and parameter CSV a
/// last column, label.
/// </remarks>
public sealed class ArchiveReader : IDisposable
{
    // The dictionary hash of the session that archived a parameters row, appended as a last, hidden column when labelling.
    private const string SessionHashColumn =
        "(SELECT s.dictionary_hash FROM packets k JOIN sessions s ON s.id = k.session_id WHERE k.id = parameters.packet_id)";

    private readonly SqliteConnection _connection;

    /// <summary>Opens the archive at <paramref name="path"/> for reading; with <paramref name="dictionary"/>, parameter values are labelled from it.</summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not an archive.</exception>
    public ArchiveReader(string path, MissionDictionary? dictionary = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Labels = dictionary is null ? null : new ArchiveLabels(dictionary);
        Path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(Path)) throw new FileNotFoundException($"no archive at {Path}", Path);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false, Mode = SqliteOpenMode.ReadWrite }.ToString());
        try
        {
            _connection.Open();
            if (!ArchiveSchema.IsArchive(_connection)) throw new InvalidDataException($"{Path} is a SQLite file but not a ground archive (no packets, parameters, events and commands tables)");
        }
        catch (SqliteException e)
        {
            _connection.Dispose();
            throw new InvalidDataException($"{Path} is not a ground archive: {e.Message}", e);
        }
        catch
        {
            _connection.Dispose();
            throw;
        }
    }

    /// <summary>The archive file.</summary>
    public string Path { get; }

    /// <summary>Where parameter labels come from; null when the reader was opened without a dictionary.</summary>
    public ArchiveLabels? Labels { get; }

    /// <summary>The dictionary hashes the archive's sessions were written with, in session order, each once.</summary>
    public IReadOnlyList<uint> DictionaryHashes() =>
        Rows(Command("SELECT dictionary_hash FROM sessions GROUP BY dictionary_hash ORDER BY min(id)"), r => (uint)r.GetInt64(0));

    /// <summary>Rows in <paramref name="table"/> (one of <see cref="ArchiveSchema.Tables"/>).</summary>
    public long Count(string table)
    {
        if (!ArchiveSchema.Tables.Contains(table)) throw new ArgumentException($"no table '{table}' (tables: {string.Join(", ", ArchiveSchema.Tables)})", nameof(table));
        using SqliteCommand command = Command($"SELECT count(*) FROM {table}");
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The names of every parameter archived, sorted.</summary>
    public IReadOnlyList<string> ParameterNames() => Rows(Command("SELECT DISTINCT name FROM parameters ORDER BY name"), r => r.GetString(0));

    /// <summary>The values of parameter <paramref name="name"/> in <paramref name="range"/> of on-board time, in time order.</summary>
    public IReadOnlyList<ParameterSample> Parameters(string name, TimeRange range = default) =>
        Rows(ParametersQuery(name, range), r => new ParameterSample(r.GetInt64(0), r.GetString(1), r.GetInt32(2), r.GetInt64(3), r.GetDouble(4),
            r.GetString(5), r.GetString(6), r.GetString(7), Labels is null ? null : LabelOf(r)));

    /// <summary>Events in <paramref name="range"/> of on-board time of at least <paramref name="minimumSeverity"/>, in time order.</summary>
    public IReadOnlyList<ArchivedEvent> Events(TimeRange range = default, Severity minimumSeverity = Severity.Informative, string? name = null) =>
        Rows(EventsQuery(range, minimumSeverity, name), r => new ArchivedEvent(r.GetInt64(0), r.GetInt32(1), r.GetString(2), (Severity)r.GetInt32(3),
            r.GetString(4), r.GetString(5)));

    /// <summary>Commands sent in <paramref name="range"/> of ground time, in the order sent (session by session: each session's ground clock starts at 0).</summary>
    public IReadOnlyList<ArchivedCommand> Commands(TimeRange range = default) =>
        Rows(CommandsQuery(range), r => new ArchivedCommand(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
            NullableString(r, 6), NullableLong(r, 7), NullableString(r, 8), NullableLong(r, 9), NullableLong(r, 10), r.GetInt32(11),
            NullableLong(r, 12), NullableLong(r, 13)));

    /// <summary>Packets of service <paramref name="service"/> (any when null) in <paramref name="range"/> of on-board time: (mission µs, service, subtype, sequence count, bytes).</summary>
    public IReadOnlyList<(long MissionMicroseconds, int Service, int Subtype, int SequenceCount, byte[] Bytes)> Packets(TimeRange range = default, int? service = null)
    {
        SqliteCommand command = Command("SELECT mission_us, service, subtype, sequence_count, bytes FROM packets WHERE " + Where("mission_us", range)
            + (service is null ? "" : " AND service = $service") + " ORDER BY mission_us, id");
        Bind(command, range);
        if (service is { } s) command.Parameters.AddWithValue("$service", s);
        return Rows(command, r => (r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), (byte[])r.GetValue(4)));
    }

    /// <summary>Every pass, oldest first.</summary>
    public IReadOnlyList<ArchivedPass> Passes() => Rows(Command(PassColumns + " ORDER BY id"), ReadPass);

    /// <summary>The pass with archive identifier <paramref name="id"/>, or null.</summary>
    public ArchivedPass? Pass(long id)
    {
        SqliteCommand command = Command(PassColumns + " WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        return Rows(command, ReadPass).FirstOrDefault();
    }

    /// <summary>The ST[13] messages of pass <paramref name="passId"/> (every pass's and the unattached ones when null), in arrival order.</summary>
    public IReadOnlyList<ArchivedMessage> Messages(long? passId = null)
    {
        SqliteCommand command = Command("""
            SELECT id, pass_id, transaction_id, kind, first_mission_us, last_mission_us, parts, complete, missing_parts, replay_ranges, bytes, "values"
            FROM products
            """ + (passId is null ? "" : " WHERE pass_id = $pass") + " ORDER BY id");
        if (passId is { } p) command.Parameters.AddWithValue("$pass", p);
        return Rows(command, r => new ArchivedMessage(r.GetInt64(0), NullableLong(r, 1), r.GetInt32(2), Enum.Parse<InstrumentMessageKind>(r.GetString(3)),
            r.GetInt64(4), r.GetInt64(5), r.GetInt32(6), r.GetInt32(7) != 0, NullableString(r, 8), NullableString(r, 9),
            r.IsDBNull(10) ? null : (byte[])r.GetValue(10), NullableString(r, 11)));
    }

    /// <summary>
    /// Everything of pass <paramref name="passId"/>: its raw records (chunk order), its products, and the numeric parameters
    /// archived from <paramref name="marginSeconds"/> before its first message to as long after its last.
    /// </summary>
    /// <exception cref="KeyNotFoundException">There is no such pass.</exception>
    public PassData LoadPass(long passId, double marginSeconds = 30)
    {
        ArchivedPass pass = Pass(passId) ?? throw new KeyNotFoundException(
            $"no pass {passId} in {Path}" + (Passes() is { Count: > 0 } all ? $" (passes: {string.Join(", ", all.Select(p => p.Id))})" : " (it holds no pass)"));
        var messages = Messages(passId).Where(m => m is { Complete: true, Bytes: not null }).Select(m => InstrumentMessage.Decode(m.Bytes!)).ToList();
        var pulses = messages.Where(m => m.Kind == InstrumentMessageKind.RawRecords).OrderBy(m => m.ChunkSequence).SelectMany(m => m.Records).ToArray();
        InstrumentMessage? products = messages.LastOrDefault(m => m.Kind == InstrumentMessageKind.Products && m.Products is not null);

        // The products go down after the pass ends: the window reaches back over the pass's duration.
        long duration = products?.Products is { } values ? (long)(values.DurationTicks / 80.0) : 0;
        long margin = (long)(marginSeconds * 1e6);
        var window = new TimeRange(Math.Min(pass.FirstMissionMicroseconds, pass.LastMissionMicroseconds - duration) - margin, pass.LastMissionMicroseconds + margin);
        SqliteCommand command = Command("SELECT name, unit, mission_us, engineering FROM parameters WHERE " + Where("mission_us", window) + " ORDER BY name, mission_us, id");
        Bind(command, window);
        var series = Rows(command, r => (Name: r.GetString(0), Unit: r.GetString(1), Time: r.GetInt64(2), Value: r.GetDouble(3)))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new ParameterSeries(g.Key, g.First().Unit, g.Select(p => (p.Time, p.Value)).ToArray()))
            .ToArray();
        return new PassData(pass, pulses, products, series);
    }

    /// <summary>
    /// Writes <see cref="Parameters"/>'s rows as CSV (header: mission_us, name, parameter_id, raw, engineering, unit, limit_state,
    /// source, and label when the reader has a dictionary); returns the rows written.
    /// </summary>
    public int ParametersCsv(TextWriter writer, string name, TimeRange range = default) => WriteCsv(writer, ParametersQuery(name, range), Labels is not null);

    /// <summary>Writes <see cref="Events"/>'s rows as CSV; returns the rows written.</summary>
    public int EventsCsv(TextWriter writer, TimeRange range = default, Severity minimumSeverity = Severity.Informative, string? name = null) =>
        WriteCsv(writer, EventsQuery(range, minimumSeverity, name));

    /// <summary>Writes <see cref="Commands"/>'s rows as CSV; returns the rows written.</summary>
    public int CommandsCsv(TextWriter writer, TimeRange range = default) => WriteCsv(writer, CommandsQuery(range));

    /// <summary>
    /// Writes every table to <paramref name="directory"/> as TABLE.csv (every column, blobs in hex; parameters.csv ends with
    /// a label column when the reader has a dictionary); returns the files written.
    /// </summary>
    public IReadOnlyList<string> ExportCsv(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        foreach (string table in ArchiveSchema.Tables)
        {
            string file = System.IO.Path.Combine(directory, table + ".csv");
            using (var writer = new StreamWriter(file, append: false, new System.Text.UTF8Encoding(false)))
            {
                bool labelled = Labels is not null && table == "parameters";
                WriteCsv(writer, Command($"SELECT {table}.*{(labelled ? ", " + SessionHashColumn : "")} FROM {table} ORDER BY id"), labelled);
            }
            files.Add(file);
        }
        return files;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => _connection.Dispose();

    private const string PassColumns = """
        SELECT id, pass_number, first_mission_us, last_mission_us, end_reason, expected_radar, decimation, raw_chunks, records, products_id FROM passes
        """;

    private static ArchivedPass ReadPass(SqliteDataReader r) => new(r.GetInt64(0), r.GetInt32(1), r.GetInt64(2), r.GetInt64(3), NullableString(r, 4),
        NullableString(r, 5), r.IsDBNull(6) ? null : r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), NullableLong(r, 9));

    private SqliteCommand ParametersQuery(string name, TimeRange range)
    {
        ArgumentNullException.ThrowIfNull(name);
        SqliteCommand command = Command("""
            SELECT mission_us, name, parameter_id, raw, engineering, unit, limit_state, source
            """ + (Labels is null ? "" : ", " + SessionHashColumn) + """
             FROM parameters WHERE name = $name AND
            """ + " " + Where("mission_us", range) + " ORDER BY mission_us, id");
        command.Parameters.AddWithValue("$name", name);
        Bind(command, range);
        return command;
    }

    private SqliteCommand EventsQuery(TimeRange range, Severity minimumSeverity, string? name)
    {
        SqliteCommand command = Command("SELECT mission_us, event_id, name, severity, arguments, message FROM events WHERE severity >= $severity AND "
            + Where("mission_us", range) + (name is null ? "" : " AND name = $name") + " ORDER BY mission_us, id");
        command.Parameters.AddWithValue("$severity", (int)minimumSeverity);
        if (name is not null) command.Parameters.AddWithValue("$name", name);
        Bind(command, range);
        return command;
    }

    private SqliteCommand CommandsQuery(TimeRange range)
    {
        SqliteCommand command = Command("""
            SELECT sent_us, mnemonic, arguments, request_id, ack_flags, state, failure_code, failure_data, failed_stage,
                accepted_us, started_us, progress_steps, completed_us, failed_us
            FROM commands WHERE
            """ + " " + Where("sent_us", range) + " ORDER BY session_id, sent_us, id");
        Bind(command, range);
        return command;
    }

    private static string Where(string column, TimeRange range) =>
        (range.FromMicroseconds is null ? "1" : $"{column} >= $from") + (range.ToMicroseconds is null ? "" : $" AND {column} <= $to");

    private static void Bind(SqliteCommand command, TimeRange range)
    {
        if (range.FromMicroseconds is { } from) command.Parameters.AddWithValue("$from", from);
        if (range.ToMicroseconds is { } to) command.Parameters.AddWithValue("$to", to);
    }

    private SqliteCommand Command(string sql)
    {
        SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static List<T> Rows<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using (command)
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            var rows = new List<T>();
            while (reader.Read()) rows.Add(read(reader));
            return rows;
        }
    }

    // A labelled query ends with the session's dictionary hash: it is not written, the label is, in its place.
    private int WriteCsv(TextWriter writer, SqliteCommand command, bool labelled = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using (command)
        using (SqliteDataReader reader = command.ExecuteReader())
        {
            int columns = reader.FieldCount - (labelled ? 1 : 0);
            IEnumerable<string> header = Enumerable.Range(0, columns).Select(reader.GetName);
            Csv.WriteRow(writer, labelled ? header.Append("label") : header);
            int rows = 0;
            var values = new object?[columns + (labelled ? 1 : 0)];
            while (reader.Read())
            {
                for (int i = 0; i < columns; i++) values[i] = reader.GetValue(i);
                if (labelled) values[columns] = LabelOf(reader);
                Csv.WriteRow(writer, values);
                rows++;
            }
            return rows;
        }
    }

    private string? LabelOf(SqliteDataReader r) =>
        r.IsDBNull(r.FieldCount - 1) ? null : Labels!.Label(r.GetString(r.GetOrdinal("name")), r.GetInt64(r.GetOrdinal("raw")), r.GetInt64(r.FieldCount - 1));

    private static string? NullableString(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static long? NullableLong(SqliteDataReader r, int i) => r.IsDBNull(i) ? null : r.GetInt64(i);
}
