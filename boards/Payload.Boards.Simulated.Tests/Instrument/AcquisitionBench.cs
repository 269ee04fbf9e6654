using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Engine;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;

namespace Payload.Boards.Simulated.Tests.Instrument;

/// <summary>
/// The acquisition controller on the digitizer chip model fed by the radar scene, in a small event loop of virtual time:
/// the model runs from event to event; each DRDY falling edge reaches <see cref="AcquisitionController.OnEdge"/> either
/// at its tick or, like the ESP32's GPIO event queue, merged and up to a 20 ms time slice late; every 10 ms a minor
/// frame runs <see cref="AcquisitionController.Run"/>. Board time is the model's clock: 80 ticks per microsecond.
/// </summary>
internal sealed class AcquisitionBench
{
    public const long TicksPerMicrosecond = 80;
    public const long FrameMicroseconds = 10_000;
    public const long Second = 80_000_000;
    public const int DataReadyPin = 34;

    private readonly long _edgeLatencyMicroseconds;
    private bool _edgePending;
    private bool _deliveryScheduled;
    private long _deliveryAt;

    public AcquisitionBench(long edgeLatencyMicroseconds = 0, IEventSink? events = null, Func<DigitizerModel, IOutputPin>? resetPin = null,
        AcquisitionSettings? settings = null, int seed = 1)
    {
        _edgeLatencyMicroseconds = edgeLatencyMicroseconds;
        var builder = new DictionaryBuilder();
        ModeManager.Declare(builder);
        RecordStore.Declare(builder);
        ParameterService.Declare(builder);
        AcquisitionDictionary.Declare(builder);
        Parameters = new ParameterTable(builder.Build());
        Events = events ?? new EventLog();
        var layout = new RecordLayout(0, [ParameterPersistence.RecordId], [ParameterPersistence.MaxPayloadLength], 4096);
        Persistence = new ParameterPersistence(new RecordStore(new SimulatedFlash(layout.EndAddress), layout, Events, Parameters), Events);
        Modes = new ModeManager(Events, Parameters);
        Chip = new DigitizerModel(Antenna, seed);
        Chip.DataReadyFalling += _ => _edgePending = true;
        Driver = new DigitizerDriver(Chip, resetPin?.Invoke(Chip) ?? Chip.ResetPin, DigitizerDriver.DefaultBlockRecords, DigitizerDriver.DefaultRingCapacity);
        Settings = settings ?? new AcquisitionSettings();
        Controller = new AcquisitionController(Driver, new DataReadyLine(Chip), Modes, Downlink, Events, Parameters, Persistence, new ProductSettings(), Settings);
    }

    public SwitchablePulseSource Antenna { get; } = new();
    public DigitizerModel Chip { get; }
    public DigitizerDriver Driver { get; }
    public ParameterTable Parameters { get; }
    public ParameterPersistence Persistence { get; }
    public IEventSink Events { get; }
    public EventLog Log => (EventLog)Events;
    public ModeManager Modes { get; }
    public ProductDownlink Downlink { get; } = new();
    public AcquisitionSettings Settings { get; }
    public AcquisitionController Controller { get; }
    public long Frame { get; private set; }
    public long NowMicroseconds { get; private set; }
    public long NowTicks => NowMicroseconds * TicksPerMicrosecond;

    /// <summary>Boots the digitizer in the first frame and enters ACQUIRE.</summary>
    public AcquisitionBench Start()
    {
        RunFrame();
        Assert.True(Controller.Supervisor.IsOperational);
        Assert.True(Modes.TryEnter(Mode.Standby));
        Assert.True(Modes.TryEnter(Mode.Acquire));
        return this;
    }

    /// <summary>Generates a pass whose visible window opens <paramref name="inSeconds"/> from now and puts it overhead.</summary>
    public RadarPass FlyPass(RadarProfile profile, double inSeconds = 1.0, SceneOptions? options = null)
    {
        options ??= new SceneOptions();
        var pass = RadarPass.Simulate(profile, options with { Clock = options.Clock with { EpochTicks = NowTicks + (long)(inSeconds * Second) } });
        Antenna.Switch(pass.CreateSource());
        return pass;
    }

    public FailureCodeResult Arm(int maxWaitS = 30, int timeoutS = 60, ExpectedRadar radar = ExpectedRadar.Nisar)
    {
        var code = Controller.Arm(maxWaitS, timeoutS, radar, 0, 0, out long data);
        return new FailureCodeResult(code, data);
    }

    /// <summary>One minor frame: the chip's time up to the frame (edges served on the way), then the controller's step.</summary>
    public void RunFrame()
    {
        long frameAt = Frame * FrameMicroseconds;
        AdvanceTo(frameAt);
        NowMicroseconds = frameAt;
        Controller.Run(Frame, frameAt);
        Downlink.Tick();
        Frame++;
    }

    public void RunFrames(long frames)
    {
        for (long i = 0; i < frames; i++) RunFrame();
    }

    public void RunSeconds(double seconds) => RunFrames((long)Math.Round(seconds * 100));

    /// <summary>Runs frames until the pass is idle again with products (or the limit).</summary>
    public bool RunUntilIdleWithProducts(double maxSeconds)
    {
        long limit = Frame + (long)(maxSeconds * 100);
        while (Frame < limit)
        {
            RunFrame();
            if (Controller.Pass.State == PassState.Idle && Controller.Pass.HasProducts) return true;
        }

        return false;
    }

    private void AdvanceTo(long microseconds)
    {
        long target = microseconds * TicksPerMicrosecond;
        while (true)
        {
            long next = Math.Min(Chip.NextEventTicks, target);
            if (_deliveryScheduled)
            {
                next = Math.Min(next, _deliveryAt * TicksPerMicrosecond);
            }

            Chip.AdvanceTo(next);
            NowMicroseconds = next / TicksPerMicrosecond;
            if (_edgePending && !_deliveryScheduled)
            {
                // The edge is queued; it reaches managed code at the end of the time slice, merged with any that follow.
                _edgePending = false;
                _deliveryScheduled = true;
                _deliveryAt = NowMicroseconds + _edgeLatencyMicroseconds;
            }

            if (_deliveryScheduled && NowMicroseconds >= _deliveryAt)
            {
                _deliveryScheduled = false;
                _edgePending = false;
                Controller.OnEdge(DataReadyPin, false, NowMicroseconds);
            }

            if (next >= target) return;
        }
    }

    /// <summary>The DRDY line as the MCU reads it: active low.</summary>
    private sealed class DataReadyLine(DigitizerModel chip) : IInputPin
    {
        public bool Read() => !chip.DataReady;
    }
}

internal readonly record struct FailureCodeResult(Payload.Flight.Commanding.FailureCode Code, long Data);

/// <summary>Events with their arguments (allocates: not for the allocation test).</summary>
internal sealed class EventLog : IEventSink
{
    public List<(ushort Id, long[] Arguments)> Raised { get; } = [];
    public void Raise(ushort eventId) => Raised.Add((eventId, []));
    public void Raise(ushort eventId, long argument0) => Raised.Add((eventId, [argument0]));
    public void Raise(ushort eventId, long argument0, long argument1) => Raised.Add((eventId, [argument0, argument1]));
    public void Raise(ushort eventId, long argument0, long argument1, long argument2) => Raised.Add((eventId, [argument0, argument1, argument2]));
    public List<long[]> Of(ushort id) => Raised.Where(e => e.Id == id).Select(e => e.Arguments).ToList();
}

/// <summary>Counts events without allocating.</summary>
internal sealed class EventCounter : IEventSink
{
    public long Count;
    public void Raise(ushort eventId) => Count++;
    public void Raise(ushort eventId, long argument0) => Count++;
    public void Raise(ushort eventId, long argument0, long argument1) => Count++;
    public void Raise(ushort eventId, long argument0, long argument1, long argument2) => Count++;
}

/// <summary>ST[13] stand-in: keeps each message (when <see cref="Keep"/>) and stays busy a few frames per transfer, like a paced sender.</summary>
internal sealed class ProductDownlink : IProductDownlink
{
    private int _busyFor;

    public List<(ushort Transaction, byte[] Message)> Started { get; } = [];
    public bool Keep { get; set; } = true;
    public int FramesPerTransfer { get; set; } = 4;
    public long Starts { get; private set; }
    public bool IsBusy => _busyFor > 0;

    public bool TryStart(ushort transactionId, byte[] source, int offset, int length)
    {
        if (IsBusy) return false;
        Starts++;
        if (Keep) Started.Add((transactionId, source.AsSpan(offset, length).ToArray()));
        _busyFor = FramesPerTransfer;
        return true;
    }

    public void Tick()
    {
        if (_busyFor > 0) _busyFor--;
    }

    public List<byte[]> OfKind(byte kind) => Started.Where(s => s.Message[0] == kind).Select(s => s.Message).ToList();
}
