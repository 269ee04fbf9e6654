using Payload.GroundStation.Link;

namespace Payload.Hil.Suites.Link;

/// <summary>The uplink under faults: garbage between frames, half frames, frames that are no telecommand, outages, reconnection.</summary>
public sealed class LinkSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void GarbageBetweenFramesIsDiscardedAndReportedAndCommandsStillWork()
    {
        long discarded = Bench.GetParameter("uplink.discarded");
        Bench.EnsureEventBudget("UPLINK_FRAMES_DISCARDED");

        Bench.SendRaw([0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00], "garbage ending in a delimiter");
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

        EventView report = Bench.AwaitEvent("UPLINK_FRAMES_DISCARDED", within: 2.Seconds());
        Assert.Equal(1, report["frames"].Raw);
        Assert.Equal(discarded + 1, Bench.GetParameter("uplink.discarded").Raw);
    }

    [HilFact]
    public void CommandsInterleavedWithGarbageAllComplete()
    {
        var random = new Random(5);
        long discarded = Bench.GetParameter("uplink.discarded");
        var commands = new List<CommandHandle>();

        for (int i = 0; i < 5; i++)
        {
            // No delimiter in the garbage: the next frame's leading delimiter ends it.
            byte[] garbage = [.. Enumerable.Range(0, 7 + i).Select(_ => (byte)random.Next(1, 256))];
            Bench.SendRaw(garbage, $"garbage #{i + 1}");
            commands.Add(Bench.Send("TEST_ARE_YOU_ALIVE"));
        }

        foreach (CommandHandle command in commands) Bench.AssertCompleted(command);
        Bench.AwaitParameter("uplink.discarded", v => v == discarded + 5);
    }

    [HilFact]
    public void AHalfFrameIsDroppedAndTheNextCommandWorks()
    {
        byte[] frame = LinkFramer.Frame(Bench.Encode("TEST_ARE_YOU_ALIVE").Packet);
        long discarded = Bench.GetParameter("uplink.discarded");

        Bench.SendRaw(frame[..(frame.Length / 2)], "the first half of a frame");
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

        Bench.AwaitParameter("uplink.discarded", v => v == discarded + 1);
        Assert.Single(Bench.Received(), p => p is { Service: 17, Subtype: 2 });
    }

    [HilFact]
    public void AFrameThatIsNoTelecommandIsReportedMalformed()
    {
        long malformed = Bench.GetParameter("cmd.malformed");
        Bench.EnsureEventBudget("CMD_MALFORMED");

        Bench.SendRaw(LinkFramer.Frame([0x01, 0x02, 0x03]), "a three-octet frame");

        EventView report = Bench.AwaitEvent("CMD_MALFORMED");
        Assert.Equal(3, report["length"].Raw);
        Assert.Equal(malformed + 1, Bench.GetParameter("cmd.malformed").Raw);
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
    }

    [HilFact(Requires = Capability.LinkOutage)]
    public void ACommandSentDuringAnOutageIsLostAndTheLinkRecovers()
    {
        Bench.CutLink();
        CommandHandle lost = Bench.Send("TEST_ARE_YOU_ALIVE");
        Bench.Wait(2.Seconds());
        Bench.RestoreLink();

        Assert.Empty(lost.Reports);
        Bench.AwaitHousekeeping("HK_LINK", hk => hk["tm.link_up"] == true, within: 6.Seconds());
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
    }

    [HilFact(Requires = Capability.Reconnect)]
    public void ADroppedConnectionIsMadeAgainAndCommandingResumes()
    {
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

        Bench.Reconnect();

        Assert.Equal(LinkState.Connected, Bench.LinkState);
        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
        Bench.AwaitHousekeeping("HK_CORE", within: 3.Seconds());
    }
}
