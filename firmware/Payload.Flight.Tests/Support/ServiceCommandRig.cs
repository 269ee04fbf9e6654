using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.Support;

/// <summary>The outcome of one telecommand as the ground sees it in ST[1].</summary>
public sealed record CommandResult(bool Succeeded, byte ReportSubtype, FailureCode Code, long Data);

/// <summary>
/// A service under test behind the real command pipeline (receiver, queue, dispatcher, verification): the test
/// declares its dictionary, builds its component from <see cref="Dictionary"/>, <see cref="Parameters"/> and
/// <see cref="Telemetry"/>, binds it, then executes telecommands and reads the ST[1] outcome and the telemetry.
/// </summary>
public sealed class ServiceCommandRig
{
    public const ushort Apid = 0x064;

    private readonly CommandQueue _queue;
    private readonly TelecommandReceiver _receiver;
    private readonly CommandDispatcher _dispatcher;
    private ushort _sequence;
    private long _frame;

    /// <summary>Builds the dictionary from the pipeline's own declarations plus <paramref name="declare"/>.</summary>
    public ServiceCommandRig(Action<DictionaryBuilder> declare)
    {
        var builder = new DictionaryBuilder();
        CommandingDictionary.Declare(builder);
        ModeManager.Declare(builder);
        declare(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        var modes = new ModeManager(PipelineEvents, Parameters);
        var verification = new VerificationReporter(Telemetry);
        _queue = new CommandQueue(4, 2, verification);
        _receiver = new TelecommandReceiver(Apid, Dictionary, _queue, verification, modes, PipelineEvents, Parameters);
        _dispatcher = new CommandDispatcher(Dictionary, _queue, verification, PipelineEvents, Parameters, 2, 4);
        _dispatcher.Bind(ModeManager.Service, ModeManager.SetSubtype, modes);
    }

    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }

    /// <summary>Everything sent, ST[1] included; the service under test should send here too.</summary>
    public FilteringTelemetrySink Telemetry { get; } = new();

    /// <summary>Events raised by the pipeline itself (rejections, failures).</summary>
    public RecordingEventSink PipelineEvents { get; } = new();

    public void Bind(byte service, byte subtype, ICommandHandler handler) => _dispatcher.Bind(service, subtype, handler);

    /// <summary>Submits one telecommand, runs one dispatch cycle, and returns its final ST[1] report.</summary>
    public CommandResult Execute(byte service, byte subtype, params byte[] data)
    {
        var buffer = new byte[PacketLimits.MaxPacketLength];
        var status = TelecommandCodec.TryEncode(Apid, _sequence++, AckFlags.Completion, service, subtype, 7, data, 0, data.Length, buffer, 0, out var written);
        Assert.Equal(PacketStatus.Ok, status);
        int packetId = (buffer[0] << 8) | buffer[1];
        int sequence = (buffer[2] << 8) | buffer[3];
        int before = Telemetry.Sent.Count;
        _receiver.Submit(buffer, 0, written, CommandSource.Link);
        _dispatcher.Run(_frame, _frame * 10_000);
        _frame++;
        var final = Telemetry.Sent.Skip(before)
            .Where(t => t.Service == VerificationReporter.Service && t.U16(0) == packetId && t.U16(2) == sequence)
            .Where(t => t.Subtype is VerificationReporter.AcceptanceFailure or VerificationReporter.CompletionSuccess or VerificationReporter.CompletionFailure)
            .Single();
        return final.Subtype == VerificationReporter.CompletionSuccess
            ? new CommandResult(true, final.Subtype, FailureCode.None, 0)
            : new CommandResult(false, final.Subtype, (FailureCode)final.U16(4), final.U32(6));
    }

    /// <summary>Telemetry of one service type sent since the packet at <paramref name="from"/>.</summary>
    public List<SentTelemetry> SentSince(int from, byte service) => Telemetry.Sent.Skip(from).Where(t => t.Service == service).ToList();
}

/// <summary>A recording sink that can refuse one service's packets (as a full queue would) while passing the others.</summary>
public sealed class FilteringTelemetrySink : ITelemetrySink
{
    public List<SentTelemetry> Sent { get; } = new();

    /// <summary>Packets of this service type are refused; -1 refuses none.</summary>
    public int RefusedService { get; set; } = -1;

    public bool Send(TelemetryClass priority, byte service, byte subtype, byte[] applicationData, int offset, int count)
    {
        if (service == RefusedService) return false;
        Sent.Add(new SentTelemetry(priority, service, subtype, applicationData.AsSpan(offset, count).ToArray()));
        return true;
    }
}
