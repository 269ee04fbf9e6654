using Payload.Flight.Dictionary;
using Payload.Flight.Modes;

namespace Payload.Dictionary.Tests;

/// <summary>The names the exports give to flight enumerations, and their inverses.</summary>
public sealed class DictionaryNamesTests
{
    [Theory]
    [InlineData("BadPusHeader", "BAD_PUS_HEADER")]
    [InlineData("Safe", "SAFE")]
    [InlineData("NotAuthorised", "NOT_AUTHORISED")]
    [InlineData("Crc16Ok", "CRC16_OK")]
    public void Upper_snake_splits_words(string pascal, string expected)
    {
        Assert.Equal(expected, DictionaryNames.UpperSnake(pascal));
    }

    [Fact]
    public void Every_type_and_severity_name_parses_back()
    {
        foreach (DataType type in Enum.GetValues<DataType>())
        {
            Assert.Equal(type, DictionaryNames.ParseType(DictionaryNames.TypeName(type)));
        }

        foreach (Severity severity in Enum.GetValues<Severity>())
        {
            Assert.Equal(severity, DictionaryNames.ParseSeverity(DictionaryNames.SeverityName(severity)));
        }

        Assert.Throws<FormatException>(() => DictionaryNames.ParseType("UInt16"));
        Assert.Throws<FormatException>(() => DictionaryNames.ParseSeverity("Low"));
    }

    [Fact]
    public void Every_mode_mask_round_trips_through_its_names()
    {
        for (int mask = 0; mask <= ModeMask.Any; mask++)
        {
            Assert.Equal(mask, DictionaryNames.ModeMaskOf(DictionaryNames.ModeNames((byte)mask)));
        }

        Assert.Equal(["STANDBY", "ACQUIRE"], DictionaryNames.ModeNames(ModeMask.Operational));
        Assert.Throws<ArgumentOutOfRangeException>(() => DictionaryNames.ModeNames(0x80));
        Assert.Throws<FormatException>(() => DictionaryNames.ModeMaskOf(["SLEEP"]));
    }
}
