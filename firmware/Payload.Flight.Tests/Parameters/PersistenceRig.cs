using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Persistence;
using Payload.Flight.Tests.Support;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Parameters;

/// <summary>
/// The command pipeline with ST[20] and ST[9] bound, over a record store on a <see cref="TestFlash"/>, booted the way
/// FlightSoftware should boot: dictionary, table, record store (scans), parameter restore, services, first time step,
/// time restore. <see cref="Reboot"/> boots a fresh board over the same flash.
/// </summary>
public sealed class PersistenceRig
{
    public const ushort Apid = 0x064;
    public const ushort Gain = 9001, Threshold = 9002, Mode = 9003, ReadOnly = 9004, Flag = 9005, Offset = 9006;
    public const int PersistIntervalSeconds = 600;

    public static readonly RecordLayout Layout = new(0,
        [ParameterPersistence.RecordId, TimeService.RecordId],
        [ParameterPersistence.MaxPayloadLength, TimeService.RecordPayloadLength], 1);

    private readonly Action<DictionaryBuilder> _declareTestParameters;
    private ushort _sequence;
    private long _frame;

    public PersistenceRig(TestFlash? flash = null, Action<DictionaryBuilder>? declareTestParameters = null,
        ITelemetrySink? telemetry = null, IEventSink? events = null, long bootMicroseconds = 1000)
    {
        _declareTestParameters = declareTestParameters ?? DeclareTestParameters;
        Flash = flash ?? new TestFlash(Layout.EndAddress);
        Recording = telemetry as RecordingTelemetrySink;
        RecordedEvents = events as RecordingEventSink;
        if (telemetry == null) Recording = new RecordingTelemetrySink();
        if (events == null) RecordedEvents = new RecordingEventSink();
        var sink = telemetry ?? Recording!;
        var eventSink = events ?? RecordedEvents!;

        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        RecordStore.Declare(builder);
        ParameterService.Declare(builder);
        TimeService.Declare(builder);
        _declareTestParameters(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);

        Records = new RecordStore(Flash, Layout, eventSink, Parameters);
        Persistence = new ParameterPersistence(Records, eventSink);
        Persistence.Restore(Parameters);
        ParameterService = new ParameterService(Parameters, Persistence, sink, eventSink);
        Time = new OnboardTime();
        Time.Advance(bootMicroseconds);
        TimeService = new TimeService(Time, Records, sink, eventSink, Parameters, PersistIntervalSeconds);
        TimeService.Restore();

        Modes = new ModeManager(eventSink, Parameters);
        var verification = new VerificationReporter(sink);
        Queue = new CommandQueue(4, 2, verification);
        Receiver = new TelecommandReceiver(Apid, Dictionary, Queue, verification, Modes, eventSink, Parameters);
        Dispatcher = new CommandDispatcher(Dictionary, Queue, verification, eventSink, Parameters, 2, 4);
        Dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, Modes);
        Dispatcher.Bind(ParameterService.Service, ParameterService.ReportSubtype, ParameterService);
        Dispatcher.Bind(ParameterService.Service, ParameterService.SetSubtype, ParameterService);
        Dispatcher.Bind(TimeService.Service, TimeService.SetSubtype, TimeService);
        Dispatcher.Bind(TimeService.Service, TimeService.ReportSubtype, TimeService);
        Dispatcher.Bind(TimeService.Service, TimeService.SetReportRateSubtype, TimeService);
        Dispatcher.EnsureEveryCommandIsBound();
    }

    public TestFlash Flash { get; }
    public RecordingTelemetrySink? Recording { get; }
    public RecordingEventSink? RecordedEvents { get; }
    public RecordingTelemetrySink Telemetry => Recording ?? throw new InvalidOperationException("not recording telemetry");
    public RecordingEventSink Events => RecordedEvents ?? throw new InvalidOperationException("not recording events");
    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }
    public RecordStore Records { get; }
    public ParameterPersistence Persistence { get; }
    public ParameterService ParameterService { get; }
    public OnboardTime Time { get; }
    public TimeService TimeService { get; }
    public ModeManager Modes { get; }
    public CommandQueue Queue { get; }
    public TelecommandReceiver Receiver { get; }
    public CommandDispatcher Dispatcher { get; }

    /// <summary>Settable/persisted test parameters of every type, with narrower ranges where it matters.</summary>
    public static void DeclareTestParameters(DictionaryBuilder builder)
    {
        builder.Add(new ParameterDefinition(Gain, "test.gain", DataType.Int16, "dB", "settable, persisted")
            { Settable = true, Persisted = true, DefaultValue = 5, Minimum = -100, Maximum = 100 });
        builder.Add(new ParameterDefinition(Threshold, "test.threshold", DataType.UInt32, "", "settable, persisted, whole range")
            { Settable = true, Persisted = true, DefaultValue = 3_000_000_000 });
        builder.Add(new ParameterDefinition(Mode, "test.mode", DataType.UInt8, "", "settable, not persisted")
            { Settable = true, DefaultValue = 1, Minimum = 0, Maximum = 3 });
        builder.Add(new ParameterDefinition(ReadOnly, "test.readonly", DataType.UInt16, "", "telemetry only") { DefaultValue = 7 });
        builder.Add(new ParameterDefinition(Flag, "test.flag", DataType.Boolean, "", "settable, persisted") { Settable = true, Persisted = true });
        builder.Add(new ParameterDefinition(Offset, "test.offset", DataType.Int32, "", "settable, persisted, whole range")
            { Settable = true, Persisted = true, DefaultValue = -7 });
    }

    /// <summary>A new board over the same flash (a reset): nothing survives but what the flash holds.</summary>
    public PersistenceRig Reboot(Action<DictionaryBuilder>? declareTestParameters = null, long bootMicroseconds = 1000) =>
        new(Flash, declareTestParameters ?? _declareTestParameters, null, null, bootMicroseconds);

    public byte[] Encode(byte service, byte subtype, byte[] data)
    {
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(Apid, _sequence++, AckFlags.All, service, subtype, 7, data, 0, data.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        return buffer[..written];
    }

    public static byte[] ParamReport(ushort id) => [(byte)(id >> 8), (byte)id];

    public static byte[] ParamSet(ushort id, int value) =>
        [(byte)(id >> 8), (byte)id, (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    /// <summary>Submits a command and runs one dispatch frame; returns the packet.</summary>
    public byte[] Execute(byte service, byte subtype, byte[] data)
    {
        var packet = Encode(service, subtype, data);
        Receiver.Submit(packet, 0, packet.Length, CommandSource.Link);
        Step();
        return packet;
    }

    /// <summary>One dispatch frame at the present time.</summary>
    public void Step() => Dispatcher.Run(_frame++, Time.MonotonicMicroseconds);

    /// <summary>One cycle of the 1 Hz group's ST[9] member at the present time.</summary>
    public void RunTimeService() => TimeService.Run(_frame, Time.MonotonicMicroseconds);

    /// <summary>Moves the board's clock on and runs a frame.</summary>
    public void AdvanceTo(long monotonicMicroseconds)
    {
        Time.Advance(monotonicMicroseconds);
        Step();
    }

    /// <summary>The failure reported for a packet, from its ST[1] start or acceptance failure report; None when it completed.</summary>
    public (FailureCode Code, long Data) Outcome(byte[] packet)
    {
        int packetId = (packet[0] << 8) | packet[1], sequence = (packet[2] << 8) | packet[3];
        var reports = Telemetry.Sent.Where(t => t.Service == VerificationReporter.Service && t.U16(0) == packetId && t.U16(2) == sequence).ToList();
        Assert.NotEmpty(reports);
        var failure = reports.FirstOrDefault(t => t.Subtype is VerificationReporter.AcceptanceFailure or VerificationReporter.StartFailure);
        if (failure != null) return ((FailureCode)failure.U16(4), (int)failure.U32(6));
        Assert.Contains(reports, t => t.Subtype == VerificationReporter.CompletionSuccess);
        return (FailureCode.None, 0);
    }
}

/// <summary>An event sink that does nothing and allocates nothing, for allocation tests.</summary>
public sealed class SilentEventSink : IEventSink
{
    public void Raise(ushort eventId) { }
    public void Raise(ushort eventId, long argument0) { }
    public void Raise(ushort eventId, long argument0, long argument1) { }
    public void Raise(ushort eventId, long argument0, long argument1, long argument2) { }
}
