namespace Payload.GroundStation.Reports;

/// <summary>How one product of the board compares with the ground's recomputation.</summary>
public enum ComparisonVerdict
{
    /// <summary>Within tolerance (or equal, for counts), or absent on both sides.</summary>
    Pass,

    /// <summary>Beyond tolerance, or present on one side only.</summary>
    Fail,
}
