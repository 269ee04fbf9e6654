using Moq;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Commanding;

/// <summary>The command pipeline (receiver, queue, dispatcher, verification) over a small test dictionary.</summary>
public sealed class CommandingRig
{
    public const ushort Apid = 0x064;
    public const byte TestService = 200;
    public const byte Simple = 1, WithArguments = 2, MultiFrame = 3, StandbyOnly = 4, WithBytes = 5;
    public const int MultiFrameTimeout = 5;

    public MissionDictionary Dictionary { get; }
    public RecordingTelemetrySink Telemetry { get; } = new();
    public RecordingEventSink Events { get; } = new();
    public ParameterTable Parameters { get; }
    public ModeManager Modes { get; }
    public CommandQueue Queue { get; }
    public TelecommandReceiver Receiver { get; }
    public CommandDispatcher Dispatcher { get; }
    public Dictionary<byte, Mock<ICommandHandler>> Handlers { get; } = new();
    private long _frame;
    private ushort _sequence;

    public CommandingRig(int queueCapacity = 4, int maxRunning = 2, int startsPerCycle = 4)
    {
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        builder.Add(new CommandDefinition("TEST_SIMPLE", TestService, Simple, "No arguments", [], ModeMask.Any, 1));
        builder.Add(new CommandDefinition("TEST_ARGS", TestService, WithArguments, "Typed arguments",
        [
            new ArgumentDefinition("level", DataType.UInt8, "", 1, 10, "1..10"),
            new ArgumentDefinition("count", DataType.UInt16, "", "any"),
            new ArgumentDefinition("trim", DataType.Int16, "", -100, 100, "-100..100"),
        ], ModeMask.Any, 1));
        builder.Add(new CommandDefinition("TEST_MULTI", TestService, MultiFrame, "Runs over frames", [], ModeMask.Any, MultiFrameTimeout));
        builder.Add(new CommandDefinition("TEST_STANDBY", TestService, StandbyOnly, "Standby only", [], ModeMask.Standby, 1));
        builder.Add(new CommandDefinition("TEST_BYTES", TestService, WithBytes, "Variable octets",
        [
            new ArgumentDefinition("length", DataType.UInt16, "octets", 0, 64, "octets that follow"),
            new ArgumentDefinition("data", DataType.Bytes, "", 0, 64, "payload"),
        ], ModeMask.Any, 1));
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        Modes = new ModeManager(Events, Parameters);
        var verification = new VerificationReporter(Telemetry);
        Queue = new CommandQueue(queueCapacity, maxRunning, verification);
        Receiver = new TelecommandReceiver(Apid, Dictionary, Queue, verification, Modes, Events, Parameters);
        Dispatcher = new CommandDispatcher(Dictionary, Queue, verification, Events, Parameters, maxRunning, startsPerCycle);
        Dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, Modes);
        foreach (var subtype in new[] { Simple, WithArguments, MultiFrame, StandbyOnly, WithBytes })
        {
            var handler = new Mock<ICommandHandler>();
            handler.Setup(h => h.Start(It.IsAny<CommandContext>())).Returns(CommandOutcome.Completed);
            Handlers[subtype] = handler;
            Dispatcher.Bind(TestService, subtype, handler.Object);
        }
    }

    /// <summary>Encodes a telecommand; returns the packet bytes.</summary>
    public byte[] Encode(byte service, byte subtype, byte[]? data = null, AckFlags ack = AckFlags.All, ushort apid = Apid)
    {
        data ??= [];
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(apid, _sequence++, ack, service, subtype, 7, data, 0, data.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        return buffer[..written];
    }

    public FailureCode Submit(byte[] packet) => Receiver.Submit(packet, 0, packet.Length, CommandSource.Link);

    public void RunFrames(int frames)
    {
        for (var i = 0; i < frames; i++) Dispatcher.Run(_frame++, _frame * 10_000);
    }

    /// <summary>The ST[1] reports for one packet, as (subtype, failure code or 0) in order.</summary>
    public List<(byte Subtype, FailureCode Code)> ReportsFor(byte[] packet)
    {
        var packetId = (packet[0] << 8) | packet[1];
        var sequence = (packet[2] << 8) | packet[3];
        return Telemetry.Sent
            .Where(t => t.Service == VerificationReporter.Service && t.U16(0) == packetId && t.U16(2) == sequence)
            .Select(t => (t.Subtype, t.Subtype % 2 == 0 ? (FailureCode)t.U16(t.Subtype == VerificationReporter.ProgressFailure ? 6 : 4) : FailureCode.None))
            .ToList();
    }
}
