using Payload.Flight.ConnectionTest;
using Payload.Flight.Events;
using Payload.Flight.Housekeeping;
using Payload.Flight.Parameters;
using Payload.Flight.Scheduling;
using Payload.Flight.Storage;
using Payload.Flight.Time;
using Payload.Flight.Verification;

namespace Payload.Dictionary.Xtce;

/// <summary>Service types and subtypes of the reports the XTCE lays out field by field, taken from the flight code that emits them.</summary>
internal static class PusReports
{
    /// <summary>ST[1] request verification.</summary>
    public const byte VerificationService = VerificationReporter.Service;

    /// <summary>ST[3] housekeeping.</summary>
    public const byte HousekeepingService = Flight.Housekeeping.HousekeepingService.Service;

    /// <summary>TM[3,25] housekeeping parameter report: structure id (u8), then the structure's parameters.</summary>
    public const byte HousekeepingReportSubtype = Flight.Housekeeping.HousekeepingService.ParameterReportSubtype;

    /// <summary>TM[3,10] housekeeping structure report.</summary>
    public const byte HousekeepingStructureReportSubtype = Flight.Housekeeping.HousekeepingService.StructureReportSubtype;

    /// <summary>ST[5] event reporting; subtypes 1 to 4 are event reports, the subtype being the severity.</summary>
    public const byte EventService = EventReporter.Service;

    /// <summary>TM[5,8] disabled event definitions list.</summary>
    public const byte DisabledEventsSubtype = EventReportingService.DisabledListSubtype;

    /// <summary>ST[9] time management.</summary>
    public const byte TimeService = Flight.Time.TimeService.Service;

    /// <summary>TM[9,2] CUC time report.</summary>
    public const byte TimeReportSubtype = Flight.Time.TimeService.TimeReportSubtype;

    /// <summary>ST[11] time-based scheduling.</summary>
    public const byte ScheduleService = TimeBasedSchedule.Service;

    /// <summary>TM[11,13] schedule summary report.</summary>
    public const byte ScheduleSummarySubtype = TimeBasedSchedule.SummaryReportSubtype;

    /// <summary>ST[15] on-board storage and retrieval.</summary>
    public const byte StorageService = PacketStore.Service;

    /// <summary>TM[15,13] packet store summary report.</summary>
    public const byte StoreSummarySubtype = PacketStore.SummaryReportSubtype;

    /// <summary>ST[17] test.</summary>
    public const byte TestService = ConnectionTestService.Service;

    /// <summary>TM[17,2] are-you-alive report (no data).</summary>
    public const byte AliveReportSubtype = ConnectionTestService.AliveReportSubtype;

    /// <summary>ST[20] parameter management.</summary>
    public const byte ParameterService = Flight.Parameters.ParameterService.Service;

    /// <summary>TM[20,2] parameter value report.</summary>
    public const byte ParameterValueSubtype = Flight.Parameters.ParameterService.ValueReportSubtype;

    /// <summary>The eight ST[1] reports: subtype, container name, whether it carries the progress step, whether it carries a failure.</summary>
    public static IReadOnlyList<(byte Subtype, string Name, bool HasStep, bool HasFailure)> Verification { get; } =
    [
        (VerificationReporter.AcceptanceSuccess, "TM_1_1_ACCEPTANCE_SUCCESS", false, false),
        (VerificationReporter.AcceptanceFailure, "TM_1_2_ACCEPTANCE_FAILURE", false, true),
        (VerificationReporter.StartSuccess, "TM_1_3_START_SUCCESS", false, false),
        (VerificationReporter.StartFailure, "TM_1_4_START_FAILURE", false, true),
        (VerificationReporter.ProgressSuccess, "TM_1_5_PROGRESS_SUCCESS", true, false),
        (VerificationReporter.ProgressFailure, "TM_1_6_PROGRESS_FAILURE", true, true),
        (VerificationReporter.CompletionSuccess, "TM_1_7_COMPLETION_SUCCESS", false, false),
        (VerificationReporter.CompletionFailure, "TM_1_8_COMPLETION_FAILURE", false, true),
    ];
}
