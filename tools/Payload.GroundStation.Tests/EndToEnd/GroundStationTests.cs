using Payload.Boards.Simulated.Engine;
using Payload.Flight;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Instrument;
using Payload.Flight.Protocol;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Link;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.GroundStation.Tests.EndToEnd;

/// <summary>The station against the real flight code on the simulated board, in virtual time.</summary>
public sealed class GroundStationTests
{
    [Fact]
    public void AreYouAliveIsAcceptedStartedCompletedAndAnswered()
    {
        using var session = new BoardSession().Booted();

        TrackedCommand command = session.Await(session.Station.Send("TEST_ARE_YOU_ALIVE"));

        Assert.True(command is { Accepted: true, Started: true, Completed: true, State: CommandState.Completed });
        Assert.Equal([VerificationStage.Acceptance, VerificationStage.Start, VerificationStage.Completion], command.Reports.Select(r => r.Stage));
        Assert.All(command.Reports, r => Assert.Equal("TEST_ARE_YOU_ALIVE", r.Mnemonic));
        TelemetryReport alive = Assert.Single(session.Received, r => r is { Service: 17, Subtype: 2 });
        Assert.IsType<GenericReport>(alive);
        Assert.True(alive.MissionMicroseconds >= command.Reports[0].MissionMicroseconds);
    }

    [Fact]
    public void APausedSessionTakesNothingUntilStartedAndThenMissesNothing()
    {
        var board = new SimulatedBoard();
        using var link = new SimulatedBoardLink(board);
        using var station = new GroundSession(link, InstrumentSoftware.BuildDictionary(), new GroundSessionOptions { StartPaused = true });
        var received = new List<TelemetryReport>();
        station.Received += received.Add;

        board.RunFor(1_500_000);
        Assert.Empty(received);
        station.Start();

        Assert.Contains(received, r => r is EventReport { Name: "SYS_BOOT" });
        Assert.Equal(received.Select(r => r.MissionMicroseconds).Order(), received.Select(r => r.MissionMicroseconds));
        Assert.Equal(0, station.Statistics.FramesDiscarded);
    }

    [Fact]
    public void ModeSetStandbyCompletesAndTheEventNamesBothModes()
    {
        using var session = new BoardSession().Booted();

        TrackedCommand command = session.Await(session.Station.Send("MODE_SET", "mode=STANDBY"));

        Assert.True(command.Completed);
        EventReport changed = Assert.Single(session.Events("MODE_CHANGED"));
        Assert.Equal("SAFE", changed["from"].Label);
        Assert.Equal("STANDBY", changed["to"].Label);
        Assert.Equal("MODE_CHANGED from=SAFE to=STANDBY", changed.Describe());
    }

    [Fact]
    public void AnOutOfRangeArgumentIsRefusedBeforeSendingAndTheBoardRefusesItToo()
    {
        using var session = new BoardSession().Booted();
        long sent = session.Station.Statistics.OctetsSent;

        var refusal = Assert.Throws<CommandEncodingException>(() => session.Station.Send("MODE_SET", 7));
        Assert.Equal("MODE_SET: argument 'mode' = 7 is out of range 0..2 (SAFE, STANDBY, ACQUIRE)", refusal.Message);
        Assert.Equal(sent, session.Station.Statistics.OctetsSent);

        // The same packet built by hand and sent anyway: the flight code's own range check answers.
        var packet = new byte[PacketLimits.MinTelecommandLength + 1];
        Assert.Equal(PacketStatus.Ok, TelecommandCodec.TryEncode(Payload.Flight.Config.FlightConfiguration.Apid, 500, AckFlags.All,
            128, 1, 1, [7], 0, 1, packet, 0, out _));
        TrackedCommand? raw = session.Station.SendPacket(packet);
        Assert.NotNull(raw);
        session.Await(raw);

        Assert.Equal("MODE_SET", raw.Mnemonic);
        Assert.Equal(VerificationStage.Acceptance, raw.FailedStage);
        Assert.Equal(FailureCode.IllegalArgument, raw.FailureCode);
        Assert.Equal(0, raw.Failure!.FailureData); // the index of the argument
        Assert.Empty(session.Events("MODE_CHANGED"));
    }

    [Fact]
    public void HousekeepingIsDecodedWithNamesAndTheDictionaryHashMatches()
    {
        using var session = new BoardSession().Booted();
        session.RunFor(1.1);

        HousekeepingReport core = session.Received.OfType<HousekeepingReport>().First(h => h.StructureId == FlightDictionary.CoreStructure);

        Assert.Equal("HK_CORE", core.Structure.Name);
        Assert.Equal(session.Station.Dictionary.FindHousekeepingStructure(FlightDictionary.CoreStructure).ParameterIds.Length, core.Values.Count);
        Assert.Equal(session.Station.Dictionary.Hash, (uint)core["sys.dictionary_hash"].Raw);
        Assert.Equal(0, core["mode.current"].Raw);
        Assert.Equal("SAFE", core["mode.current"].Label);
        Assert.Contains(" mode.current=SAFE ", core.Describe(), StringComparison.Ordinal);
        Assert.Equal("s", core["sys.uptime"].Unit);
        Assert.Empty(core.OutOfLimits);
        DictionaryHashCheck? check = DictionaryHashCheck.From(core, session.Station.Dictionary);
        Assert.True(check is { Matches: true, Source: "HK_CORE" });
        Assert.Equal($"dictionary hash 0x{session.Station.Dictionary.Hash:X8} matches", check.ToString());
        Assert.True(session.Station.LastHashCheck!.Matches);
    }

    [Fact]
    public void TheBootEventCarriesTheHash()
    {
        using var session = new BoardSession().Booted();

        EventReport boot = Assert.Single(session.Events("SYS_BOOT"));

        Assert.Equal(session.Station.Dictionary.Hash, (uint)boot["dictionary_hash"].Raw);
        Assert.True(DictionaryHashCheck.From(boot, session.Station.Dictionary) is { Matches: true, Source: "SYS_BOOT" });
    }

    [Fact]
    public void AStationWithAnotherDictionaryRefusesToSendUnlessAllowed()
    {
        MissionDictionary other = OtherDictionary();
        using var strict = new BoardSession(other).Booted();
        using var lenient = new BoardSession(other, new GroundSessionOptions { AllowDictionaryMismatch = true }).Booted();

        Assert.False(strict.Station.LastHashCheck!.Matches);
        var refusal = Assert.Throws<DictionaryMismatchException>(() => strict.Station.Send("TEST_ARE_YOU_ALIVE"));
        Assert.Contains("dictionary hash MISMATCH", refusal.Message, StringComparison.Ordinal);
        Assert.True(lenient.Await(lenient.Station.Send("TEST_ARE_YOU_ALIVE")).Completed);
    }

    [Fact]
    public void ProgressReportsAreTracked()
    {
        using var session = new BoardSession().Booted();

        TrackedCommand command = session.Await(session.Station.Send("FUNCTION_PERFORM", "WAIT_FRAMES", 35));

        Assert.True(command.Completed);
        Assert.Equal([1, 2, 3], command.ProgressSteps);
    }

    [Fact]
    public void ATimeTaggedCommandIsReleasedAtItsTime()
    {
        using var session = new BoardSession().Booted();
        long release = session.Station.LatestOnboardMicroseconds!.Value + 3_000_000;

        TimeTaggedCommand tagged = session.Station.SendTimeTagged(release, "MODE_SET", "STANDBY");
        session.Await(tagged.Insertion);
        Assert.True(tagged.Insertion.Completed);
        Assert.Equal(CommandState.Sent, tagged.Scheduled.State);
        session.Await(tagged.Scheduled);

        Assert.True(tagged.Scheduled.Completed);
        long acceptedAt = tagged.Scheduled.Reports[0].MissionMicroseconds;
        Assert.InRange(acceptedAt, release, release + 20_000);
        Assert.Single(session.Events("SCHED_RELEASED"));
        Assert.Single(session.Events("MODE_CHANGED"));
    }

    [Fact]
    public void ACorruptedFrameFailsAcceptanceWithBadCrc()
    {
        using var session = new BoardSession().Booted();
        byte[] packet = (byte[])session.Station.Encoder.Encode("TEST_ARE_YOU_ALIVE").Packet.Clone();
        packet[^2] ^= 0x80;

        TrackedCommand command = session.Await(session.Station.SendPacket(packet)!);

        Assert.Equal(FailureCode.BadCrc, command.FailureCode);
        Assert.Equal(VerificationStage.Acceptance, command.FailedStage);
        Assert.Equal("BadCrc", Assert.Single(session.Events("CMD_REJECTED"))["failure_code"].Reference);
    }

    [Fact]
    public void GarbageOnTheUplinkIsReportedByTheBoard()
    {
        using var session = new BoardSession().Booted();

        session.Station.SendRaw([0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00]);
        session.RunFor(1.5);

        EventReport discarded = Assert.Single(session.Events("UPLINK_FRAMES_DISCARDED"));
        Assert.Equal(1, discarded["frames"].Raw);
        Assert.True(session.Await(session.Station.Send("TEST_ARE_YOU_ALIVE")).Completed);
    }

    [Fact]
    public void WhatWasStoredDuringAnOutageIsReplayed()
    {
        using var session = new BoardSession().Booted();
        long start = session.Board.NowMicroseconds;
        session.Board.SetLinkUp(false);
        session.RunFor(3);
        int before = session.Received.Count;
        session.Board.SetLinkUp(true);
        long end = session.Board.NowMicroseconds;

        TrackedCommand replay = session.Await(session.Station.Send("STORE_DOWNLINK_TIME", start / 1_000_000, end / 1_000_000));
        session.RunFor(0.5);

        Assert.True(replay.Completed);
        List<HousekeepingReport> stored = session.Received.Skip(before).OfType<HousekeepingReport>()
            .Where(h => h.StructureId == FlightDictionary.CoreStructure && h.MissionMicroseconds > start && h.MissionMicroseconds < end).ToList();
        Assert.Equal(3, stored.Count);
    }

    [Fact]
    public void StatisticsCountWhatCrossedTheLink()
    {
        using var session = new BoardSession().Booted();
        session.Await(session.Station.Send("TEST_ARE_YOU_ALIVE"));

        GroundStatistics statistics = session.Station.Statistics;

        Assert.Equal(1, statistics.CommandsSent);
        Assert.Equal(LinkFramerLength(13), statistics.OctetsSent);
        Assert.Equal(session.Received.Count, statistics.PacketsReceived);
        Assert.Equal(3, statistics.PacketsByType.Where(p => p.Key.StartsWith("TM[1,", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Equal(session.Board.Uart.OctetsDownlinked, statistics.OctetsReceived);
        Assert.Equal(0, statistics.PacketsRejected);
    }

    private static long LinkFramerLength(int packet) => Payload.GroundStation.Link.LinkFramer.FrameLength(packet);

    private static MissionDictionary OtherDictionary()
    {
        var builder = new DictionaryBuilder();
        FlightDictionary.Declare(builder);
        builder.Add(new ParameterDefinition(9999, "ground.extra", DataType.UInt8, "", "Not on the board"));
        return builder.Build();
    }
}
