using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Payload.GroundStation.Instrument;
using Payload.GroundStation.LargeTransfer;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Archive;

/// <summary>
/// Keeps a ground session in the SQLite archive: every telemetry packet, the parameter values and events decoded from
/// them, every command with its verification stages, and the ST[13] messages rebuilt from their parts (with the
/// instrument's passes they belong to).
/// </summary>
/// <remarks>
/// <para>Reports are queued in memory and written in batches, one transaction each: when <see cref="ArchiveWriterOptions.BatchSize"/>
/// reports are queued, every <see cref="ArchiveWriterOptions.FlushInterval"/> (a timer), on <see cref="Flush"/> and on
/// <see cref="Dispose"/>. A commit per packet would cost a journal sync each; a batch costs one.</para>
/// <para>Commands are written when first seen in the session's tracker and updated as their stages arrive. On dispose,
/// ST[13] messages still missing parts are written as incomplete, with the missing parts and the ST[15] sequence ranges
/// that would recover them.</para>
/// <para>Thread-safe: the session's receive thread queues, the timer flushes.</para>
/// </remarks>
public sealed class ArchiveWriter : IDisposable
{
    private static readonly JsonSerializerOptions ArgumentJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _lock = new();
    private readonly ArchiveWriterOptions _options;
    private readonly SqliteConnection _connection;
    private readonly GroundSession? _session;
    private readonly List<object> _pending = [];
    private readonly Dictionary<TrackedCommand, long> _commandRows = [];
    private readonly HashSet<TrackedCommand> _dirtyCommands = [];
    private readonly Timer? _timer;
    private readonly long _sessionId;
    private int _commandsSeen;
    private OpenPass? _pass;
    private bool _disposed;
    private bool _unopened;

    /// <summary>
    /// Opens (creating it when missing) the archive at <paramref name="path"/> and, when <paramref name="session"/> is
    /// given, archives everything it receives and sends from now on.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a ground archive (another SQLite database, or not SQLite at all).</exception>
    /// <exception cref="InvalidOperationException">The file is an archive of a newer schema.</exception>
    /// <exception cref="IOException">The file cannot be created, opened or written.</exception>
    /// <exception cref="UnauthorizedAccessException">Its directory cannot be created.</exception>
    public ArchiveWriter(string path, GroundSession? session = null, ArchiveWriterOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _options = options ?? new ArchiveWriterOptions();
        if (_options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), "BatchSize must be at least 1");
        Path = System.IO.Path.GetFullPath(path);
        _session = session;
        Assembler.MessageCompleted += OnMessageCompleted;
        Assembler.MessageAbandoned += OnMessageAbandoned;
        // Listening before the file is open: what arrives meanwhile waits on the lock, so a live session loses nothing
        // (its first housekeeping report, the one its hash check awaits) to the time opening the file takes.
        lock (_lock)
        {
            if (session is not null)
            {
                session.Received += Write;
                session.Tracker.StageReached += OnStageReached;
            }
            try
            {
                _connection = ArchiveFile.OpenForWriting(Path);
            }
            catch
            {
                if (session is not null)
                {
                    session.Received -= Write;
                    session.Tracker.StageReached -= OnStageReached;
                }
                _unopened = true;
                throw;
            }
            _sessionId = Insert("INSERT INTO sessions (started_utc, link, dictionary_hash) VALUES ($utc, $link, $hash) RETURNING id",
                ("$utc", (_options.StartedUtc ?? DateTimeOffset.UtcNow).ToString("O", CultureInfo.InvariantCulture)),
                ("$link", _options.LinkDescription ?? session?.Link.GetType().Name ?? "none"),
                ("$hash", (long)(session?.Dictionary.Hash ?? 0)));
            _pass = OpenPass.Newest(_connection);
        }
        if (_options.FlushInterval > TimeSpan.Zero) _timer = new Timer(_ => FlushQuietly(), null, _options.FlushInterval, _options.FlushInterval);
    }

    /// <summary>The archive file.</summary>
    public string Path { get; }

    /// <summary>This session's row in <c>sessions</c>.</summary>
    public long SessionId => _sessionId;

    /// <summary>Rebuilds the ST[13] messages (its counts say what it made of every part).</summary>
    public LargeMessageAssembler Assembler { get; } = new();

    /// <summary>Packets written so far.</summary>
    public long PacketsWritten { get; private set; }

    /// <summary>Batches committed so far.</summary>
    public long Batches { get; private set; }

    /// <summary>Raised (on the receive thread) with each ST[13] message rebuilt and what the instrument decoder made of it.</summary>
    public event Action<LargeMessage, InstrumentMessage>? MessageRebuilt;

    /// <summary>Queues one report (and, for ST[13] parts, any message it completes); written at the next batch.</summary>
    public void Write(TelemetryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        bool full;
        lock (_lock)
        {
            // A report the session raised while the constructor failed: there is no file to keep it in.
            if (_unopened) return;
            ObjectDisposedException.ThrowIf(_disposed, this);
            _pending.Add(report);
            Assembler.Accept(report);
            full = _pending.Count >= _options.BatchSize;
        }
        if (full) Flush();
    }

    /// <summary>Writes everything queued, and the commands' latest states, in one transaction.</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_disposed) return;
            FlushLocked();
        }
    }

    /// <summary>Flushes, writes the ST[13] messages still incomplete, stops listening and closes the file.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _timer?.Dispose();
            if (_session is not null)
            {
                _session.Received -= Write;
                _session.Tracker.StageReached -= OnStageReached;
            }
            foreach (ushort id in Assembler.Incomplete.ToArray())
            {
                if (Assembler.Progress(id) is { } progress) _pending.Add(progress);
            }
            FlushLocked();
            // Back to a rollback journal: the archive is one self-contained file once the session ends.
            Execute("PRAGMA journal_mode = DELETE;");
            _disposed = true;
            _connection.Dispose();
        }
    }

    private void FlushQuietly()
    {
        try
        {
            Flush();
        }
        catch (SqliteException)
        {
            // The timer has no one to tell; the next explicit flush or the dispose reports the same failure.
        }
    }

    private void OnStageReached(TrackedCommand command, VerificationReport report)
    {
        lock (_lock) _dirtyCommands.Add(command);
    }

    private void OnMessageCompleted(LargeMessage message)
    {
        // Called inside Write, under the lock.
        InstrumentMessage decoded = InstrumentMessage.Decode(message.Data);
        _pending.Add(new Rebuilt(message, decoded));
        MessageRebuilt?.Invoke(message, decoded);
    }

    private void OnMessageAbandoned(LargeMessageProgress progress) => _pending.Add(progress);

    private void FlushLocked()
    {
        bool commandsChanged = _dirtyCommands.Count > 0 || (_session is not null && _session.Tracker.Commands.Count > _commandsSeen);
        if (_pending.Count == 0 && !commandsChanged) return;
        using SqliteTransaction transaction = _connection.BeginTransaction();
        using var statements = new Statements(_connection, transaction);
        foreach (object item in _pending)
        {
            switch (item)
            {
                case TelemetryReport report:
                    WritePacket(statements, report);
                    break;
                case Rebuilt rebuilt:
                    WriteMessage(statements, rebuilt.Message, rebuilt.Decoded);
                    break;
                case LargeMessageProgress progress:
                    WriteIncomplete(statements, progress);
                    break;
            }
        }
        if (commandsChanged) WriteCommands(statements);
        transaction.Commit();
        _pending.Clear();
        Batches++;
    }

    private void WritePacket(Statements s, TelemetryReport report)
    {
        long packetId = s.Packet.Run(
            _sessionId, report.ReceivedAtMicroseconds, report.MissionMicroseconds, report.Apid, report.Service, report.Subtype, report.SequenceCount, report.Packet);
        PacketsWritten++;
        switch (report)
        {
            case HousekeepingReport housekeeping:
                foreach (ParameterValue value in housekeeping.Values) WriteParameter(s, packetId, report, value, housekeeping.Structure.Name);
                break;
            case ParameterReport parameters:
                foreach (ParameterValue value in parameters.Values) WriteParameter(s, packetId, report, value, report.Type);
                break;
            case EventReport e:
                var arguments = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (DecodedValue argument in e.Arguments) arguments[argument.Name] = (object?)argument.Label ?? (object?)argument.Reference ?? argument.Raw;
                s.Event.Run(packetId, report.MissionMicroseconds, e.EventId, e.Name, (int)e.Severity, JsonSerializer.Serialize(arguments, ArgumentJson), e.Describe());
                break;
        }
    }

    private static void WriteParameter(Statements s, long packetId, TelemetryReport report, ParameterValue value, string source) =>
        s.Parameter.Run(packetId, report.MissionMicroseconds, value.Name, value.Definition.Id, value.Raw, value.Engineering, value.Unit,
            value.Limit.ToString().ToUpperInvariant(), source);

    private void WriteMessage(Statements s, LargeMessage message, InstrumentMessage decoded)
    {
        long? passId = decoded.Kind == InstrumentMessageKind.Unknown ? null : PassFor(s, decoded, message);
        long id = s.Product.Run(_sessionId, passId, message.TransactionId, decoded.Kind.ToString(),
            decoded.Kind == InstrumentMessageKind.Unknown ? null : decoded.PassNumber, decoded.ChunkSequence,
            message.FirstMissionMicroseconds, message.LastMissionMicroseconds, message.ReceivedAtMicroseconds, message.Parts, message.Data.Length,
            1, null, null, message.Data, decoded.ToJson());
        if (_pass is null || passId is null) return;
        if (decoded.Kind == InstrumentMessageKind.Products) _pass.ProductsId = id;
        s.UpdatePass.Run(_pass.FirstMission, _pass.LastMission, _pass.EndReason, _pass.Radar, _pass.Decimation, _pass.ChunkSequences.Count, _pass.Records,
            _pass.ProductsId, _pass.Id);
    }

    private long PassFor(Statements s, InstrumentMessage decoded, LargeMessage message)
    {
        // A message joins the newest pass when it has the same pass number and does not repeat what the pass already has;
        // otherwise it starts a new pass (the board rebooted, or this is the next pass).
        bool joins = _pass is not null && _pass.PassNumber == decoded.PassNumber
            && !(decoded.Kind == InstrumentMessageKind.Products && _pass.ProductsId is not null)
            && !(decoded.ChunkSequence is { } chunk && _pass.ChunkSequences.Contains(chunk));
        if (!joins)
        {
            long id = s.Pass.Run(_sessionId, decoded.PassNumber, message.FirstMissionMicroseconds, message.LastMissionMicroseconds);
            _pass = new OpenPass(id, decoded.PassNumber, message.FirstMissionMicroseconds, message.LastMissionMicroseconds);
        }
        OpenPass pass = _pass!;
        pass.FirstMission = Math.Min(pass.FirstMission, message.FirstMissionMicroseconds);
        pass.LastMission = Math.Max(pass.LastMission, message.LastMissionMicroseconds);
        if (decoded.Kind == InstrumentMessageKind.Products)
        {
            pass.EndReason = decoded.EndReason;
            pass.Radar = decoded.ExpectedRadar;
            pass.Decimation = decoded.Decimation;
        }
        if (decoded.Kind == InstrumentMessageKind.RawRecords && decoded.ChunkSequence is { } sequence)
        {
            pass.ChunkSequences.Add(sequence);
            pass.Records += decoded.Records.Count;
            pass.Decimation ??= decoded.Decimation;
        }
        return pass.Id;
    }

    private void WriteIncomplete(Statements s, LargeMessageProgress progress) =>
        s.Product.Run(_sessionId, null, progress.TransactionId, InstrumentMessageKind.Unknown.ToString(), null, null,
            progress.FirstMissionMicroseconds, progress.LastMissionMicroseconds, _session?.NowMicroseconds ?? 0, progress.PartsReceived, null,
            0, Ranges(progress.Missing, progress.LastPart is null), progress.ReplayRanges.Count == 0 ? null : string.Join(' ', progress.ReplayRanges),
            null, null);

    private static string Ranges(IReadOnlyList<int> parts, bool openEnded)
    {
        var runs = new List<string>();
        for (int i = 0; i < parts.Count;)
        {
            int j = i;
            while (j + 1 < parts.Count && parts[j + 1] == parts[j] + 1) j++;
            runs.Add(i == j ? parts[i].ToString(CultureInfo.InvariantCulture) : $"{parts[i].ToString(CultureInfo.InvariantCulture)}-{parts[j].ToString(CultureInfo.InvariantCulture)}");
            i = j + 1;
        }
        if (openEnded) runs.Add("last part not received");
        return string.Join(',', runs);
    }

    private void WriteCommands(Statements s)
    {
        if (_session is not null)
        {
            IReadOnlyList<TrackedCommand> all = _session.Tracker.Commands;
            for (int i = _commandsSeen; i < all.Count; i++)
            {
                TrackedCommand command = all[i];
                string arguments = command.Command is { } encoded ? string.Join(' ', encoded.Arguments.Where(a => !a.Computed)) : "";
                _commandRows[command] = s.Command.Run(_sessionId, command.SentAtMicroseconds, command.Mnemonic, arguments, command.RequestId.ToString(),
                    command.AckFlags.ToString(), command.State.ToString(), command.Command?.Packet);
                _dirtyCommands.Add(command);
            }
            _commandsSeen = all.Count;
        }
        foreach (TrackedCommand command in _dirtyCommands)
        {
            if (!_commandRows.TryGetValue(command, out long row)) continue; // tracked before this writer started
            VerificationReport? failure = command.Failure;
            s.UpdateCommand.Run(command.State.ToString(), failure?.FailureCode.ToString(), failure?.FailureData, failure?.Stage.ToString(),
                StageTime(command, VerificationStage.Acceptance), StageTime(command, VerificationStage.Start), command.ProgressSteps.Count,
                StageTime(command, VerificationStage.Completion), failure?.ReceivedAtMicroseconds, row);
        }
        _dirtyCommands.Clear();
    }

    private static long? StageTime(TrackedCommand command, VerificationStage stage) =>
        command.Reports.FirstOrDefault(r => r.Success && r.Stage == stage)?.ReceivedAtMicroseconds;

    private void Execute(string sql)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Insert(string sql, params (string Name, object Value)[] parameters)
    {
        using SqliteCommand command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private sealed record Rebuilt(LargeMessage Message, InstrumentMessage Decoded);

    /// <summary>The newest pass, which the next instrument message may join.</summary>
    private sealed class OpenPass(long id, int passNumber, long firstMission, long lastMission)
    {
        public long Id { get; } = id;
        public int PassNumber { get; } = passNumber;
        public long FirstMission { get; set; } = firstMission;
        public long LastMission { get; set; } = lastMission;
        public string? EndReason { get; set; }
        public string? Radar { get; set; }
        public int? Decimation { get; set; }
        public HashSet<int> ChunkSequences { get; } = [];
        public int Records { get; set; }
        public long? ProductsId { get; set; }

        public static OpenPass? Newest(SqliteConnection connection)
        {
            using SqliteCommand command = connection.CreateCommand();
            command.CommandText = """
                SELECT id, pass_number, first_mission_us, last_mission_us, end_reason, expected_radar, decimation, records, products_id
                FROM passes ORDER BY id DESC LIMIT 1
                """;
            OpenPass pass;
            using (SqliteDataReader reader = command.ExecuteReader())
            {
                if (!reader.Read()) return null;
                pass = new OpenPass(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3))
                {
                    EndReason = reader.IsDBNull(4) ? null : reader.GetString(4),
                    Radar = reader.IsDBNull(5) ? null : reader.GetString(5),
                    Decimation = reader.IsDBNull(6) ? null : reader.GetInt32(6),
                    Records = reader.GetInt32(7),
                    ProductsId = reader.IsDBNull(8) ? null : reader.GetInt64(8),
                };
            }
            command.CommandText = "SELECT chunk_sequence FROM products WHERE pass_id = $pass AND chunk_sequence IS NOT NULL";
            command.Parameters.AddWithValue("$pass", pass.Id);
            using SqliteDataReader chunks = command.ExecuteReader();
            while (chunks.Read()) pass.ChunkSequences.Add(chunks.GetInt32(0));
            return pass;
        }
    }

    /// <summary>The prepared statements of one batch.</summary>
    private sealed class Statements(SqliteConnection connection, SqliteTransaction transaction) : IDisposable
    {
        public Statement Packet { get; } = new(connection, transaction, """
            INSERT INTO packets (session_id, received_us, mission_us, apid, service, subtype, sequence_count, bytes)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7) RETURNING id
            """, 8);

        public Statement Parameter { get; } = new(connection, transaction, """
            INSERT INTO parameters (packet_id, mission_us, name, parameter_id, raw, engineering, unit, limit_state, source)
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8) RETURNING id
            """, 9);

        public Statement Event { get; } = new(connection, transaction, """
            INSERT INTO events (packet_id, mission_us, event_id, name, severity, arguments, message)
            VALUES ($0, $1, $2, $3, $4, $5, $6) RETURNING id
            """, 7);

        public Statement Command { get; } = new(connection, transaction, """
            INSERT INTO commands (session_id, sent_us, mnemonic, arguments, request_id, ack_flags, state, progress_steps, packet)
            VALUES ($0, $1, $2, $3, $4, $5, $6, 0, $7) RETURNING id
            """, 8);

        public Statement UpdateCommand { get; } = new(connection, transaction, """
            UPDATE commands SET state = $0, failure_code = $1, failure_data = $2, failed_stage = $3, accepted_us = $4, started_us = $5,
                progress_steps = $6, completed_us = $7, failed_us = $8
            WHERE id = $9
            """, 10);

        public Statement Pass { get; } = new(connection, transaction, """
            INSERT INTO passes (session_id, pass_number, first_mission_us, last_mission_us, raw_chunks, records)
            VALUES ($0, $1, $2, $3, 0, 0) RETURNING id
            """, 4);

        public Statement UpdatePass { get; } = new(connection, transaction, """
            UPDATE passes SET first_mission_us = $0, last_mission_us = $1, end_reason = $2, expected_radar = $3, decimation = $4,
                raw_chunks = $5, records = $6, products_id = $7
            WHERE id = $8
            """, 9);

        public Statement Product { get; } = new(connection, transaction, """
            INSERT INTO products (session_id, pass_id, transaction_id, kind, pass_number, chunk_sequence, first_mission_us, last_mission_us,
                received_us, parts, length, complete, missing_parts, replay_ranges, bytes, "values")
            VALUES ($0, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id
            """, 16);

        public void Dispose()
        {
            Packet.Dispose();
            Parameter.Dispose();
            Event.Dispose();
            Command.Dispose();
            UpdateCommand.Dispose();
            Pass.Dispose();
            UpdatePass.Dispose();
            Product.Dispose();
        }
    }

    /// <summary>One prepared statement with positional parameters $0…$n−1, reused for every row of a batch.</summary>
    private sealed class Statement : IDisposable
    {
        private readonly SqliteCommand _command;
        private readonly SqliteParameter[] _parameters;
        private bool _prepared;

        public Statement(SqliteConnection connection, SqliteTransaction transaction, string sql, int count)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = sql;
            _parameters = new SqliteParameter[count];
            for (int i = 0; i < count; i++) _parameters[i] = _command.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Blob);
        }

        /// <summary>Runs it with <paramref name="values"/>; returns the first column of the first row (the new id), or 0.</summary>
        public long Run(params object?[] values)
        {
            for (int i = 0; i < _parameters.Length; i++)
            {
                object? value = values[i];
                _parameters[i].SqliteType = value switch
                {
                    byte[] => SqliteType.Blob,
                    string => SqliteType.Text,
                    double or float => SqliteType.Real,
                    _ => SqliteType.Integer,
                };
                _parameters[i].Value = value ?? DBNull.Value;
            }
            if (!_prepared)
            {
                _command.Prepare();
                _prepared = true;
            }
            object? result = _command.ExecuteScalar();
            return result is null or DBNull ? 0 : Convert.ToInt64(result, CultureInfo.InvariantCulture);
        }

        public void Dispose() => _command.Dispose();
    }
}
