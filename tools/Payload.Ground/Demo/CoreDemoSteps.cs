using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.GroundStation;
using Payload.GroundStation.Commanding;
using Payload.GroundStation.Telemetry;
using Payload.GroundStation.Tracking;

namespace Payload.Ground.Demo;

/// <summary>The steps that show the flight core and the ground working together, each with its expectations.</summary>
public static class CoreDemoSteps
{
    /// <summary>The settable parameter the parameter step reads and sets (tm.store_always_mask: classes stored while the link is up).</summary>
    public const string SettableParameter = "tm.store_always_mask";

    /// <summary>Seconds the link is cut in the outage step.</summary>
    public const double OutageSeconds = 4;

    /// <summary>The core steps, in order.</summary>
    public static IReadOnlyList<DemoStep> All { get; } =
    [
        new("Boot: SYS_BOOT carries the board's dictionary hash", Boot),
        new("Housekeeping: HK_CORE decoded with names and units", Housekeeping),
        new("Connection test: TEST_ARE_YOU_ALIVE", AreYouAlive),
        new("Mode: MODE_SET STANDBY", ModeStandby),
        new($"Parameters: PARAM_REPORT and PARAM_SET of {SettableParameter}", Parameters),
        new("Time-tagged: SCHED_INSERT of TEST_ARE_YOU_ALIVE for release 3 s later", TimeTagged),
        new("Argument validation: MODE_SET mode=7 is refused before sending", RefusedByEncoder),
        new("A corrupted frame: acceptance fails with BadCrc", CorruptedFrame),
        new("Garbage on the uplink: the deframer discards it and says so", Garbage),
        new($"Link outage of {OutageSeconds:0} s, then STORE_DOWNLINK_TIME replays what was stored", Outage),
    ];

    private static void Boot(DemoContext demo)
    {
        demo.RunUntil(() => demo.Events("SYS_BOOT").Any(), 2);
        EventReport? boot = demo.Events("SYS_BOOT").FirstOrDefault();
        if (!demo.Expect(boot is not null, "SYS_BOOT received")) return;
        DictionaryHashCheck? check = DictionaryHashCheck.From(boot!, demo.Station.Dictionary);
        if (check is not null) demo.Say(check.ToString());
        demo.Expect(check is { Matches: true }, "the boot event's dictionary hash matches the ground's");
    }

    private static void Housekeeping(DemoContext demo)
    {
        int from = demo.Received.Count;
        demo.RunUntil(() => demo.Since(from).OfType<HousekeepingReport>().Any(h => h.Structure.Name == "HK_CORE"), 2);
        HousekeepingReport? core = demo.Since(from).OfType<HousekeepingReport>().FirstOrDefault(h => h.Structure.Name == "HK_CORE");
        if (!demo.Expect(core is not null, "HK_CORE received")) return;
        demo.Say($"HK_CORE: {core!.Values.Count} parameters, {core["mode.current"]}, sys.uptime = {core["sys.uptime"].Engineering} s, out of limits: {core.OutOfLimits.Count()}");
        demo.Expect(DictionaryHashCheck.From(core, demo.Station.Dictionary) is { Matches: true }, "HK_CORE's sys.dictionary_hash matches the ground's");
    }

    private static void AreYouAlive(DemoContext demo)
    {
        int from = demo.Received.Count;
        TrackedCommand command = demo.Station.Send("TEST_ARE_YOU_ALIVE");
        demo.Say($"sent {command.Command} as request {command.RequestId}, acks {command.AckFlags}");
        demo.AwaitFinished(command);
        demo.Expect(command is { Accepted: true, Started: true, Completed: true }, "accepted, started and completed");
        demo.Expect(demo.Since(from).Any(r => r is { Service: 17, Subtype: 2 }), "TM[17,2] received");
        SayLatency(demo, command);
    }

    private static void ModeStandby(DemoContext demo)
    {
        int from = demo.Received.Count;
        TrackedCommand command = demo.Station.SendLine("MODE_SET STANDBY");
        demo.Say($"sent {command.Command}");
        demo.AwaitFinished(command);
        demo.RunFor(0.05);
        demo.Expect(command.Completed, "MODE_SET completed");
        EventReport? changed = demo.Events("MODE_CHANGED", from).FirstOrDefault();
        demo.Expect(changed is not null && changed["from"].Label == "SAFE" && changed["to"].Label == "STANDBY", "MODE_CHANGED from=SAFE to=STANDBY");
    }

    private static void Parameters(DemoContext demo)
    {
        long before = ReportParameter(demo);
        int from = demo.Received.Count;
        long target = before == 0 ? 1 : 0;
        TrackedCommand set = demo.Station.Send("PARAM_SET", SettableParameter, target);
        demo.Say($"sent {set.Command}");
        demo.AwaitFinished(set);
        demo.RunFor(0.05);
        demo.Expect(set.Completed, "PARAM_SET completed");
        demo.Expect(demo.Events("PARAM_CHANGED", from).Any(e => e["new_value"].Raw == target), $"PARAM_CHANGED to {target}");
        demo.Expect(ReportParameter(demo) == target, $"PARAM_REPORT now reads {target}");
    }

    private static long ReportParameter(DemoContext demo)
    {
        int from = demo.Received.Count;
        TrackedCommand report = demo.Station.Send("PARAM_REPORT", new NamedArgument("param_id", SettableParameter));
        demo.Say($"sent {report.Command}");
        demo.AwaitFinished(report);
        demo.RunUntil(() => demo.Since(from).OfType<ParameterReport>().Any(), 1);
        ParameterReport? value = demo.Since(from).OfType<ParameterReport>().FirstOrDefault();
        demo.Expect(report.Completed && value is not null, "PARAM_REPORT completed with TM[20,2]");
        return value?[SettableParameter].Raw ?? -1;
    }

    private static void TimeTagged(DemoContext demo)
    {
        int from = demo.Received.Count;
        long release = (demo.Station.LatestOnboardMicroseconds ?? 0) + 3_000_000;
        TimeTaggedCommand tagged = demo.Station.SendTimeTagged(release, "TEST_ARE_YOU_ALIVE");
        demo.Say($"sent SCHED_INSERT ({tagged.Insertion.RequestId}) carrying TEST_ARE_YOU_ALIVE ({tagged.Scheduled.RequestId}) for release at t={ValueFormat.Seconds(release)} s");
        demo.AwaitFinished(tagged.Insertion);
        demo.Expect(tagged.Insertion.Completed, "SCHED_INSERT completed");
        demo.Expect(tagged.Scheduled.State == CommandState.Sent, "the scheduled command has not run yet");
        demo.AwaitFinished(tagged.Scheduled, 5);
        demo.RunFor(0.05);
        VerificationReport? accepted = tagged.Scheduled.Reports.FirstOrDefault(r => r.Stage == VerificationStage.Acceptance);
        demo.Expect(tagged.Scheduled.Completed, "the scheduled TEST_ARE_YOU_ALIVE completed");
        demo.Expect(accepted is not null && accepted.MissionMicroseconds >= release && accepted.MissionMicroseconds < release + 100_000,
            "it was released at its time (within 100 ms)");
        demo.Expect(demo.Events("SCHED_RELEASED", from).Any(), "SCHED_RELEASED received");
    }

    private static void RefusedByEncoder(DemoContext demo)
    {
        long sent = demo.Station.Statistics.OctetsSent;
        try
        {
            demo.Station.SendLine("MODE_SET mode=7");
            demo.Expect(false, "the encoder refuses MODE_SET mode=7");
        }
        catch (CommandEncodingException e)
        {
            demo.Refused++;
            demo.Say($"refused: {e.Message}");
            demo.Expect(true, "the encoder refuses MODE_SET mode=7");
        }
        demo.Expect(demo.Station.Statistics.OctetsSent == sent, "nothing was sent");
    }

    private static void CorruptedFrame(DemoContext demo)
    {
        EncodedCommand command = demo.Station.Encoder.Encode("TEST_ARE_YOU_ALIVE");
        byte[] corrupted = (byte[])command.Packet.Clone();
        corrupted[^1] ^= 0x01;
        demo.Say($"sending {command.Mnemonic} ({command.RequestId}) with one bit of its CRC flipped: {ValueFormat.Hex(corrupted)}");
        TrackedCommand? tracked = demo.Station.SendPacket(corrupted);
        demo.ProvokedFailures++;
        if (!demo.Expect(tracked is not null, "the raw packet is tracked by its request ID")) return;
        demo.AwaitFinished(tracked!);
        demo.RunFor(0.05);
        demo.Expect(tracked!.FailedStage == VerificationStage.Acceptance && tracked.FailureCode == FailureCode.BadCrc, "acceptance failed with BadCrc");
    }

    private static void Garbage(DemoContext demo)
    {
        int from = demo.Received.Count;
        byte[] garbage = [0x13, 0x37, 0xC0, 0xFF, 0xEE, 0x00];
        demo.Say($"sending {garbage.Length} octets of garbage: {ValueFormat.Hex(garbage)}");
        demo.Station.SendRaw(garbage);
        demo.RunUntil(() => demo.Events("UPLINK_FRAMES_DISCARDED", from).Any(), 2);
        demo.Expect(demo.Events("UPLINK_FRAMES_DISCARDED", from).Any(e => e["frames"].Raw == 1), "UPLINK_FRAMES_DISCARDED frames=1");
    }

    private static void Outage(DemoContext demo)
    {
        long start = demo.Now;
        demo.Say("link down");
        demo.Board.SetLinkUp(false);
        int during = demo.Received.Count;
        demo.RunFor(OutageSeconds);
        demo.Expect(demo.Received.Count == during, "nothing received while the link was down");
        demo.Board.SetLinkUp(true);
        long end = demo.Now;
        demo.Say("link up");

        var fromSecond = (uint)(start / 1_000_000);
        var toSecond = (uint)(end / 1_000_000);
        int from = demo.Received.Count;
        TrackedCommand replay = demo.Station.Send("STORE_DOWNLINK_TIME", fromSecond, toSecond);
        demo.Say($"sent {replay.Command}");
        demo.AwaitFinished(replay, 10);
        demo.RunFor(0.5);
        List<TelemetryReport> replayed = demo.Since(from)
            .Where(r => r.MissionMicroseconds >= start && r.MissionMicroseconds < end && r.ReceivedAtMicroseconds >= end).ToList();
        demo.Say($"{replayed.Count} packets from the outage replayed");
        demo.Expect(replay.Completed, "STORE_DOWNLINK_TIME completed");
        demo.Expect(replayed.OfType<HousekeepingReport>().Count(h => h.Structure.Name == "HK_CORE") >= (int)OutageSeconds - 1,
            $"the HK_CORE reports of the outage came down (at least {(int)OutageSeconds - 1})");
    }

    private static void SayLatency(DemoContext demo, TrackedCommand command)
    {
        if (command.LastReportAtMicroseconds is { } last)
            demo.Say($"{command}: {ValueFormat.Seconds(last - command.SentAtMicroseconds)} s from sending to the last report");
    }
}
