using Payload.Flight.Dictionary;
using Payload.Flight.Status;
using Payload.GroundStation.Telemetry;

namespace Payload.GroundStation;

/// <summary>The board's dictionary hash (from the boot event or housekeeping) against the ground's.</summary>
public sealed record DictionaryHashCheck
{
    /// <summary>The hash the board reported.</summary>
    public required uint Reported { get; init; }

    /// <summary>The hash of the ground's dictionary.</summary>
    public required uint Local { get; init; }

    /// <summary>Where the reported hash came from (SYS_BOOT, HK_CORE, …).</summary>
    public required string Source { get; init; }

    /// <summary>True when board and ground use the same dictionary.</summary>
    public bool Matches => Reported == Local;

    /// <summary>The check <paramref name="report"/> allows, or null when it carries no dictionary hash.</summary>
    public static DictionaryHashCheck? From(TelemetryReport report, MissionDictionary local)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(local);
        long? reported = null;
        string source = "";
        switch (report)
        {
            case EventReport { EventId: SystemStatus.BootEvent } boot when boot.Arguments.Count > 0:
                reported = boot.Arguments[0].Raw;
                source = boot.Name;
                break;
            case HousekeepingReport housekeeping:
                reported = housekeeping.Values.FirstOrDefault(v => v.Definition.Id == SystemStatus.DictionaryHashParameter)?.Raw;
                source = housekeeping.Structure.Name;
                break;
            case ParameterReport parameters:
                reported = parameters.Values.FirstOrDefault(v => v.Definition.Id == SystemStatus.DictionaryHashParameter)?.Raw;
                source = "PARAM_REPORT";
                break;
        }
        return reported is { } hash ? new DictionaryHashCheck { Reported = (uint)hash, Local = local.Hash, Source = source } : null;
    }

    /// <summary>"dictionary hash 0x… matches" or what differs.</summary>
    public override string ToString() => Matches
        ? $"dictionary hash {ValueFormat.Hash(Reported)} matches"
        : $"dictionary hash MISMATCH: the board reports {ValueFormat.Hash(Reported)} ({Source}), the ground has {ValueFormat.Hash(Local)}";
}
