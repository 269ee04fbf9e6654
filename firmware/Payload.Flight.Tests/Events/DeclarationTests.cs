using System.Text.RegularExpressions;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Housekeeping;

namespace Payload.Flight.Tests.Events;

/// <summary>The ST[3] and ST[5] declarations follow the dictionary's conventions and stay in their identifier blocks.</summary>
public partial class DeclarationTests
{
    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$")]
    private static partial Regex LowerDotted();

    [Theory]
    [InlineData("events", 400, 449)]
    [InlineData("housekeeping", 450, 499)]
    public void Declarations_are_well_named_and_in_their_block(string concept, int first, int last)
    {
        var builder = new DictionaryBuilder();
        if (concept == "events") EventReporter.Declare(builder);
        else HousekeepingService.Declare(builder);
        var dictionary = builder.Build();

        Assert.NotEmpty(dictionary.Commands);
        Assert.All(dictionary.Commands, c => Assert.Matches(UpperSnake(), c.Mnemonic));
        Assert.All(dictionary.Commands, c => Assert.Equal(concept == "events" ? 5 : 3, c.Service));
        Assert.All(dictionary.Events, e => Assert.Matches(UpperSnake(), e.Name));
        Assert.All(dictionary.Parameters, p => Assert.Matches(LowerDotted(), p.Name));
        Assert.All(dictionary.Parameters, p => Assert.InRange(p.Id, first, last));
        Assert.All(dictionary.Events, e => Assert.InRange(e.Id, first, last));
    }

    [Fact]
    public void Both_declare_together_without_clashes()
    {
        var builder = new DictionaryBuilder();
        EventReporter.Declare(builder);
        HousekeepingService.Declare(builder);

        var dictionary = builder.Build();

        Assert.Equal(8, dictionary.Commands.Length);
    }
}
