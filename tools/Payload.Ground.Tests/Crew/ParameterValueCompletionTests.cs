using Payload.Flight;
using Payload.Flight.Dictionary;
using Payload.Flight.Parameters;
using Payload.Ground.Crew;

namespace Payload.Ground.Tests.Crew;

/// <summary>Tab after PARAM_SET's parameter offers that parameter's labels when it has some.</summary>
public sealed class ParameterValueCompletionTests
{
    private readonly CommandCompleter _completer = new(TestDictionary(), CrewConsole.ConsoleWords);

    [Theory]
    [InlineData("PARAM_SET test.heater_mode H", "PARAM_SET test.heater_mode HIGH ")]
    [InlineData("PARAM_SET 42 l", "PARAM_SET 42 LOW ")]
    [InlineData("PARAM_SET param_id=test.heater_mode value=O", "PARAM_SET param_id=test.heater_mode value=OFF ")]
    [InlineData("PARAM_SET test.heater_mode value=H", "PARAM_SET test.heater_mode value=HIGH ")]
    public void TheLabelsOfTheParameterSetComplete(string line, string completed)
    {
        Completion completion = _completer.Complete(line);

        Assert.Equal(completed, completion.Line);
        Assert.Single(completion.Candidates);
    }

    [Fact]
    public void AllLabelsAreOfferedBeforeTheArgumentName()
    {
        Assert.Equal(["OFF", "LOW", "HIGH", "value="], _completer.Complete("PARAM_SET test.heater_mode ").Candidates);
        Assert.Equal(["value=OFF", "value=LOW", "value=HIGH"], _completer.Complete("PARAM_SET param_id=test.heater_mode value=").Candidates);
    }

    [Theory]
    [InlineData("PARAM_SET test.setpoint ")]
    [InlineData("PARAM_SET no.such ")]
    [InlineData("PARAM_SET ")]
    public void AParameterWithoutLabelsOffersNoValues(string line)
    {
        Assert.DoesNotContain("HIGH", _completer.Complete(line).Candidates);
    }

    [Fact]
    public void TheFlightDictionarysLabelledParametersOfferTheirLabels()
    {
        var flight = new CommandCompleter(FlightDictionary.Build(), CrewConsole.ConsoleWords);

        Assert.Equal(["CIRCULAR", "STOP_WHEN_FULL", "value="], flight.Complete("PARAM_SET store.policy ").Candidates);
    }

    // The flight dictionary has no settable labelled parameter yet: this one stands for the first.
    private static MissionDictionary TestDictionary()
    {
        var builder = new DictionaryBuilder();
        ParameterService.Declare(builder);
        builder.Add(new ParameterDefinition(42, "test.heater_mode", DataType.UInt8, "", "Heater mode")
        {
            Settable = true, Minimum = 0, Maximum = 2, EnumerationLabels = ["OFF", "LOW", "HIGH"],
        });
        builder.Add(new ParameterDefinition(43, "test.setpoint", DataType.UInt16, "", "Set point") { Settable = true, Minimum = 0, Maximum = 100 });
        return builder.Build();
    }
}
