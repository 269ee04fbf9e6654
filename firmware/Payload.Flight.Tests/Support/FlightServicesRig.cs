using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.ConnectionTest;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Functions;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Scheduling;
using Payload.Flight.Telemetry;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Support;

/// <summary>
/// The real command pipeline (receiver, queue, dispatcher, verification, modes) with the ST[8], ST[11] and ST[17]
/// services bound, over a small dictionary, driven frame by frame in simulated time.
/// </summary>
public sealed class FlightServicesRig
{
    public const ushort Apid = 0x064;
    public const long FrameMicroseconds = 10_000;
    /// <summary>Mission time at frame 0: about 25 years after the epoch, as after TIME_SET.</summary>
    public const long EpochOffsetMicroseconds = 800_000_000L * 1_000_000;
    public const byte TestService = 201;
    public const byte StandbyOnly = 1;
    /// <summary>A test-only function declared in the dictionary (the core registers only NOOP and WAIT_FRAMES).</summary>
    public const ushort TestFunction = 90;
    /// <summary>A test-only function with an unsigned argument.</summary>
    public const ushort UnsignedFunction = 91;

    public MissionDictionary Dictionary { get; }
    public ITelemetrySink Telemetry { get; }
    public IEventSink Events { get; }
    public ParameterTable Parameters { get; }
    public ModeManager Modes { get; }
    public CommandQueue Queue { get; }
    public TelecommandReceiver Receiver { get; }
    public CommandDispatcher Dispatcher { get; }
    public OnboardTime Time { get; } = new();
    public TimeBasedSchedule Schedule { get; }
    public FunctionRegistry Functions { get; }
    public ConnectionTestService ConnectionTest { get; }
    public Mock<ICommandHandler> StandbyHandler { get; } = new();
    public long Frame { get; private set; }

    private readonly byte[] _appData = new byte[PacketLimits.MaxTelecommandApplicationDataLength];
    private ushort _sequence;

    public FlightServicesRig(ITelemetrySink? telemetry = null, IEventSink? events = null, int capacity = 8, int maxCommandLength = 64,
        int releasesPerFrame = 4, int queueCapacity = 8, int maxRunning = 4, int startsPerCycle = 4)
    {
        Telemetry = telemetry ?? new GatedTelemetrySink(new RecordingTelemetrySink());
        Events = events ?? new RecordingEventSink();
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        TimeBasedSchedule.Declare(builder, maxCommandLength);
        ConnectionTestService.Declare(builder);
        FunctionRegistry.Declare(builder);
        builder.Add(new CommandDefinition("TEST_STANDBY", TestService, StandbyOnly, "Standby only", [], ModeMask.Standby, 1));
        builder.Add(new FunctionDefinition(TestFunction, "TEST_FUNCTION", "Test double",
            new ArgumentDefinition("value", DataType.Int32, "", -1000, 1000, "-1000..1000")));
        builder.Add(new FunctionDefinition(UnsignedFunction, "TEST_UNSIGNED", "Test double with an unsigned argument",
            new ArgumentDefinition("value", DataType.UInt32, "", 0, 4294967295L, "any u32")));
        Dictionary = builder.Build();

        Parameters = new ParameterTable(Dictionary);
        Modes = new ModeManager(Events, Parameters);
        var verification = new VerificationReporter(Telemetry);
        Queue = new CommandQueue(queueCapacity, maxRunning, verification);
        Receiver = new TelecommandReceiver(Apid, Dictionary, Queue, verification, Modes, Events, Parameters);
        Dispatcher = new CommandDispatcher(Dictionary, Queue, verification, Events, Parameters, maxRunning, startsPerCycle);
        Time.OffsetMicroseconds = EpochOffsetMicroseconds;
        Time.Advance(0);
        Schedule = new TimeBasedSchedule(capacity, maxCommandLength, releasesPerFrame, Receiver, Queue, Time, Telemetry, Events, Parameters);
        Functions = new FunctionRegistry(Dictionary, maxRunning, Parameters);
        ConnectionTest = new ConnectionTestService(Telemetry);

        Dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, Modes);
        foreach (var subtype in new[] { TimeBasedSchedule.EnableSubtype, TimeBasedSchedule.DisableSubtype, TimeBasedSchedule.ResetSubtype,
                     TimeBasedSchedule.InsertSubtype, TimeBasedSchedule.DeleteSubtype, TimeBasedSchedule.ReportSummarySubtype })
        {
            Dispatcher.Bind(TimeBasedSchedule.Service, subtype, Schedule);
        }
        Dispatcher.Bind(ConnectionTestService.Service, ConnectionTestService.AreYouAliveSubtype, ConnectionTest);
        Dispatcher.Bind(FunctionRegistry.Service, FunctionRegistry.PerformSubtype, Functions);
        StandbyHandler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Completed);
        Dispatcher.Bind(TestService, StandbyOnly, StandbyHandler.Object);
        Dispatcher.EnsureEveryCommandIsBound();
    }

    public RecordingTelemetrySink Recorded => ((GatedTelemetrySink)Telemetry).Inner;

    /// <summary>Makes the downlink refuse TM[service, subtype] (as a full queue would) while the others still pass.</summary>
    public void Refuse(byte service, byte subtype) => ((GatedTelemetrySink)Telemetry).Refused.Add((service, subtype));
    public RecordingEventSink RecordedEvents => (RecordingEventSink)Events;

    /// <summary>Mission time of the present frame.</summary>
    public long Now => Time.MissionMicroseconds;

    /// <summary>Mission time at which frame <paramref name="frame"/> runs.</summary>
    public static long MissionTimeOf(long frame) => EpochOffsetMicroseconds + frame * FrameMicroseconds;

    /// <summary>One minor frame: time first, then the schedule, then the dispatcher (the order the frame group should use).</summary>
    public void RunFrame()
    {
        long now = Frame * FrameMicroseconds;
        Time.Advance(now);
        Schedule.Run(Frame, now);
        Dispatcher.Run(Frame, now);
        Frame++;
    }

    public void RunFrames(int frames)
    {
        for (int i = 0; i < frames; i++) RunFrame();
    }

    /// <summary>Encodes a telecommand with the next sequence count.</summary>
    public byte[] Encode(byte service, byte subtype, byte[]? data = null, AckFlags ack = AckFlags.All, ushort apid = Apid)
    {
        data ??= [];
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(apid, _sequence++, ack, service, subtype, 7, data, 0, data.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        return buffer[..written];
    }

    /// <summary>Builds TC[11,4] around <paramref name="embedded"/>, released at <paramref name="tag"/>.</summary>
    public byte[] EncodeInsert(CucTime tag, byte[] embedded, AckFlags ack = AckFlags.All)
    {
        var buffer = new byte[PacketLimits.MaxPacketLength];
        int written = EncodeInsertInto(tag, embedded, embedded.Length, buffer, ack);
        return buffer[..written];
    }

    /// <summary>Builds TC[11,4] into <paramref name="destination"/> without allocating; returns its length.</summary>
    public int EncodeInsertInto(CucTime tag, byte[] embedded, int embeddedLength, byte[] destination, AckFlags ack = AckFlags.None)
    {
        BigEndianWrite32(_appData, 0, tag.Coarse);
        _appData[4] = (byte)(tag.Fine >> 8);
        _appData[5] = (byte)tag.Fine;
        _appData[6] = (byte)(embeddedLength >> 8);
        _appData[7] = (byte)embeddedLength;
        Array.Copy(embedded, 0, _appData, 8, embeddedLength);
        var status = TelecommandCodec.TryEncode(Apid, _sequence++, ack, TimeBasedSchedule.Service, TimeBasedSchedule.InsertSubtype, 7,
            _appData, 0, 8 + embeddedLength, destination, 0, out int written);
        if (status != PacketStatus.Ok) throw new InvalidOperationException(status.ToString());
        _sequence &= PacketLimits.MaxSequenceCount;
        return written;
    }

    /// <summary>TC[8,1] for a function and argument.</summary>
    public byte[] EncodePerform(ushort functionId, int argument, AckFlags ack = AckFlags.All)
    {
        var data = new byte[6];
        data[0] = (byte)(functionId >> 8);
        data[1] = (byte)functionId;
        BigEndianWrite32(data, 2, (uint)argument);
        return Encode(FunctionRegistry.Service, FunctionRegistry.PerformSubtype, data, ack);
    }

    public FailureCode Submit(byte[] packet) => Receiver.Submit(packet, 0, packet.Length, CommandSource.Link);

    /// <summary>Submits from the link and runs one frame, so the command has executed.</summary>
    public FailureCode Execute(byte[] packet)
    {
        var code = Submit(packet);
        RunFrame();
        return code;
    }

    public static ushort PacketId(byte[] packet) => (ushort)((packet[0] << 8) | packet[1]);
    public static ushort SequenceControl(byte[] packet) => (ushort)((packet[2] << 8) | packet[3]);

    /// <summary>The ST[1] reports for one packet, as (subtype, failure code or None, failure data) in order.</summary>
    public List<(byte Subtype, FailureCode Code, long Data)> ReportsFor(byte[] packet)
    {
        int packetId = PacketId(packet);
        int sequence = SequenceControl(packet);
        return Recorded.Sent
            .Where(t => t.Service == VerificationReporter.Service && t.U16(0) == packetId && t.U16(2) == sequence)
            .Select(t =>
            {
                if (t.Subtype % 2 == 1) return (t.Subtype, FailureCode.None, 0L);
                int at = t.Subtype == VerificationReporter.ProgressFailure ? 6 : 4;
                return (t.Subtype, (FailureCode)t.U16(at), t.U32(at + 2));
            })
            .ToList();
    }

    /// <summary>The verification subtypes for one packet, in order.</summary>
    public byte[] SubtypesFor(byte[] packet) => ReportsFor(packet).Select(r => r.Subtype).ToArray();

    private static void BigEndianWrite32(byte[] buffer, int offset, uint value)
    {
        buffer[offset] = (byte)(value >> 24);
        buffer[offset + 1] = (byte)(value >> 16);
        buffer[offset + 2] = (byte)(value >> 8);
        buffer[offset + 3] = (byte)value;
    }
}

/// <summary>A recording sink that refuses chosen report types, to test what a component does when its report is dropped.</summary>
public sealed class GatedTelemetrySink(RecordingTelemetrySink inner) : ITelemetrySink
{
    public RecordingTelemetrySink Inner { get; } = inner;
    public HashSet<(byte Service, byte Subtype)> Refused { get; } = new();

    public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count) =>
        !Refused.Contains((service, subtype)) && Inner.Send(priority, service, subtype, applicationData, offset, count);
}

/// <summary>An <see cref="IEventSink"/> that only counts, so steady-state allocation can be measured through it.</summary>
public sealed class CountingEventSink : IEventSink
{
    private readonly long[] _counts = new long[65536];

    public long Count(ushort eventId) => _counts[eventId];

    public void Raise(ushort eventId) => _counts[eventId]++;
    public void Raise(ushort eventId, long argument0) => _counts[eventId]++;
    public void Raise(ushort eventId, long argument0, long argument1) => _counts[eventId]++;
    public void Raise(ushort eventId, long argument0, long argument1, long argument2) => _counts[eventId]++;
}
