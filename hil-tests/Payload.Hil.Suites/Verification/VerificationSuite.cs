using Payload.Flight.Config;
using Payload.Flight.Protocol;
using Payload.Hil.Suites.Support;

namespace Payload.Hil.Suites.Verification;

/// <summary>ST[1] request verification: every stage, success and failure, as the ground sees it over the link.</summary>
public sealed class VerificationSuite(ITestOutputHelper output) : BenchTest(output)
{
    [HilFact]
    public void ASuccessfulCommandReportsAcceptanceStartAndCompletionInOrder()
    {
        CommandHandle command = Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");

        Assert.Equal([Stage.Accepted, Stage.Started, Stage.Completed], command.Reports.Select(r => (Stage)r.Stage));
        Assert.All(command.Reports, r => Assert.True(r.Success));
        long[] times = command.Reports.Select(r => r.MissionMicroseconds).ToArray();
        Assert.Equal(times.Order(), times);
    }

    [HilFact]
    public void AMultiFrameCommandReportsProgressEveryTenFrames()
    {
        CommandHandle wait = Bench.Send("FUNCTION_PERFORM", "WAIT_FRAMES", 35);

        Bench.AwaitStage(wait, Stage.Progress);
        Bench.AssertCompleted(wait);
        Assert.Equal([1, 2, 3], wait.ProgressSteps);
        Assert.Equal([Stage.Accepted, Stage.Started, Stage.Progress, Stage.Progress, Stage.Progress, Stage.Completed], wait.Reports.Select(r => (Stage)r.Stage));
    }

    [HilFact]
    public void OnlyTheStagesAskedForAreReportedButFailuresAlways()
    {
        using (Bench.NoEvents("CMD_FAILED", "CMD_REJECTED"))
        {
            CommandHandle quiet = Bench.SendWithAcks(AckFlags.Completion, "TEST_ARE_YOU_ALIVE");
            Bench.AssertCompleted(quiet);
            Assert.Equal([Stage.Completed], quiet.Reports.Select(r => (Stage)r.Stage));
        }

        CommandHandle silent = Bench.SendWithAcks(AckFlags.None, "HK_ENABLE", 99);
        Bench.AssertFails(silent, FailureCode.UnknownIdentifier, Stage.Started);
        Assert.All(silent.Reports, r => Assert.False(r.Success));
    }

    [HilFact]
    public void ACorruptedCrcFailsAcceptanceWithBadCrc()
    {
        Bench.EnsureEventBudget("CMD_REJECTED");
        byte[] packet = Bench.Encode("TEST_ARE_YOU_ALIVE").Packet;
        packet[^1] ^= 0x01;

        CommandHandle corrupted = Bench.SendPacket(packet, "TEST_ARE_YOU_ALIVE with a flipped CRC bit");

        Bench.AssertFails(corrupted, FailureCode.BadCrc, Stage.Accepted);
        EventView rejected = Bench.AwaitEvent("CMD_REJECTED", e => e["failure_code"] == "BadCrc");
        Assert.Equal(corrupted.Tracked.RequestId.SequenceControl, (ushort)rejected["sequence_control"].Raw);
    }

    [HilFact]
    public void AnotherApidFailsAcceptanceWithWrongApid()
    {
        CommandHandle stray = Bench.SendPacket(Bench.RawPacket("TEST_ARE_YOU_ALIVE", [], apid: FlightConfiguration.Apid + 1), "TEST_ARE_YOU_ALIVE to APID+1");

        VerificationReport failure = Bench.AssertFails(stray, FailureCode.WrongApid, Stage.Accepted);
        Assert.Equal(FlightConfiguration.Apid + 1, failure.FailureData);
    }

    [HilFact]
    public void AnUnknownServiceOrSubtypeFailsAcceptance()
    {
        byte[] Packet(byte service, byte subtype)
        {
            byte[] template = Bench.RawPacket("TEST_ARE_YOU_ALIVE", []);
            var packet = new byte[template.Length];
            TelecommandCodec.TryEncode(FlightConfiguration.Apid, (ushort)(BigEndian.ReadUInt16(template, 2) & PacketLimits.MaxSequenceCount), AckFlags.All,
                service, subtype, FlightConfiguration.GroundId, [], 0, 0, packet, 0, out _);
            return packet;
        }

        Bench.EnsureEventBudget("CMD_REJECTED", 2);
        Mark start = Bench.Mark();
        Bench.AssertFails(Bench.SendPacket(Packet(99, 1), "TC[99,1]"), FailureCode.UnknownService, Stage.Accepted);
        Bench.AssertFails(Bench.SendPacket(Packet(17, 99), "TC[17,99]"), FailureCode.UnknownSubtype, Stage.Accepted);
        Bench.AwaitEvent("CMD_REJECTED", e => e["failure_code"] == "UnknownSubtype", since: start);
        Assert.Equal(["UnknownService", "UnknownSubtype"], Bench.Events("CMD_REJECTED", start).Select(e => e["failure_code"].Reference));
    }

    [HilFact]
    public void ArgumentsOfTheWrongLengthOrOutOfRangeFailAcceptance()
    {
        CommandHandle longer = Bench.SendPacket(Bench.RawPacket("MODE_SET", [1, 0]), "MODE_SET with two octets");
        Bench.AssertFails(longer, FailureCode.BadArgumentLength, Stage.Accepted);

        CommandHandle outOfRange = Bench.SendPacket(Bench.RawPacket("MODE_SET", [7]), "MODE_SET mode=7");
        VerificationReport failure = Bench.AssertFails(outOfRange, FailureCode.IllegalArgument, Stage.Accepted);
        Assert.Equal(0, failure.FailureData); // the index of the argument

        Bench.AwaitParameter("mode.current", v => v == 0);
    }

    [HilFact]
    public void ACommandNotAllowedInTheModeFailsAcceptanceWithWrongMode()
    {
        CommandDefinition? restricted = Bench.Dictionary.Commands.FirstOrDefault(c => !Payload.Flight.Modes.ModeMask.Contains(c.AllowedModes, Payload.Flight.Modes.Mode.Safe));
        Assert.True(restricted is not null, "the dictionary declares no command forbidden in SAFE");

        CommandHandle refused = Bench.Send(restricted.Mnemonic, Arguments.Minimal(restricted));

        VerificationReport failure = Bench.AssertFails(refused, FailureCode.WrongMode, Stage.Accepted);
        Assert.Equal(0, failure.FailureData); // SAFE
    }

    [HilFact]
    public void AFailureInExecutionIsReportedAtStartThenCompletion()
    {
        Bench.EnsureEventBudget("CMD_FAILED");
        CommandHandle unknown = Bench.Send("HK_ENABLE", 99);

        Bench.AssertFails(unknown, FailureCode.UnknownIdentifier, Stage.Started);
        Bench.AwaitStage(unknown, Stage.Accepted);
        Bench.WaitUntil(() => unknown.Reports.Any(r => r.Stage == Payload.GroundStation.Telemetry.VerificationStage.Completion), 2.Seconds());
        Assert.Equal([(Stage.Accepted, true), (Stage.Started, false), (Stage.Completed, false)], unknown.Reports.Select(r => ((Stage)r.Stage, r.Success)));
        Bench.AwaitEvent("CMD_FAILED", e => e["failure_code"] == "UnknownIdentifier");
    }

    [HilFact]
    public void TheCommandCountersFollowAcceptanceAndFailures()
    {
        long accepted = Bench.GetParameter("cmd.accepted");
        long rejected = Bench.GetParameter("cmd.rejected");
        long failed = Bench.GetParameter("cmd.failed");

        Bench.SendAndComplete("TEST_ARE_YOU_ALIVE");
        Bench.SendAndFail(FailureCode.UnknownIdentifier, "HK_ENABLE", 99);
        Bench.AssertFails(Bench.SendPacket(Bench.RawPacket("MODE_SET", [7])), FailureCode.IllegalArgument);

        // The queries themselves are accepted too; rejected and failed count only what this test provoked.
        Assert.True(Bench.GetParameter("cmd.accepted") >= accepted + 2);
        Assert.Equal(rejected + 1, Bench.GetParameter("cmd.rejected").Raw);
        Assert.Equal(failed + 1, Bench.GetParameter("cmd.failed").Raw);
    }
}
