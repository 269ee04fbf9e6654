using System.Diagnostics;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation;

/// <summary>
/// The ground station over one link: sends telecommands by mnemonic (encoded, framed, tracked), and turns the
/// octets that come back into decoded reports, applying verification reports to the tracker and checking the board's
/// dictionary hash against its own.
/// </summary>
/// <remarks>
/// Received octets are processed one chunk at a time under a lock, so <see cref="Received"/> handlers see reports in
/// arrival order; they may send from inside the handler. Sending is thread-safe. On a byte-stream link packets are
/// COBS-framed; on a packet-oriented link (<see cref="IGroundLink.IsPacketOriented"/>, UDP) each packet goes and comes
/// unframed, one per datagram. When a link reconnects, a half-received frame from the lost connection is dropped.
/// </remarks>
public sealed class GroundSession : IDisposable
{
    private readonly GroundSessionOptions _options;
    private int _started;
    private readonly Func<long> _clock;
    private readonly Lock _receiveLock = new();
    private readonly Lock _sendLock = new();
    private readonly Dictionary<string, long> _byType = [];
    private long _octetsSent;
    private long _commandsSent;
    private long _packetsReceived;
    private long _packetsRejected;
    private long _datagramOctets;
    private bool _disposed;

    /// <summary>Connects a station with <paramref name="dictionary"/> to <paramref name="link"/>.</summary>
    public GroundSession(IGroundLink link, MissionDictionary dictionary, GroundSessionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(dictionary);
        _options = options ?? new GroundSessionOptions();
        Link = link;
        Dictionary = dictionary;
        Encoder = new CommandEncoder(dictionary, _options.Apid, _options.SourceId) { DefaultAckFlags = _options.DefaultAckFlags };
        Decoder = new TelemetryDecoder(dictionary);
        Tracker = new CommandTracker();
        Deframer = new LinkDeframer();
        Deframer.PacketReceived += OnPacket;
        if (_options.Clock is { } clock)
        {
            _clock = clock;
        }
        else if (link is ILinkClock linkClock)
        {
            _clock = () => linkClock.NowMicroseconds;
        }
        else
        {
            var wall = Stopwatch.StartNew();
            _clock = () => wall.Elapsed.Ticks / (TimeSpan.TicksPerMillisecond / 1000);
        }
        link.StateChanged += OnLinkStateChanged;
        if (!_options.StartPaused) Start();
    }

    /// <summary>Starts taking telemetry from the link (at construction unless <see cref="GroundSessionOptions.StartPaused"/>); idempotent.</summary>
    public void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        Link.Received += OnLinkReceived;
    }

    /// <summary>The transport.</summary>
    public IGroundLink Link { get; }

    /// <summary>The ground's dictionary.</summary>
    public MissionDictionary Dictionary { get; }

    /// <summary>Builds the telecommands (and numbers them).</summary>
    public CommandEncoder Encoder { get; }

    /// <summary>Decodes the telemetry.</summary>
    public TelemetryDecoder Decoder { get; }

    /// <summary>Follows each command through its verification stages.</summary>
    public CommandTracker Tracker { get; }

    /// <summary>Splits the received stream into packets.</summary>
    public LinkDeframer Deframer { get; }

    /// <summary>Raised with each decoded telemetry report, in arrival order (after the tracker has applied it).</summary>
    public event Action<TelemetryReport>? Received;

    /// <summary>Raised with each received frame that was not a valid telemetry packet, and why.</summary>
    public event Action<byte[], PacketStatus>? PacketRejected;

    /// <summary>Raised whenever a report carrying the board's dictionary hash was checked.</summary>
    public event Action<DictionaryHashCheck>? DictionaryHashChecked;

    /// <summary>The latest dictionary-hash check, or null before the board reported its hash.</summary>
    public DictionaryHashCheck? LastHashCheck { get; private set; }

    /// <summary>The newest on-board time seen in telemetry (mission microseconds), or null before any telemetry.</summary>
    public long? LatestOnboardMicroseconds { get; private set; }

    /// <summary>The ground's clock (microseconds).</summary>
    public long NowMicroseconds => _clock();

    /// <summary>A snapshot of the station's counters.</summary>
    public GroundStatistics Statistics
    {
        get
        {
            lock (_receiveLock)
            {
                return new GroundStatistics
                {
                    OctetsSent = Interlocked.Read(ref _octetsSent),
                    OctetsReceived = Deframer.OctetsReceived + _datagramOctets,
                    CommandsSent = Interlocked.Read(ref _commandsSent),
                    PacketsReceived = _packetsReceived,
                    PacketsRejected = _packetsRejected,
                    FramesDiscarded = Deframer.FramesDiscarded,
                    GarbageOctets = Deframer.GarbageOctets,
                    PacketsByType = new SortedDictionary<string, long>(_byType, StringComparer.Ordinal),
                };
            }
        }
    }

    /// <summary>Encodes <paramref name="mnemonic"/> with <paramref name="arguments"/> (see <see cref="CommandEncoder"/>), sends it and tracks it.</summary>
    /// <exception cref="CommandEncodingException">The command is not valid; nothing was sent.</exception>
    /// <exception cref="DictionaryMismatchException">The board uses another dictionary; nothing was sent.</exception>
    public TrackedCommand Send(string mnemonic, params object?[] arguments)
    {
        EnsureDictionaryMatches();
        return Send(Encoder.Encode(mnemonic, arguments));
    }

    /// <summary>Encodes a command line as an operator types it ("MODE_SET mode=STANDBY"), sends it and tracks it.</summary>
    /// <exception cref="CommandEncodingException">The command is not valid; nothing was sent.</exception>
    /// <exception cref="DictionaryMismatchException">The board uses another dictionary; nothing was sent.</exception>
    public TrackedCommand SendLine(string line)
    {
        EnsureDictionaryMatches();
        return Send(Encoder.Parse(line));
    }

    /// <summary>Sends and tracks a command already encoded.</summary>
    /// <exception cref="DictionaryMismatchException">The board uses another dictionary; nothing was sent.</exception>
    public TrackedCommand Send(EncodedCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        EnsureDictionaryMatches();
        TrackedCommand tracked = Tracker.Track(command, NowMicroseconds);
        Transmit(Frame(command.Packet));
        Interlocked.Increment(ref _commandsSent);
        return tracked;
    }

    /// <summary>
    /// Inserts <paramref name="mnemonic"/> into the on-board time-based schedule (SCHED_INSERT) for release at
    /// <paramref name="releaseMissionMicroseconds"/>; tracks both the insertion and the scheduled command itself.
    /// </summary>
    /// <exception cref="CommandEncodingException">Either command is not valid; nothing was sent.</exception>
    /// <exception cref="DictionaryMismatchException">The board uses another dictionary; nothing was sent.</exception>
    public TimeTaggedCommand SendTimeTagged(long releaseMissionMicroseconds, string mnemonic, params object?[] arguments)
    {
        EnsureDictionaryMatches();
        CommandDefinition insert = Dictionary.FindCommand(TimeBasedSchedule.Service, TimeBasedSchedule.InsertSubtype)
            ?? throw new CommandEncodingException(mnemonic, "the dictionary has no ST[11,4] insert command: this payload cannot time-tag");
        if (releaseMissionMicroseconds < 0 || releaseMissionMicroseconds > CucTime.MaxMicroseconds)
            throw new ArgumentOutOfRangeException(nameof(releaseMissionMicroseconds), "outside the CUC range");
        EncodedCommand scheduled = Encoder.Encode(mnemonic, arguments);
        CucTime release = CucTime.FromMicroseconds(releaseMissionMicroseconds);
        EncodedCommand insertion = Encoder.Encode(insert, [(long)release.Coarse, (long)release.Fine, scheduled], Encoder.DefaultAckFlags);
        TrackedCommand released = Tracker.Track(scheduled, NowMicroseconds);
        return new TimeTaggedCommand(Send(insertion), released, releaseMissionMicroseconds);
    }

    /// <summary>Sends a raw packet (framed), e.g. one the encoder would refuse; tracks it when its primary header reads as a telecommand.</summary>
    /// <exception cref="DictionaryMismatchException">The board uses another dictionary; nothing was sent.</exception>
    public TrackedCommand? SendPacket(byte[] packet)
    {
        ArgumentNullException.ThrowIfNull(packet);
        EnsureDictionaryMatches();
        TrackedCommand? tracked = null;
        if (SpacePacketHeader.TryRead(packet, 0, packet.Length, out SpacePacketHeader header) == PacketStatus.Ok
            && header.Type == PacketType.Telecommand && packet.Length >= SpacePacketHeader.Length + PusTcHeader.Length)
        {
            var ack = (AckFlags)(packet[SpacePacketHeader.Length] & 0x0F);
            CommandDefinition? definition = Dictionary.FindCommand(packet[SpacePacketHeader.Length + 1], packet[SpacePacketHeader.Length + 2]);
            tracked = Tracker.Track(definition?.Mnemonic ?? "?", RequestId.Of(packet), ack, NowMicroseconds);
        }
        Transmit(Frame(packet));
        Interlocked.Increment(ref _commandsSent);
        return tracked;
    }

    /// <summary>Sends octets exactly as given, without framing (fault injection: garbage, half frames; on UDP one datagram).</summary>
    public void SendRaw(byte[] octets)
    {
        ArgumentNullException.ThrowIfNull(octets);
        Transmit(octets);
    }

    /// <summary>Stops listening to the link.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Link.Received -= OnLinkReceived;
        Link.StateChanged -= OnLinkStateChanged;
    }

    private void EnsureDictionaryMatches()
    {
        if (!_options.AllowDictionaryMismatch && LastHashCheck is { Matches: false } check) throw new DictionaryMismatchException(check);
    }

    private byte[] Frame(byte[] packet) => Link.IsPacketOriented ? packet : LinkFramer.Frame(packet);

    private void Transmit(byte[] octets)
    {
        lock (_sendLock)
        {
            Link.Send(octets, 0, octets.Length);
        }
        Interlocked.Add(ref _octetsSent, octets.Length);
    }

    private void OnLinkReceived(byte[] buffer, int offset, int count)
    {
        lock (_receiveLock)
        {
            if (Link.IsPacketOriented)
            {
                _datagramOctets += count;
                OnPacket(buffer.AsSpan(offset, count).ToArray());
            }
            else
            {
                Deframer.Push(buffer, offset, count);
            }
        }
    }

    private void OnLinkStateChanged(LinkStateChange change)
    {
        if (change.State != LinkState.Connected) return;
        lock (_receiveLock)
        {
            Deframer.DiscardPartialFrame();
        }
    }

    private void OnPacket(byte[] packet)
    {
        if (!Decoder.TryDecode(packet, 0, packet.Length, out TelemetryReport? report, out PacketStatus status))
        {
            _packetsRejected++;
            PacketRejected?.Invoke(packet, status);
            return;
        }

        long now = NowMicroseconds;
        report = report with { ReceivedAtMicroseconds = now };
        _packetsReceived++;
        _byType[report.Type] = _byType.GetValueOrDefault(report.Type) + 1;
        if (LatestOnboardMicroseconds is not { } latest || report.MissionMicroseconds > latest) LatestOnboardMicroseconds = report.MissionMicroseconds;

        if (report is VerificationReport verification)
        {
            // Named before it is applied, so the tracked command's own list of reports carries the mnemonic too.
            if (Tracker.Find(verification.RequestId) is { } tracked) verification = verification with { Mnemonic = tracked.Mnemonic };
            Tracker.Apply(verification, now);
            report = verification;
        }

        if (DictionaryHashCheck.From(report, Dictionary) is { } check)
        {
            LastHashCheck = check;
            DictionaryHashChecked?.Invoke(check);
        }

        Received?.Invoke(report);
    }
}
