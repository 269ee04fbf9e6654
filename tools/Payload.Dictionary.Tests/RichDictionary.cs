using Payload.Flight.Dictionary;
using Payload.Flight.Modes;

namespace Payload.Dictionary.Tests;

/// <summary>A test dictionary that uses every feature the exporters map: enumerations, limits, calibration, booleans, bytes, functions, structures.</summary>
internal static class RichDictionary
{
    public static MissionDictionary Build()
    {
        var d = new DictionaryBuilder();

        var level = new ArgumentDefinition("level", DataType.UInt8, "", 1, 3, "Gain level");
        level.EnumerationLabels = ["LOW", "MID", "HIGH"];
        d.Add(new CommandDefinition("TEST_ALL_TYPES", 200, 1, "Carries one argument of every type", [
            new ArgumentDefinition("flag", DataType.Boolean, "", "A boolean"),
            new ArgumentDefinition("small", DataType.UInt8, "", 10, 20, "A narrowed octet"),
            new ArgumentDefinition("word", DataType.UInt16, "Hz", "A word with a unit"),
            new ArgumentDefinition("long_word", DataType.UInt32, "us", "A long word"),
            new ArgumentDefinition("tiny", DataType.Int8, "", "A signed octet"),
            new ArgumentDefinition("offset", DataType.Int16, "mV", -1000, 1000, "A narrowed signed word"),
            new ArgumentDefinition("delta", DataType.Int32, "ticks", "A signed long word"),
            level,
        ], ModeMask.Safe | ModeMask.Standby, 10));
        d.Add(new CommandDefinition("TEST_UPLOAD", 200, 2, "Writes octets at an address", [
            new ArgumentDefinition("address", DataType.UInt32, "", "Where"),
            new ArgumentDefinition("length", DataType.UInt16, "octets", 1, 200, "How many"),
            new ArgumentDefinition("data", DataType.Bytes, "", 1, 200, "The octets"),
        ], ModeMask.Standby, 50));
        d.Add(new CommandDefinition("TEST_NOOP", 200, 3, "Does nothing", [], ModeMask.Any, 1));

        d.Add(new ParameterDefinition(850, "test.temperature", DataType.Int16, "degC", "Calibrated with limits")
        {
            Scale = 0.01, Offset = -40.0, LowLimit = -1000, HighLimit = 12000,
        });
        d.Add(new ParameterDefinition(851, "test.inverted", DataType.UInt16, "V", "Negative scale swaps the limits")
        {
            Scale = -0.5, Offset = 100.0, LowLimit = 10, HighLimit = 150,
        });
        d.Add(new ParameterDefinition(852, "test.flag", DataType.Boolean, "", "A plain boolean"));
        d.Add(new ParameterDefinition(853, "test.flag_must_be_clear", DataType.Boolean, "", "A boolean with a limit") { HighLimit = 0 });
        d.Add(new ParameterDefinition(854, "test.count", DataType.UInt32, "", "High limit only") { HighLimit = 5 });
        d.Add(new ParameterDefinition(855, "test.signed", DataType.Int32, "mV", "Low limit only") { LowLimit = -5 });
        d.Add(new ParameterDefinition(856, "test.small", DataType.Int8, "", "A signed octet"));
        d.Add(new ParameterDefinition(857, "test.setting", DataType.UInt8, "", "A persisted setting")
        {
            Settable = true, Persisted = true, DefaultValue = 5, Minimum = 1, Maximum = 10,
        });
        d.Add(new ParameterDefinition(858, "test.doubled", DataType.UInt8, "counts", "Calibrated without limits") { Scale = 2.0 });
        d.Add(new ParameterDefinition(859, "test.state", DataType.UInt8, "", "An enumerated state") { EnumerationLabels = ["IDLE", "BUSY", "DONE"] });

        var mode = new ArgumentDefinition("mode", DataType.UInt8, "", 0, 2, "A mode");
        mode.EnumerationLabels = ["SAFE", "STANDBY", "ACQUIRE"];
        d.Add(new EventDefinition(850, "TEST_STARTED", Severity.Informative, "No arguments", []));
        d.Add(new EventDefinition(851, "TEST_MODE", Severity.Low, "An enumerated argument", [mode]));
        d.Add(new EventDefinition(852, "TEST_VALUES", Severity.Medium, "Three numbers", [
            new ArgumentDefinition("a", DataType.Int32, "mV", "Signed"),
            new ArgumentDefinition("b", DataType.UInt16, "", "Unsigned"),
            new ArgumentDefinition("c", DataType.Boolean, "", "Boolean"),
        ]) { ThrottleLimit = 2 });
        d.Add(new EventDefinition(853, "TEST_FAULT", Severity.High, "One argument", [new ArgumentDefinition("code", DataType.UInt8, "", "Code")]));

        d.Add(new HousekeepingStructureDefinition(1, "TEST_FAST", [850, 851, 852, 853], 10, true, "Fast housekeeping"));
        d.Add(new HousekeepingStructureDefinition(2, "TEST_SLOW", [854, 855, 856, 857, 858, 859, 850], 100, false, "Slow housekeeping"));

        d.Add(new FunctionDefinition(1, "TEST_SELF_TEST", "Runs a self test", new ArgumentDefinition("depth", DataType.UInt32, "", 0, 3, "How deep")));
        var signed = new ArgumentDefinition("step", DataType.Int32, "", -10, 10, "Signed step");
        d.Add(new FunctionDefinition(2, "TEST_STEP", "Steps", signed));
        return d.Build();
    }
}
