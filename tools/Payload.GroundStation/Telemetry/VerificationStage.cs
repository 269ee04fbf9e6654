namespace Payload.GroundStation.Telemetry;

/// <summary>The ST[1] verification stages, in the order a command passes them.</summary>
public enum VerificationStage
{
    /// <summary>Acceptance (TM[1,1] success, TM[1,2] failure).</summary>
    Acceptance = 1,

    /// <summary>Start of execution (TM[1,3], TM[1,4]).</summary>
    Start = 2,

    /// <summary>Progress of execution (TM[1,5], TM[1,6]).</summary>
    Progress = 3,

    /// <summary>Completion of execution (TM[1,7], TM[1,8]).</summary>
    Completion = 4,
}
