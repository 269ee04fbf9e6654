using System.Globalization;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.GroundStation;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>Sends <paramref name="mnemonic"/> with <paramref name="arguments"/> (positional, "name=value", labels, item names; see <see cref="CommandEncoder"/>), asking for every stage.</summary>
    /// <exception cref="CommandEncodingException">The command is not valid for the dictionary; nothing was sent.</exception>
    public CommandHandle Send(string mnemonic, params object?[] arguments) => Send(_session.Encoder.Encode(mnemonic, arguments));

    /// <summary>Sends <paramref name="mnemonic"/> asking only for the stages in <paramref name="acks"/> (failures are always reported).</summary>
    /// <exception cref="CommandEncodingException">The command is not valid for the dictionary; nothing was sent.</exception>
    public CommandHandle SendWithAcks(AckFlags acks, string mnemonic, params object?[] arguments) =>
        Send(_session.Encoder.Encode(mnemonic, arguments, acks));

    /// <summary>Sends a command line as an operator types it ("MODE_SET mode=STANDBY").</summary>
    /// <exception cref="CommandEncodingException">The command is not valid for the dictionary; nothing was sent.</exception>
    public CommandHandle SendLine(string line) => Send(_session.Encoder.Parse(line));

    /// <summary>Sends a command already encoded (see <see cref="Encode"/>).</summary>
    public CommandHandle Send(EncodedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Transmit(command.ToString(), () => _session.Send(command), moveMark: true);
    }

    /// <summary>Builds <paramref name="mnemonic"/> without sending it (for time tags, corruption, or sending later).</summary>
    public EncodedCommand Encode(string mnemonic, params object?[] arguments) => _session.Encoder.Encode(mnemonic, arguments);

    /// <summary>
    /// Builds the packet of <paramref name="mnemonic"/> around <paramref name="applicationData"/> exactly as given — no
    /// argument checks — with the next sequence count, so the board's own checks can be exercised.
    /// </summary>
    public byte[] RawPacket(string mnemonic, byte[] applicationData, AckFlags acks = AckFlags.All, ushort? apid = null)
    {
        ArgumentNullException.ThrowIfNull(applicationData);
        CommandDefinition definition = _session.Encoder.Find(mnemonic);
        CommandEncoder encoder = _session.Encoder;
        ushort sequence = encoder.NextSequenceCount;
        encoder.NextSequenceCount = (ushort)((sequence + 1) & PacketLimits.MaxSequenceCount);
        var packet = new byte[PacketLimits.MinTelecommandLength + applicationData.Length];
        PacketStatus status = TelecommandCodec.TryEncode(apid ?? encoder.Apid, sequence, acks, definition.Service, definition.Subtype,
            encoder.SourceId, applicationData, 0, applicationData.Length, packet, 0, out int written);
        if (status != PacketStatus.Ok) throw new ArgumentException($"{mnemonic}: the packet cannot be built ({status})", nameof(applicationData));
        return packet[..written];
    }

    /// <summary>Sends a whole packet (framed), e.g. one <see cref="RawPacket"/> built or one with a corrupted CRC; tracked by its request ID.</summary>
    /// <exception cref="ArgumentException">The packet does not read as a telecommand, so nothing could track it (use <see cref="SendRaw"/>).</exception>
    public CommandHandle SendPacket(byte[] packet, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(packet);
        string text = description ?? $"raw packet {ValueFormat.Hex(packet, 24)}";
        return Transmit(text, () => _session.SendPacket(packet)
            ?? throw new ArgumentException("the packet's primary header is not a telecommand's; send it with SendRaw", nameof(packet)), moveMark: true);
    }

    /// <summary>Sends octets exactly as given, unframed: garbage, half frames (fault injection on the link).</summary>
    public void SendRaw(byte[] octets, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(octets);
        Mark mark = Mark();
        _log.Add(mark.BenchMicroseconds, '>', $"{description ?? "raw octets"}: {ValueFormat.Hex(octets, 32)}");
        try
        {
            _session.SendRaw(octets);
        }
        catch (IOException e)
        {
            throw Fail($"could not send {octets.Length} raw octets: {e.Message}");
        }
        _defaultMark = mark;
    }

    /// <summary>
    /// Puts <paramref name="mnemonic"/> into the on-board schedule (SCHED_INSERT) for release at
    /// <paramref name="releaseMissionMicroseconds"/>; the handles follow the insertion and, after release, the command.
    /// </summary>
    public TimeTaggedHandle SendTimeTagged(long releaseMissionMicroseconds, string mnemonic, params object?[] arguments)
    {
        Mark mark = Mark();
        TimeTaggedCommand tagged;
        try
        {
            tagged = _session.SendTimeTagged(releaseMissionMicroseconds, mnemonic, arguments);
        }
        catch (IOException e)
        {
            throw Fail($"could not send SCHED_INSERT of {mnemonic}: {e.Message}");
        }
        string scheduled = tagged.Scheduled.Command?.ToString() ?? mnemonic;
        _log.Add(mark.BenchMicroseconds, '>', $"SCHED_INSERT ({tagged.Insertion.RequestId}) of {scheduled} ({tagged.Scheduled.RequestId}) for t={ValueFormat.Seconds(releaseMissionMicroseconds)} s");
        _defaultMark = mark;
        return new TimeTaggedHandle(new CommandHandle(tagged.Insertion, $"SCHED_INSERT of {scheduled}", mark),
            new CommandHandle(tagged.Scheduled, $"{scheduled} (time-tagged)", mark), releaseMissionMicroseconds);
    }

    /// <summary>Sends <paramref name="mnemonic"/> and fails the test unless it completes within the command window.</summary>
    public CommandHandle SendAndComplete(string mnemonic, params object?[] arguments) => AssertCompleted(Send(mnemonic, arguments));

    /// <summary>Waits until <paramref name="command"/> reaches <paramref name="stage"/> successfully; fails the test if it fails instead or the window passes.</summary>
    public VerificationReport AwaitStage(CommandHandle command, Stage stage, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        TimeSpan window = within ?? _options.CommandWindow;
        var wanted = (VerificationStage)stage;
        WaitUntil(() => command.Tracked.Reached(wanted) || command.Failure is not null, window);
        if (command.Tracked.Reached(wanted))
            return command.Reports.FirstOrDefault(r => r.Stage == wanted && r.Success)
                ?? command.Reports.Last(r => r.Success); // a later stage implies this one when it was not asked for
        if (command.Failure is { } failure)
            throw Fail($"{command.Text}: expected {stage}, but it failed at {(Stage)failure.Stage}: {failure.FailureCode} (data {failure.FailureData})");
        throw Fail($"{command.Text}: {stage} not reported within {Seconds(window)} of on-board time (acks {command.Tracked.AckFlags}); "
            + $"state {command.State}, reports: {Describe(command.Reports)}");
    }

    /// <summary>Waits until <paramref name="command"/> completes successfully; fails the test otherwise.</summary>
    public CommandHandle AssertCompleted(CommandHandle command, TimeSpan? within = null)
    {
        AwaitStage(command, Stage.Completed, within);
        return command;
    }

    /// <summary>
    /// Waits until <paramref name="command"/> fails; fails the test unless it fails with <paramref name="code"/> (at
    /// <paramref name="stage"/>, the first stage reported failed, when given). Returns the failure report.
    /// </summary>
    public VerificationReport AssertFails(CommandHandle command, FailureCode code, Stage? stage = null, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(command);
        TimeSpan window = within ?? _options.CommandWindow;
        string expected = $"{code}{(stage is { } s ? $" at {s}" : "")}";
        WaitUntil(() => command.Failure is not null || command.Completed, window);
        if (command.Failure is not { } failure)
        {
            throw Fail(command.Completed
                ? $"{command.Text}: expected to fail with {expected}, but it completed"
                : $"{command.Text}: expected to fail with {expected}, but no failure within {Seconds(window)}; state {command.State}, reports: {Describe(command.Reports)}");
        }
        if (failure.FailureCode != code || (stage is { } at && (Stage)failure.Stage != at))
            throw Fail($"{command.Text}: expected to fail with {expected}, but it failed at {(Stage)failure.Stage} with {failure.FailureCode} (data {failure.FailureData})");
        return failure;
    }

    /// <summary>Sends <paramref name="mnemonic"/> and fails the test unless it fails with <paramref name="code"/>.</summary>
    public VerificationReport SendAndFail(FailureCode code, string mnemonic, params object?[] arguments) =>
        AssertFails(Send(mnemonic, arguments), code);

    /// <summary>Sends a command on the bench's own behalf (queries, baseline, cleanups): logged, but the mark stays.</summary>
    private CommandHandle SendQuiet(AckFlags acks, string mnemonic, params object?[] arguments)
    {
        EncodedCommand command = _session.Encoder.Encode(mnemonic, arguments, acks);
        return Transmit($"(bench) {command}", () => _session.Send(command), moveMark: false);
    }

    private CommandHandle Transmit(string text, Func<TrackedCommand> send, bool moveMark)
    {
        Mark mark = Mark();
        TrackedCommand tracked;
        try
        {
            tracked = send();
        }
        catch (IOException e)
        {
            throw Fail($"could not send {text}: {e.Message}");
        }
        _log.Add(mark.BenchMicroseconds, '>', $"{text} ({tracked.RequestId}){(tracked.AckFlags == AckFlags.All ? "" : $" acks {tracked.AckFlags}")}");
        if (moveMark) _defaultMark = mark;
        return new CommandHandle(tracked, text, mark);
    }

    private static string Describe(IReadOnlyList<VerificationReport> reports) =>
        reports.Count == 0 ? "none" : string.Join("; ", reports.Select(r => r.Describe()));

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}

/// <summary>A time-tagged command: the SCHED_INSERT that carried it, and the command itself once the schedule releases it.</summary>
/// <param name="Insertion">The insertion (completes when the entry is in the schedule).</param>
/// <param name="Scheduled">The embedded command, whose reports arrive after its release.</param>
/// <param name="ReleaseMissionMicroseconds">When it is to be released (mission time).</param>
public sealed record TimeTaggedHandle(CommandHandle Insertion, CommandHandle Scheduled, long ReleaseMissionMicroseconds);
