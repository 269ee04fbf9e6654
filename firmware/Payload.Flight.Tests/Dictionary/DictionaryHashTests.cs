using Payload.Flight.Dictionary;
using Payload.Flight.Modes;

namespace Payload.Flight.Tests.Dictionary;

public class DictionaryHashTests
{
    private static MissionDictionary Build(Action<ArgumentDefinition>? changeArgument = null, string mnemonic = "TEST_SET", ushort parameterId = 7)
    {
        var builder = new DictionaryBuilder();
        var level = new ArgumentDefinition("level", DataType.UInt8, "", 0, 2, "level") { EnumerationLabels = ["LOW", "MID", "HIGH"] };
        changeArgument?.Invoke(level);
        builder.Add(new CommandDefinition(mnemonic, 200, 1, "test", [level], ModeMask.Any, 1));
        builder.Add(new ParameterDefinition(parameterId, "test.value", DataType.UInt16, "V", "value"));
        return builder.Build();
    }

    [Fact]
    public void The_same_declarations_hash_the_same_on_every_build()
    {
        Assert.Equal(Build().Hash, Build().Hash);
        Assert.Equal(FlightDictionary.Build().Hash, FlightDictionary.Build().Hash);
    }

    [Fact]
    public void Any_change_the_ground_depends_on_changes_the_hash()
    {
        var reference = Build().Hash;

        Assert.NotEqual(reference, Build(mnemonic: "TEST_PUT").Hash);
        Assert.NotEqual(reference, Build(parameterId: 8).Hash);
        Assert.NotEqual(reference, Build(a => a.EnumerationLabels = ["LOW", "MEDIUM", "HIGH"]).Hash);
        Assert.NotEqual(reference, Build(a => a.EnumerationLabels = null).Hash);
    }

    [Fact]
    public void A_parameter_label_change_changes_the_hash()
    {
        static uint HashWith(string[]? labels)
        {
            var builder = new DictionaryBuilder();
            builder.Add(new ParameterDefinition(7, "test.state", DataType.UInt8, "", "") { EnumerationLabels = labels! });
            return builder.Build().Hash;
        }

        uint reference = HashWith(["IDLE", "BUSY"]);
        Assert.Equal(reference, HashWith(["IDLE", "BUSY"]));
        Assert.NotEqual(reference, HashWith(["IDLE", "RUNNING"]));
        Assert.NotEqual(reference, HashWith(["IDLE"]));
        Assert.NotEqual(reference, HashWith(null));
        Assert.NotEqual(HashWith(null), HashWith([]));
    }

    [Fact]
    public void A_calibration_change_changes_the_hash()
    {
        static uint HashWith(double scale, double offset)
        {
            var builder = new DictionaryBuilder();
            builder.Add(new ParameterDefinition(7, "test.temperature", DataType.Int16, "degC", "") { Scale = scale, Offset = offset });
            return builder.Build().Hash;
        }

        Assert.NotEqual(HashWith(0.01, 0), HashWith(0.02, 0));
        Assert.NotEqual(HashWith(0.01, 0), HashWith(0.01, -273.15));
    }

    [Fact]
    public void Descriptions_do_not_change_the_hash()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(7, "test.value", DataType.UInt16, "V", "another description"));
        var other = new DictionaryBuilder();
        other.Add(new ParameterDefinition(7, "test.value", DataType.UInt16, "V", "value"));

        Assert.Equal(builder.Build().Hash, other.Build().Hash);
    }

    [Fact]
    public void Duplicate_identifiers_are_refused_at_boot()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(7, "a", DataType.UInt8, "", ""));
        builder.Add(new ParameterDefinition(7, "b", DataType.UInt8, "", ""));

        Assert.Throws<InvalidOperationException>(builder.Build);
    }
}
