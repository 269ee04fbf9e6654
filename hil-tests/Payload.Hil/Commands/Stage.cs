using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>The ST[1] stages a command passes, as tests name them.</summary>
public enum Stage
{
    /// <summary>Acceptance (TM[1,1] / TM[1,2]).</summary>
    Accepted = VerificationStage.Acceptance,

    /// <summary>Start of execution (TM[1,3] / TM[1,4]).</summary>
    Started = VerificationStage.Start,

    /// <summary>Progress of execution (TM[1,5] / TM[1,6]).</summary>
    Progress = VerificationStage.Progress,

    /// <summary>Completion of execution (TM[1,7] / TM[1,8]).</summary>
    Completed = VerificationStage.Completion,
}
