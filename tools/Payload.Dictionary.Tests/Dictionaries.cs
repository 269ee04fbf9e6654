using Payload.Flight.Instrument;
using Payload.Flight;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Tests;

/// <summary>The dictionaries every export test runs on: the flight one as it stands, and the richer test one.</summary>
public static class Dictionaries
{
    /// <summary>xunit member data: the dictionary names.</summary>
    public static TheoryData<string> Names => new() { "flight", "rich" };

    /// <summary>The dictionary called <paramref name="name"/>.</summary>
    public static MissionDictionary Get(string name) => name switch
    {
        "flight" => InstrumentSoftware.BuildDictionary(),
        "rich" => RichDictionary.Build(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "unknown test dictionary"),
    };
}
