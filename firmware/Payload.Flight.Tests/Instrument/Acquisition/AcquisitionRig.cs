using Payload.Flight.Commanding;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Parameters;
using Payload.Flight.Tests.Persistence;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>
/// The acquisition controller on a <see cref="FakeDigitizer"/> behind the real command pipeline (receiver, queue,
/// dispatcher, verification, modes), stepped frame by frame: each frame moves the chip's clock, runs the dispatcher,
/// then the controller, then ticks the downlink double. ST[20] and the parameter record sit on a <see cref="TestFlash"/>,
/// restored before the controller is built as FlightSoftware does; <see cref="Reboot"/> boots a fresh rig (and a
/// power-cycled chip) over the same flash.
/// </summary>
internal sealed class AcquisitionRig
{
    public const ushort Apid = 0x064;
    public const long FrameMicroseconds = 10_000;
    public const long TicksPerFrame = FrameMicroseconds * 80;
    public const int BlockRecords = 16;

    private readonly CommandQueue _queue;
    private readonly TelecommandReceiver _receiver;
    private readonly CommandDispatcher _dispatcher;
    private ushort _sequence;

    public AcquisitionRig(IEventSink? events = null, AcquisitionSettings? settings = null, ProductSettings? productSettings = null,
        IProductDownlink? downlink = null, TestFlash? flash = null)
    {
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        RecordStore.Declare(builder);
        ParameterService.Declare(builder);
        AcquisitionDictionary.Declare(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        Events = events ?? new RecordingEventSink();
        Flash = flash ?? new TestFlash(PersistenceRig.Layout.EndAddress);
        Records = new RecordStore(Flash, PersistenceRig.Layout, Events, Parameters);
        Persistence = new ParameterPersistence(Records, Events);
        Persistence.Restore(Parameters);
        Modes = new ModeManager(Events, Parameters);
        var verification = new VerificationReporter(Telemetry);
        _queue = new CommandQueue(8, 4, verification);
        _receiver = new TelecommandReceiver(Apid, Dictionary, _queue, verification, Modes, Events, Parameters);
        _dispatcher = new CommandDispatcher(Dictionary, _queue, verification, Events, Parameters, 4, 4);
        _dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, Modes);
        _dispatcher.BindService(ParameterService.Service, new ParameterService(Parameters, Persistence, Telemetry, Events));

        Settings = settings ?? new AcquisitionSettings { Watermark = BlockRecords, RawCapacityRecords = 4096, RawChunkRecords = 64 };
        ProductSettings = productSettings ?? new ProductSettings { PulseCapacity = 20_000, BinCapacity = 3000 };
        Driver = new DigitizerDriver(Chip, Chip.ResetPin, BlockRecords, 1024);
        Controller = new AcquisitionController(Driver, Chip.DataReadyPin, Modes, downlink ?? Downlink, Events, Parameters, Persistence, ProductSettings, Settings);
        Service = new AcquisitionService(Controller);
        _dispatcher.BindService(AcquisitionDictionary.Service, Service);
    }

    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }
    public TestFlash Flash { get; }
    public RecordStore Records { get; }
    public ParameterPersistence Persistence { get; }
    public IEventSink Events { get; }
    public RecordingEventSink Recorded => (RecordingEventSink)Events;
    public ModeManager Modes { get; }
    public FilteringTelemetrySink Telemetry { get; } = new();
    public FakeDigitizer Chip { get; } = new();
    public DigitizerDriver Driver { get; }
    public RecordingProductDownlink Downlink { get; } = new();
    public AcquisitionSettings Settings { get; }
    public ProductSettings ProductSettings { get; }
    public AcquisitionController Controller { get; }
    public AcquisitionService Service { get; }
    public long Frame { get; private set; }
    public long NowMicroseconds => Frame * FrameMicroseconds;
    public long NowTicks => NowMicroseconds * 80;

    /// <summary>Runs after the controller in every frame (the ST[13] sender and the downlink, when real ones are used).</summary>
    public Action? AfterController { get; set; }

    /// <summary>Deliver a DRDY edge to the controller whenever DRDY is low at the end of a frame's chip time (as an interrupt would, a little late).</summary>
    public bool Edges { get; set; }

    /// <summary>Boots the digitizer (first frame) and enters ACQUIRE.</summary>
    public AcquisitionRig Start(Mode mode = Mode.Acquire)
    {
        Step();
        Assert.True(Controller.Supervisor.IsOperational, "the digitizer came up");
        if (mode != Mode.Safe) Assert.True(Modes.TryEnter(Mode.Standby));
        if (mode == Mode.Acquire) Assert.True(Modes.TryEnter(Mode.Acquire));
        return this;
    }

    /// <summary>A reset: a fresh rig with the same settings over the same flash (power restored), its chip power-cycled to its register defaults.</summary>
    public AcquisitionRig Reboot()
    {
        Flash.PowerOn();
        return new AcquisitionRig(settings: Settings, productSettings: ProductSettings, flash: Flash);
    }

    /// <summary>One minor frame.</summary>
    public void Step()
    {
        long now = NowMicroseconds;
        if (Edges)
        {
            // The chip's time between frames, with an edge served half way.
            Chip.AdvanceTo(now * 80 - TicksPerFrame / 2);
            if (Chip.DataReadyAsserted) Controller.OnEdge(34, false, now - FrameMicroseconds / 2);
        }

        Chip.AdvanceTo(now * 80);
        _dispatcher.Run(Frame, now);
        Controller.Run(Frame, now);
        AfterController?.Invoke();
        Downlink.Tick();
        Frame++;
    }

    public void Run(int frames)
    {
        for (int i = 0; i < frames; i++) Step();
    }

    public void RunSeconds(double seconds) => Run((int)Math.Round(seconds * 100));

    /// <summary>Runs until <paramref name="condition"/> holds; false after <paramref name="maxFrames"/>.</summary>
    public bool RunUntil(Func<bool> condition, int maxFrames = 100_000)
    {
        for (int i = 0; i < maxFrames; i++)
        {
            if (condition()) return true;
            Step();
        }

        return condition();
    }

    /// <summary>A pulse train on the chip from <paramref name="startTicks"/>: <paramref name="count"/> pulses every <paramref name="priTicks"/>, peak codes from <paramref name="peak"/>(i).</summary>
    public void Train(long startTicks, int count, long priTicks = 48_485, Func<int, int>? peak = null, int width = 1600)
    {
        for (int i = 0; i < count; i++) Chip.AddPulse(startTicks + i * priTicks, width, peak?.Invoke(i) ?? 40_000);
    }

    /// <summary>A Gaussian beam in dB centred on the middle of the train: 40 000 codes at the peak, 3 dB down <paramref name="halfWidthPulses"/> pulses from it.</summary>
    public static Func<int, int> Beam(int count, double halfWidthPulses) => i =>
    {
        double x = (i - count / 2.0) / halfWidthPulses;
        return (int)Math.Round(40_000 - 655.36 * 3.0103 * x * x);
    };

    /// <summary>Submits a telecommand; returns its packet id and sequence, for <see cref="Outcome"/>.</summary>
    public (int PacketId, int Sequence) Submit(byte service, byte subtype, params byte[] data)
    {
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(Apid, _sequence++, AckFlags.Completion, service, subtype, 7, data, 0, data.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        _receiver.Submit(buffer, 0, written, CommandSource.Link);
        return ((buffer[0] << 8) | buffer[1], (buffer[2] << 8) | buffer[3]);
    }

    /// <summary>The final ST[1] report of a command, or null while it runs.</summary>
    public CommandResult? Outcome((int PacketId, int Sequence) command)
    {
        var final = Telemetry.Sent
            .Where(t => t.Service == VerificationReporter.Service && t.U16(0) == command.PacketId && t.U16(2) == command.Sequence)
            .LastOrDefault(t => t.Subtype is VerificationReporter.AcceptanceFailure or VerificationReporter.CompletionSuccess or VerificationReporter.CompletionFailure);
        if (final is null) return null;
        return final.Subtype == VerificationReporter.CompletionSuccess
            ? new CommandResult(true, final.Subtype, FailureCode.None, 0)
            : new CommandResult(false, final.Subtype, (FailureCode)final.U16(4), final.U32(6));
    }

    /// <summary>Submits a command and steps frames until its final report (at most <paramref name="maxFrames"/>).</summary>
    public CommandResult Execute(byte subtype, byte[] data, int maxFrames = 10)
    {
        var command = Submit(AcquisitionDictionary.Service, subtype, data);
        for (int i = 0; i < maxFrames; i++)
        {
            var outcome = Outcome(command);
            if (outcome is not null) return outcome;
            Step();
        }

        return Outcome(command) ?? throw new Xunit.Sdk.XunitException($"command {subtype} did not finish in {maxFrames} frames");
    }

    public CommandResult Arm(int maxWaitS = 60, int timeoutS = 120, ExpectedRadar radar = ExpectedRadar.Nisar, int prfHintHz = 0, int slantRangeKm = 0) =>
        Execute(AcquisitionDictionary.ArmSubtype, ArmData(maxWaitS, timeoutS, radar, prfHintHz, slantRangeKm));

    public static byte[] ArmData(int maxWaitS, int timeoutS, ExpectedRadar radar, int prfHintHz, int slantRangeKm)
    {
        var data = new byte[9];
        BigEndian.WriteUInt16(data, 0, maxWaitS);
        BigEndian.WriteUInt16(data, 2, timeoutS);
        data[4] = (byte)radar;
        BigEndian.WriteUInt16(data, 5, prfHintHz);
        BigEndian.WriteUInt16(data, 7, slantRangeKm);
        return data;
    }

    public static byte[] ConfigureData(int threshold, int watermark, long maxLatencyTicks, int minWidthTicks)
    {
        var data = new byte[10];
        BigEndian.WriteUInt16(data, 0, threshold);
        BigEndian.WriteUInt16(data, 2, watermark);
        BigEndian.WriteUInt32(data, 4, maxLatencyTicks);
        BigEndian.WriteUInt16(data, 8, minWidthTicks);
        return data;
    }

    public static byte[] U16(int value)
    {
        var data = new byte[2];
        BigEndian.WriteUInt16(data, 0, value);
        return data;
    }

    public long Parameter(ushort id) => Parameters.Get(id);

    /// <summary>The arguments of every raised <paramref name="eventId"/>, in order.</summary>
    public List<long[]> Raised(ushort eventId) => Recorded.Raised.Where(e => e.Id == eventId).Select(e => e.Arguments).ToList();
}
