using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Parameters;
using Payload.Flight.Telemetry;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Events;

/// <summary>A small dictionary of test events, one per argument shape and severity, and a reporter over it.</summary>
public sealed class EventRig
{
    public const ushort Plain = 1000, Unsigned = 1001, Signed = 1002, Flag = 1003, Chatty = 1004, Quiet = 1005;
    public const int ChattyLimit = 3;
    public const int Window = 100;

    public EventRig(ITelemetrySink? telemetry = null)
    {
        var builder = new DictionaryBuilder();
        Declare(builder);
        Dictionary = builder.Build();
        Parameters = new ParameterTable(Dictionary);
        Reporter = new EventReporter(Dictionary, telemetry ?? Telemetry, Parameters, Window);
    }

    public MissionDictionary Dictionary { get; }
    public ParameterTable Parameters { get; }
    public RecordingTelemetrySink Telemetry { get; } = new();
    public EventReporter Reporter { get; }

    /// <summary>The reporter's declarations plus the test events.</summary>
    public static void Declare(DictionaryBuilder builder)
    {
        EventReporter.Declare(builder);
        builder.Add(new EventDefinition(Plain, "TEST_PLAIN", Severity.Informative, "No arguments", []));
        builder.Add(new EventDefinition(Unsigned, "TEST_UNSIGNED", Severity.Low, "Unsigned arguments",
        [
            new ArgumentDefinition("a", DataType.UInt8, "", "u8"),
            new ArgumentDefinition("b", DataType.UInt16, "", "u16"),
            new ArgumentDefinition("c", DataType.UInt32, "", "u32"),
        ]));
        builder.Add(new EventDefinition(Signed, "TEST_SIGNED", Severity.Medium, "Signed arguments",
        [
            new ArgumentDefinition("a", DataType.Int8, "", "i8"),
            new ArgumentDefinition("b", DataType.Int16, "", "i16"),
            new ArgumentDefinition("c", DataType.Int32, "", "i32"),
        ]));
        builder.Add(new EventDefinition(Flag, "TEST_FLAG", Severity.High, "Boolean argument",
            [new ArgumentDefinition("on", DataType.Boolean, "", "flag")]));
        builder.Add(new EventDefinition(Chatty, "TEST_CHATTY", Severity.Low, "Raised often",
            [new ArgumentDefinition("n", DataType.UInt16, "", "sequence")]) { ThrottleLimit = ChattyLimit });
        builder.Add(new EventDefinition(Quiet, "TEST_QUIET", Severity.Informative, "Never throttled in practice", []) { ThrottleLimit = 1000 });
    }

    /// <summary>Runs the reporter's window clock over frames [from, to).</summary>
    public void RunFrames(long from, long to)
    {
        for (long frame = from; frame < to; frame++) Reporter.Run(frame, frame * 10_000);
    }
}
