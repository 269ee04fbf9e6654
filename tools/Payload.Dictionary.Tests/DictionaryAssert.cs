using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Tests;

/// <summary>Field-by-field comparison of two dictionaries, so a round trip that loses anything fails with what it lost.</summary>
internal static class DictionaryAssert
{
    public static void Equal(MissionDictionary expected, MissionDictionary actual)
    {
        Assert.Equal(expected.Commands.Length, actual.Commands.Length);
        for (int i = 0; i < expected.Commands.Length; i++)
        {
            CommandDefinition e = expected.Commands[i], a = actual.Commands[i];
            Assert.Equal((e.Mnemonic, e.Service, e.Subtype, e.Description, e.AllowedModes, e.TimeoutTicks),
                (a.Mnemonic, a.Service, a.Subtype, a.Description, a.AllowedModes, a.TimeoutTicks));
            Arguments(e.Arguments, a.Arguments);
        }

        Assert.Equal(expected.Parameters.Length, actual.Parameters.Length);
        for (int i = 0; i < expected.Parameters.Length; i++)
        {
            ParameterDefinition e = expected.Parameters[i], a = actual.Parameters[i];
            Assert.Equal((e.Id, e.Name, e.Type, e.Unit, e.Description, e.Scale, e.Offset),
                (a.Id, a.Name, a.Type, a.Unit, a.Description, a.Scale, a.Offset));
            Assert.Equal((e.Settable, e.Persisted, e.DefaultValue, e.Minimum, e.Maximum, e.LowLimit, e.HighLimit),
                (a.Settable, a.Persisted, a.DefaultValue, a.Minimum, a.Maximum, a.LowLimit, a.HighLimit));
            Assert.Equal(e.EnumerationLabels, a.EnumerationLabels);
        }

        Assert.Equal(expected.Events.Length, actual.Events.Length);
        for (int i = 0; i < expected.Events.Length; i++)
        {
            EventDefinition e = expected.Events[i], a = actual.Events[i];
            Assert.Equal((e.Id, e.Name, e.Severity, e.Description, e.ThrottleLimit), (a.Id, a.Name, a.Severity, a.Description, a.ThrottleLimit));
            Arguments(e.Arguments, a.Arguments);
        }

        Assert.Equal(expected.HousekeepingStructures.Length, actual.HousekeepingStructures.Length);
        for (int i = 0; i < expected.HousekeepingStructures.Length; i++)
        {
            HousekeepingStructureDefinition e = expected.HousekeepingStructures[i], a = actual.HousekeepingStructures[i];
            Assert.Equal((e.Id, e.Name, e.Description, e.IntervalTicks, e.EnabledAtBoot), (a.Id, a.Name, a.Description, a.IntervalTicks, a.EnabledAtBoot));
            Assert.Equal(e.ParameterIds, a.ParameterIds);
        }

        Assert.Equal(expected.Functions.Length, actual.Functions.Length);
        for (int i = 0; i < expected.Functions.Length; i++)
        {
            FunctionDefinition e = expected.Functions[i], a = actual.Functions[i];
            Assert.Equal((e.Id, e.Name, e.Description), (a.Id, a.Name, a.Description));
            Arguments([e.Argument], [a.Argument]);
        }

        Assert.Equal(expected.Hash, actual.Hash);
    }

    private static void Arguments(ArgumentDefinition[] expected, ArgumentDefinition[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            ArgumentDefinition e = expected[i], a = actual[i];
            Assert.Equal((e.Name, e.Type, e.Unit, e.Minimum, e.Maximum, e.Description), (a.Name, a.Type, a.Unit, a.Minimum, a.Maximum, a.Description));
            Assert.Equal(e.EnumerationLabels, a.EnumerationLabels);
        }
    }
}
