using Payload.Flight.Dictionary;
using Payload.Flight.Instrument;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;

namespace Payload.GroundStation.Tests.Commanding;

/// <summary>PARAM_SET's value may be a label of the labelled parameter its param_id names.</summary>
public sealed class ParameterValueLabelTests
{
    private const ushort HeaterModeId = 42;

    // The flight dictionary has no settable labelled parameter yet: this one stands for the first.
    private readonly CommandEncoder _encoder = new(TestDictionary());

    [Theory]
    [InlineData("PARAM_SET test.heater_mode HIGH", 2)]
    [InlineData("PARAM_SET test.heater_mode low", 1)]
    [InlineData("PARAM_SET 42 OFF", 0)]
    [InlineData("PARAM_SET param_id=test.heater_mode value=HIGH", 2)]
    [InlineData("PARAM_SET test.heater_mode value=Low", 1)]
    [InlineData("PARAM_SET test.heater_mode 2", 2)]
    public void TheValueMayBeALabelOfTheParameterSet(string line, int raw)
    {
        EncodedCommand command = _encoder.Parse(line);

        Assert.Equal(raw, command["value"].Value);
        Assert.Equal(HeaterModeId, command["param_id"].Value);
        Assert.Equal(new byte[] { 0, (byte)HeaterModeId, 0, 0, 0, (byte)raw }, command.Packet[(PacketLimits.MinTelecommandLength - 2)..^2]);
        string label = new[] { "OFF", "LOW", "HIGH" }[raw];
        Assert.Equal(label, command["value"].Label);
        Assert.Equal($"PARAM_SET param_id=test.heater_mode value={label}", command.ToString());
    }

    [Fact]
    public void AnUnknownLabelIsRefusedWithTheParametersLabels()
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Parse("PARAM_SET test.heater_mode MEDIUM"));

        Assert.Equal("PARAM_SET: argument 'value' = 'MEDIUM' is not a number or a label of test.heater_mode (OFF, LOW, HIGH)", exception.Message);
    }

    [Fact]
    public void LabelsBelongToTheirParameterOnly()
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Parse("PARAM_SET test.setpoint HIGH"));

        Assert.Equal("PARAM_SET: argument 'value' = 'HIGH' is not an integer (Int32, -2147483648..2147483647)", exception.Message);
        Assert.Null(_encoder.Parse("PARAM_SET test.setpoint 2")["value"].Label);
    }

    [Fact]
    public void AWrongParameterIsReportedRatherThanTheLabel()
    {
        var exception = Assert.Throws<CommandEncodingException>(() => _encoder.Parse("PARAM_SET test.heater HIGH"));

        Assert.Equal("PARAM_SET: argument 'param_id' = 'test.heater' is not a number or a parameter name", exception.Message);
    }

    [Fact]
    public void TheFlightDictionarysLabelledParametersTakeTheirLabelsToo()
    {
        // Not settable: the board refuses it (ExecutionError), the encoder only translates the label.
        EncodedCommand command = new CommandEncoder(InstrumentSoftware.BuildDictionary()).Parse("PARAM_SET store.policy STOP_WHEN_FULL");

        Assert.Equal(1, command["value"].Value);
        Assert.Equal("PARAM_SET param_id=store.policy value=STOP_WHEN_FULL", command.ToString());
    }

    [Theory]
    [InlineData("PARAM_SET", 1, 0)]
    [InlineData("PARAM_SET", 0, -1)]
    [InlineData("PARAM_REPORT", 0, -1)]
    public void OnlyAValueAfterAParamIdSetsAParameter(string mnemonic, int index, int parameterId)
    {
        CommandDefinition command = _encoder.Find(mnemonic);

        Assert.Equal(parameterId, ParameterValueArgument.ParameterIdIndex(command, index));
    }

    /// <summary>ST[20] as the flight code declares it, with a settable labelled parameter and a settable plain one.</summary>
    internal static MissionDictionary TestDictionary()
    {
        var builder = new DictionaryBuilder();
        ParameterService.Declare(builder);
        builder.Add(new ParameterDefinition(HeaterModeId, "test.heater_mode", DataType.UInt8, "", "Heater mode")
        {
            Settable = true, Minimum = 0, Maximum = 2, EnumerationLabels = ["OFF", "LOW", "HIGH"],
        });
        builder.Add(new ParameterDefinition(43, "test.setpoint", DataType.UInt16, "", "Set point") { Settable = true, Minimum = 0, Maximum = 100 });
        return builder.Build();
    }
}
