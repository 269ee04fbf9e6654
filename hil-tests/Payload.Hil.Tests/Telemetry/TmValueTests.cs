using Payload.Flight.Dictionary;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil.Tests.Telemetry;

public sealed class TmValueTests
{
    [Fact]
    public void NumbersCompareWithTheRawValue()
    {
        var value = new TmValue("mode.current", 1, 1);

        Assert.True(value == 1);
        Assert.True(value != 2);
        Assert.True(value > 0 && value >= 1 && value < 2 && value <= 1);
        long raw = value;
        Assert.Equal(1, raw);
        Assert.Equal(3, value + 2);
    }

    [Fact]
    public void TextComparesWithTheLabelTheReferenceOrTheDecimalValue()
    {
        var to = new TmValue("to", 1, 1, label: "STANDBY");
        var code = new TmValue("failure_code", 8, 8, reference: "IllegalArgument");

        Assert.True(to == "STANDBY");
        Assert.True(to == "standby");
        Assert.True(to == "1");
        Assert.True(to != "SAFE");
        Assert.True(code == "IllegalArgument");
        Assert.False(code == "Busy");
    }

    [Fact]
    public void AnEnumeratedParameterComparesWithItsLabel()
    {
        var definition = new ParameterDefinition(900, "mode.current", DataType.UInt8, "", "mode") { EnumerationLabels = ["SAFE", "STANDBY", "ACQUIRE"] };

        TmValue value = TmValue.Of(ParameterValue.Of(definition, 1));

        Assert.True(value == "STANDBY");
        Assert.True(value != "SAFE");
        Assert.True(value == 1);
        Assert.Equal("mode.current=STANDBY", value.ToString());
    }

    [Fact]
    public void BooleansAreNonZero()
    {
        Assert.True(new TmValue("tm.link_up", 1, 1) == true);
        Assert.True(new TmValue("tm.link_up", 0, 0) == false);
    }

    [Fact]
    public void ItPrintsAsNameEqualsValue()
    {
        Assert.Equal("to=STANDBY", new TmValue("to", 1, 1, label: "STANDBY").ToString());
        Assert.Equal("hkadc.rail_5v=4.98 V", new TmValue("hkadc.rail_5v", 4980, 4.98, "V").ToString());
        Assert.Equal("exec.frames=12", new TmValue("exec.frames", 12, 12).ToString());
    }
}
