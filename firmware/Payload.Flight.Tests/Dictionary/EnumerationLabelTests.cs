using System.Text;
using Payload.Flight.Dictionary;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Modes;
using Payload.Flight.Storage;
using Payload.Flight.Time;

namespace Payload.Flight.Tests.Dictionary;

/// <summary>The labels the dictionary gives enumerated parameters are the names of the flight enums, value for value.</summary>
public class EnumerationLabelTests
{
    private static readonly MissionDictionary Dictionary = InstrumentSoftware.BuildDictionary();

    public static TheoryData<string, Type> EnumeratedParameters => new()
    {
        { "mode.current", typeof(Mode) },
        { "store.policy", typeof(StoreOverflowPolicy) },
        { "acq.state", typeof(PassState) },
        { "acq.dig.state", typeof(DigitizerHealthState) },
        { "acq.dig.last_result", typeof(DigitizerResult) },
        { "acq.last.end_reason", typeof(PassEndReason) },
    };

    [Theory]
    [MemberData(nameof(EnumeratedParameters))]
    public void Parameter_labels_are_the_enum_names_in_value_order(string name, Type enumType)
    {
        ParameterDefinition parameter = Find(name);

        Assert.Equal(LabelsOf(enumType), parameter.EnumerationLabels);
    }

    [Fact]
    public void Arguments_of_the_same_enumerations_carry_the_same_labels()
    {
        Assert.Equal(LabelsOf(typeof(Mode)), Dictionary.FindCommand(ModeManager.Service, ModeManager.SetSubtype)!.Arguments[0].EnumerationLabels);
        Assert.Equal(LabelsOf(typeof(StoreOverflowPolicy)), Dictionary.FindCommand(PacketStore.Service, PacketStore.SetPolicySubtype)!.Arguments[0].EnumerationLabels);
        Assert.Equal(LabelsOf(typeof(ExpectedRadar)), Dictionary.FindCommand(AcquisitionDictionary.Service, AcquisitionDictionary.ArmSubtype)!.Arguments[2].EnumerationLabels);
        Assert.Equal(LabelsOf(typeof(PassEndReason)), Dictionary.FindEvent(AcquisitionDictionary.PassEndedEvent)!.Arguments[0].EnumerationLabels);
        Assert.Equal(LabelsOf(typeof(DigitizerResult)), Dictionary.FindEvent(AcquisitionDictionary.DigitizerDegradedEvent)!.Arguments[0].EnumerationLabels);
    }

    [Fact]
    public void Digitizer_fault_reason_labels_name_the_enum_from_the_arguments_minimum()
    {
        // None (0) is never reported, so the argument starts at 1 and label i names value 1 + i.
        ArgumentDefinition reason = Dictionary.FindEvent(AcquisitionDictionary.DigitizerFaultEvent)!.Arguments[0];

        Assert.Equal(1, reason.Minimum);
        Assert.Equal(LabelsOf(typeof(DigitizerFaultReason)).Skip((int)reason.Minimum), reason.EnumerationLabels);
    }

    [Fact]
    public void Time_source_labels_follow_the_source_constants()
    {
        string[] labels = Find("time.source").EnumerationLabels;

        Assert.Equal(3, labels.Length);
        Assert.Equal("DEFAULT", labels[TimeService.SourceDefault]);
        Assert.Equal("RESTORED", labels[TimeService.SourceRestored]);
        Assert.Equal("GROUND", labels[TimeService.SourceGround]);
    }

    [Fact]
    public void Every_labelled_parameter_is_a_small_unsigned_integer_whose_labels_are_unique()
    {
        ParameterDefinition[] labelled = Dictionary.Parameters.Where(p => p.EnumerationLabels is not null).ToArray();

        Assert.True(labelled.Length >= 7, $"only {labelled.Length} labelled parameters");
        foreach (ParameterDefinition p in labelled)
        {
            Assert.Equal(DataType.UInt8, p.Type);
            Assert.NotEmpty(p.EnumerationLabels);
            Assert.Equal(p.EnumerationLabels.Length, p.EnumerationLabels.Distinct().Count());
        }
    }

    private ParameterDefinition Find(string name) =>
        Dictionary.Parameters.SingleOrDefault(p => p.Name == name) ?? throw new Xunit.Sdk.XunitException($"{name} is not declared");

    // Enum member names in value order, as UPPER_SNAKE: InPass → IN_PASS; values must be 0, 1, 2… for labels to index them.
    private static string[] LabelsOf(Type enumType)
    {
        Array values = Enum.GetValuesAsUnderlyingType(enumType);
        string[] names = Enum.GetNames(enumType);
        for (int i = 0; i < values.Length; i++) Assert.Equal(i, Convert.ToInt32(values.GetValue(i)));
        return names.Select(UpperSnake).ToArray();
    }

    private static string UpperSnake(string name)
    {
        var text = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && !char.IsUpper(name[i - 1])) text.Append('_');
            text.Append(char.ToUpperInvariant(name[i]));
        }
        return text.ToString();
    }
}
