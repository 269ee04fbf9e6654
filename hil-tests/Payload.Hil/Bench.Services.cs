using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>Asks for on-board time (TIME_REPORT → TM[9,2]); also re-anchors the bench's estimate of it.</summary>
    public TimeReport QueryOnboardTime()
    {
        TimeReport report = TimeReport.Read(Request("TIME_REPORT", 9, 2));
        if (_time is RealBenchTime real) _tracker.Anchor(report.MissionMicroseconds, real.WallNow);
        return report;
    }

    /// <summary>Sets on-board mission time (TIME_SET, which must complete) and waits for the TIME_SET event.</summary>
    public EventView SetOnboardTime(long missionMicroseconds)
    {
        var time = CucTime.FromMicroseconds(missionMicroseconds);
        EnsureEventBudget("TIME_SET");
        SendAndComplete("TIME_SET", (long)time.Coarse, (long)time.Fine);
        return AwaitEvent("TIME_SET", e => e["new_seconds"] == time.Coarse);
    }

    /// <summary>The on-board schedule's content (SCHED_REPORT_SUMMARY → TM[11,13]).</summary>
    public ScheduleSummary ScheduleSummary() => Hil.ScheduleSummary.Read(Request("SCHED_REPORT_SUMMARY", 11, 13));

    /// <summary>The packet store's content and counters (STORE_REPORT_SUMMARY → TM[15,13]).</summary>
    public StoreSummary StoreSummary() => Hil.StoreSummary.Read(Request("STORE_REPORT_SUMMARY", 15, 13));

    /// <summary>The events the ground has disabled (EVENT_REPORT_DISABLED → TM[5,8]).</summary>
    public DisabledEventList DisabledEvents() => DisabledEventList.Read(Request("EVENT_REPORT_DISABLED", 5, 8), Dictionary);

    /// <summary>A housekeeping structure's layout, state and interval (HK_REPORT_STRUCTURE → TM[3,10]).</summary>
    public StructureLayout StructureLayout(string structure) =>
        Hil.StructureLayout.Read(Request("HK_REPORT_STRUCTURE", 3, 10, RequireStructure(structure).Id));

    /// <summary>Disables the reports of event <paramref name="name"/> (EVENT_DISABLE); enabled again at teardown.</summary>
    public void DisableEvent(string name)
    {
        EventDefinition definition = RequireEvent(name);
        SendAndComplete("EVENT_DISABLE", definition.Id);
        OnTeardown($"enable {name}", () => AssertCompleted(SendQuiet(AckFlags.All, "EVENT_ENABLE", definition.Id)));
    }

    /// <summary>Sends a query on the bench's behalf, checks it completes and returns the TM[service,subtype] it answers with.</summary>
    private ReceivedPacket Request(string mnemonic, byte service, byte subtype, params object?[] arguments)
    {
        CommandHandle request = SendQuiet(AckFlags.All, mnemonic, arguments);
        AssertCompleted(request);
        return AwaitPacket(service, subtype, within: _options.CommandWindow, since: request.Sent);
    }

    /// <summary>Brings a board other tests have used back to its boot state (see <see cref="BenchOptions.Baseline"/>).</summary>
    private void RestoreBootState()
    {
        _log.Add(Now, '#', "baseline: restoring the boot state of a shared board");
        var commands = new List<(string Mnemonic, object?[] Arguments)>
        {
            ("MODE_SET", ["SAFE"]),
            ("SCHED_RESET", []),
            ("SCHED_ENABLE", []),
            ("STORE_ENABLE", []),
            ("STORE_SET_POLICY", ["CIRCULAR"]),
            ("TIME_SET_REPORT_RATE", [0]),
        };
        foreach (var structure in Dictionary.HousekeepingStructures)
        {
            commands.Add(("HK_SET_INTERVAL", [structure.Id, structure.IntervalTicks]));
            commands.Add((structure.EnabledAtBoot ? "HK_ENABLE" : "HK_DISABLE", [structure.Id]));
        }
        foreach (string disabled in DisabledEvents().Names)
        {
            if (Dictionary.Events.FirstOrDefault(e => e.Name == disabled) is { } definition) commands.Add(("EVENT_ENABLE", [definition.Id]));
        }
        // In small batches: the board's command queue holds eight.
        foreach (var batch in commands.Chunk(4))
        {
            CommandHandle[] sent = batch.Where(c => Dictionary.Commands.Any(d => d.Mnemonic == c.Mnemonic))
                .Select(c => SendQuiet(AckFlags.All, c.Mnemonic, c.Arguments)).ToArray();
            foreach (CommandHandle command in sent) AssertCompleted(command);
        }
    }
}
