using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Storage;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;
using Payload.Flight.Tests.Telemetry;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.LargeTransfer;

/// <summary>
/// The large-packet sender and its ST[13] commands with the real downlink, packet store and ST[15] service behind the
/// real command pipeline, over a virtual 115200-baud UART, frame by frame in simulated time: each frame runs the
/// dispatcher, the sender, then the downlink, the order the frame group should use.
/// </summary>
internal sealed class LargeTransferRig
{
    public const ushort Apid = 0x064;
    public const int BytesPerSecond = 11520;
    public const long FrameMicroseconds = 10_000;
    public const long EpochOffsetMicroseconds = 800_000_000L * 1_000_000;
    public const int DefaultCapacity = 64 * 1024;

    private ushort _tcSequence;

    public LargeTransferRig(int capacity = DefaultCapacity, int partSize = LargePacketSender.DefaultPartSize, int partsPerFrame = 8,
        int urgent = 32, int routine = 32, int bulk = 8, int storeBytes = 256 * 1024, int storePackets = 1024,
        bool recordFrames = true, IEventSink? events = null)
    {
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        Downlink.Declare(builder);
        PacketStore.Declare(builder);
        LargePacketSender.Declare(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        Time.OffsetMicroseconds = EpochOffsetMicroseconds;
        Uart = new VirtualUart(BytesPerSecond, recordFrames);
        Store = new PacketStore(storeBytes, storePackets, Parameters);
        Downlink = new Downlink(Apid, 1, Time, Uart, BytesPerSecond, FrameMicroseconds, urgent, routine, bulk, Parameters, Store);
        Events = events ?? new RecordingEventSink();

        var modes = new ModeManager(Events, Parameters);
        var verification = new VerificationReporter(Downlink);
        Queue = new CommandQueue(8, 4, verification);
        Receiver = new TelecommandReceiver(Apid, Dictionary, Queue, verification, modes, Events, Parameters);
        Dispatcher = new CommandDispatcher(Dictionary, Queue, verification, Events, Parameters, 4, 4);
        Sender = new LargePacketSender(Downlink, Events, Parameters, capacity, partSize, partsPerFrame);
        StoreService = new PacketStoreService(Store, Downlink, Downlink, Parameters, 1000);
        Dispatcher.BindService(ModeManager.Service, modes);
        Dispatcher.BindService(PacketStore.Service, StoreService);
        Dispatcher.BindService(LargePacketSender.Service, new LargeTransferService(Sender));
        Dispatcher.EnsureEveryCommandIsBound();
    }

    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }
    public OnboardTime Time { get; } = new();
    public VirtualUart Uart { get; }
    public PacketStore Store { get; }
    public Downlink Downlink { get; }
    public IEventSink Events { get; }
    public RecordingEventSink RecordedEvents => (RecordingEventSink)Events;
    public CommandQueue Queue { get; }
    public TelecommandReceiver Receiver { get; }
    public CommandDispatcher Dispatcher { get; }
    public LargePacketSender Sender { get; }
    public PacketStoreService StoreService { get; }

    /// <summary>Runs before the sender in every frame (e.g. a competing bulk producer).</summary>
    public Action? BeforeSender { get; set; }

    public long Frame { get; private set; }

    public void AdvanceTo(long monotonicMicroseconds)
    {
        Time.Advance(monotonicMicroseconds);
        Uart.Now = monotonicMicroseconds;
    }

    public void RunFrame()
    {
        long now = Frame * FrameMicroseconds;
        AdvanceTo(now);
        Dispatcher.Run(Frame, now);
        BeforeSender?.Invoke();
        Sender.Run(Frame, now);
        Downlink.Run(Frame, now);
        Frame++;
    }

    public void RunFrames(int frames)
    {
        for (int i = 0; i < frames; i++) RunFrame();
    }

    /// <summary>Runs frames until nothing is left to send (bounded).</summary>
    public void Drain(int maxFrames = 100_000)
    {
        for (int i = 0; i < maxFrames; i++)
        {
            RunFrame();
            if (!Sender.IsActive && !Sender.IsResending && Dispatcher.RunningCount == 0 && Queue.Count == 0
                && Downlink.Depth(TelemetryClass.Urgent) + Downlink.Depth(TelemetryClass.Routine) + Downlink.Depth(TelemetryClass.Bulk) == 0) return;
        }
        Assert.Fail("the transfer did not drain");
    }

    public byte[] Command(byte service, byte subtype, byte[] arguments, AckFlags ack = AckFlags.All) =>
        PacketFields.Telecommand(_tcSequence++, service, subtype, arguments, ack);

    public byte[] Abort(ushort transactionId) => Command(LargePacketSender.Service, LargePacketSender.AbortSubtype, PacketFields.U16Args(transactionId));

    public byte[] Resend(ushort transactionId, ushort firstPart, ushort lastPart) =>
        Command(LargePacketSender.Service, LargePacketSender.ResendSubtype, PacketFields.U16Args(transactionId, firstPart, lastPart));

    public byte[] ReplayBySequence(int from, int to) =>
        Command(PacketStore.Service, PacketStore.DownlinkBySequenceSubtype, PacketFields.U16Args((ushort)from, (ushort)to));

    public void Submit(byte[] telecommand) =>
        Assert.Equal(FailureCode.None, Receiver.Submit(telecommand, 0, telecommand.Length, CommandSource.Link));

    /// <summary>Every telemetry packet on the wire so far, decoded.</summary>
    public List<TelemetryPacket> Received() => Uart.Frames.Select(f => f.Telemetry).ToList();

    /// <summary>The ST[13] parts on the wire so far, in order.</summary>
    public List<TelemetryPacket> PartsOnWire() => Received().Where(t => t.ServiceType == LargePacketSender.Service).ToList();

    /// <summary>The packets held by the packet store, decoded, oldest first.</summary>
    public List<TelemetryPacket> Stored()
    {
        var packets = new List<TelemetryPacket>();
        for (long r = Store.FirstRecord; r < Store.NextRecord; r++)
        {
            var copy = Store.Data.AsSpan(Store.OffsetOf(r), Store.LengthOf(r)).ToArray();
            Assert.Equal(PacketStatus.Ok, TelemetryCodec.TryDecode(copy, 0, copy.Length, out var tm));
            packets.Add(tm);
        }
        return packets;
    }

    /// <summary>The final ST[1] report of a telecommand: (subtype, failure code, failure data).</summary>
    public (byte Subtype, FailureCode Code, long Data) FinalReport(byte[] telecommand)
    {
        var final = PacketFields.VerificationOf(Received(), telecommand)
            .Last(t => t.ServiceSubtype is VerificationReporter.AcceptanceFailure or VerificationReporter.StartFailure
                or VerificationReporter.CompletionSuccess or VerificationReporter.CompletionFailure);
        return final.ServiceSubtype == VerificationReporter.CompletionSuccess
            ? (final.ServiceSubtype, FailureCode.None, 0)
            : (final.ServiceSubtype, (FailureCode)PacketFields.U16(final, 4), BigEndian.ReadUInt32(final.Buffer, final.ApplicationDataOffset + 6));
    }

    /// <summary>A message whose every octet depends on its position and the seed, with zeros for COBS.</summary>
    public static byte[] Message(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        for (int i = 0; i < length; i += 97) data[i] = 0;
        return data;
    }
}
