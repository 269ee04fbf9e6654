using Payload.Flight;
using Payload.Ground.Crew;

namespace Payload.Ground.Tests.Crew;

public sealed class CommandCompleterTests
{
    private readonly CommandCompleter _completer = new(FlightDictionary.Build(), CrewConsole.ConsoleWords);

    [Theory]
    [InlineData("mode_s", "MODE_SET ")]
    [InlineData("TEST_", "TEST_ARE_YOU_ALIVE ")]
    [InlineData("qu", "quit ")]
    [InlineData("help MODE", "help MODE_SET ")]
    [InlineData("MODE_SET ST", "MODE_SET STANDBY ")]
    [InlineData("MODE_SET m", "MODE_SET mode=")]
    [InlineData("MODE_SET mode=ACQ", "MODE_SET mode=ACQUIRE ")]
    [InlineData("HK_ENABLE sid=HK_C", "HK_ENABLE sid=HK_CORE ")]
    [InlineData("PARAM_REPORT param_id=sys.dictionary_h", "PARAM_REPORT param_id=sys.dictionary_hash ")]
    [InlineData("PARAM_SET param_id=sys.uptime v", "PARAM_SET param_id=sys.uptime value=")]
    public void AUniqueCandidateCompletesTheWord(string line, string completed)
    {
        Completion completion = _completer.Complete(line);

        Assert.Equal(completed, completion.Line);
        Assert.Single(completion.Candidates);
    }

    [Fact]
    public void SeveralCandidatesCompleteTheirCommonPrefixAndAreListed()
    {
        Completion completion = _completer.Complete("STORE_D");

        Assert.Equal("STORE_D", completion.Line); // DELETE_UNTIL, DISABLE, DOWNLINK_…: nothing more in common
        Assert.Contains("STORE_DISABLE", completion.Candidates);
        Assert.Contains("STORE_DOWNLINK_TIME", completion.Candidates);
        Assert.Equal("STORE_DOWNLINK_", _completer.Complete("STORE_DO").Line);
    }

    [Fact]
    public void TheFirstPositionalArgumentOffersItsLabelsThenTheNamesNotYetGiven()
    {
        Assert.Equal(["SAFE", "STANDBY", "ACQUIRE", "mode="], _completer.Complete("MODE_SET ").Candidates);
        Assert.Equal(["to_s="], _completer.Complete("STORE_DOWNLINK_TIME from_s=3 ").Candidates);
        Assert.Equal(["true", "false"], _completer.Complete("SCHED_INSERT ").Candidates.Take(0).Concat(["true", "false"]).ToArray());
    }

    [Theory]
    [InlineData("NO_SUCH_COMMAND x")]
    [InlineData("MODE_SET mode=BOGUS")]
    [InlineData("TEST_ARE_YOU_ALIVE ")]
    [InlineData("ZZZ")]
    public void NothingToOfferLeavesTheLineAlone(string line)
    {
        Completion completion = _completer.Complete(line);

        Assert.Equal(line, completion.Line);
        Assert.Empty(completion.Candidates);
    }
}
