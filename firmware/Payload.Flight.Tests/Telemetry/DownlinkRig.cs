using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Telemetry;

/// <summary>
/// The downlink, the packet store and its ST[15] service behind the real command pipeline, over a virtual 115200-baud
/// UART, driven frame by frame in simulated time. Verification reports go through the downlink (Urgent), as on board.
/// </summary>
internal sealed class DownlinkRig
{
    public const ushort Apid = 0x064;
    public const ushort GroundId = 1;
    public const int BytesPerSecond = 11520;
    public const long FrameMicroseconds = 10_000;
    /// <summary>Mission time at monotonic 0: about 25 years after the epoch, as after TIME_SET.</summary>
    public const long EpochOffsetMicroseconds = 800_000_000L * 1_000_000;
    public const byte BulkService = 13;
    public const byte HousekeepingService = 3;
    public const byte EventService = 5;

    private ushort _tcSequence;

    public DownlinkRig(int urgent = 8, int routine = 8, int bulk = 4, int storeBytes = 64 * 1024, int storePackets = 256,
        int progressEvery = 10, bool recordFrames = true)
    {
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        Downlink.Declare(builder);
        PacketStore.Declare(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        Time.OffsetMicroseconds = EpochOffsetMicroseconds;
        Uart = new VirtualUart(BytesPerSecond, recordFrames);
        Store = new PacketStore(storeBytes, storePackets, Parameters);
        Downlink = new Downlink(Apid, GroundId, Time, Uart, BytesPerSecond, FrameMicroseconds, urgent, routine, bulk, Parameters, Store);

        IEventSink events = Events.Object;
        var modes = new ModeManager(events, Parameters);
        var verification = new VerificationReporter(Downlink);
        Queue = new CommandQueue(8, 4, verification);
        Receiver = new TelecommandReceiver(Apid, Dictionary, Queue, verification, modes, events, Parameters);
        Dispatcher = new CommandDispatcher(Dictionary, Queue, verification, events, Parameters, 4, 4);
        Dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, modes);
        StoreService = new PacketStoreService(Store, Downlink, Downlink, Parameters, progressEvery);
        foreach (var subtype in new[] { PacketStore.EnableSubtype, PacketStore.DisableSubtype, PacketStore.DownlinkByTimeSubtype, PacketStore.DeleteUntilSubtype,
                     PacketStore.ReportSummarySubtype, PacketStore.DownlinkBySequenceSubtype, PacketStore.SetPolicySubtype })
        {
            Dispatcher.Bind(PacketStore.Service, subtype, StoreService);
        }
        Dispatcher.EnsureEveryCommandIsBound();
    }

    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }
    public OnboardTime Time { get; } = new();
    public VirtualUart Uart { get; }
    public PacketStore Store { get; }
    public Downlink Downlink { get; }
    public Mock<IEventSink> Events { get; } = new();
    public CommandQueue Queue { get; }
    public TelecommandReceiver Receiver { get; }
    public CommandDispatcher Dispatcher { get; }
    public PacketStoreService StoreService { get; }

    /// <summary>The next frame to run; frame n runs at n × 10 ms.</summary>
    public long Frame { get; private set; }

    /// <summary>Monotonic time of the present step.</summary>
    public long Now => Time.MonotonicMicroseconds;

    /// <summary>Moves time to <paramref name="monotonicMicroseconds"/> (between frames), for submissions at an arbitrary instant.</summary>
    public void AdvanceTo(long monotonicMicroseconds)
    {
        Time.Advance(monotonicMicroseconds);
        Uart.Now = monotonicMicroseconds;
    }

    /// <summary>One minor frame: the dispatcher, then the downlink, as the frame group runs them.</summary>
    public void RunFrame()
    {
        long now = Frame * FrameMicroseconds;
        AdvanceTo(now);
        Dispatcher.Run(Frame, now);
        Downlink.Run(Frame, now);
        Frame++;
    }

    public void RunFrames(int frames)
    {
        for (int i = 0; i < frames; i++) RunFrame();
    }

    /// <summary>Runs frames until the queues are empty and the wire is quiet (bounded).</summary>
    public void Drain(int maxFrames = 100_000)
    {
        for (int i = 0; i < maxFrames; i++)
        {
            RunFrame();
            if (Downlink.Depth(TelemetryClass.Urgent) + Downlink.Depth(TelemetryClass.Routine) + Downlink.Depth(TelemetryClass.Bulk) == 0
                && Dispatcher.RunningCount == 0 && Queue.Count == 0) return;
        }
        Assert.Fail("the downlink did not drain");
    }

    /// <summary>Sends application data of <paramref name="length"/> octets that starts with a 4-octet tag.</summary>
    public bool Send(TelemetryClass priority, byte service, byte subtype, int tag, int length)
    {
        var data = new byte[length];
        for (int i = 0; i < length; i++) data[i] = (byte)(i * 7 + tag);
        if (length >= 4) BitConverter.TryWriteBytes(data.AsSpan(0, 4), tag);
        return Downlink.Send(priority, service, subtype, data, 0, data.Length);
    }

    /// <summary>Encodes TC[15, subtype] with the next sequence count.</summary>
    public byte[] StoreCommand(byte subtype, byte[]? arguments = null, AckFlags ack = AckFlags.All)
    {
        return PacketFields.Telecommand(_tcSequence++, PacketStore.Service, subtype, arguments ?? [], ack);
    }

    public FailureCode Submit(byte[] telecommand) => Receiver.Submit(telecommand, 0, telecommand.Length, CommandSource.Link);

    /// <summary>Every telemetry packet on the wire so far, decoded.</summary>
    public List<TelemetryPacket> Received() => Uart.Frames.Select(f => f.Telemetry).ToList();

    /// <summary>The ST[1] subtypes reported for a telecommand, in order.</summary>
    public List<(byte Subtype, FailureCode Code, long Data)> ReportsFor(byte[] telecommand)
    {
        return PacketFields.VerificationOf(Received(), telecommand)
            .Select(t =>
            {
                if (t.ServiceSubtype % 2 == 1) return (t.ServiceSubtype, FailureCode.None, 0L);
                int at = t.ServiceSubtype == VerificationReporter.ProgressFailure ? 6 : 4;
                return (t.ServiceSubtype, (FailureCode)PacketFields.U16(t, at), (long)BigEndian.ReadUInt32(t.Buffer, t.ApplicationDataOffset + at + 2));
            })
            .ToList();
    }

    /// <summary>The 4-octet tag <see cref="Send"/> put at the start of the application data.</summary>
    public static int TagOf(TelemetryPacket tm) => BitConverter.ToInt32(tm.Buffer, tm.ApplicationDataOffset);
}
