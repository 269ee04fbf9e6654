using System.Diagnostics.CodeAnalysis;
using Payload.Flight.Commanding;
using Payload.GroundStation.Commanding;

namespace Payload.GroundStation.Telemetry;

/// <summary>An ST[1] request verification report: which command, which stage, success or failure (with its code and data).</summary>
public sealed record VerificationReport : TelemetryReport
{
    /// <summary>Creates a report whose fields are set by an object initializer.</summary>
    public VerificationReport()
    {
    }

    /// <summary>Creates a report with the header fields of <paramref name="header"/> and the stage, outcome and request ID given.</summary>
    [SetsRequiredMembers]
    public VerificationReport(TelemetryReport header, VerificationStage stage, bool success, RequestId requestId) : base(header)
    {
        Stage = stage;
        Success = success;
        RequestId = requestId;
    }

    /// <summary>The stage reported.</summary>
    public required VerificationStage Stage { get; init; }

    /// <summary>True for the success subtypes (odd), false for the failure ones (even).</summary>
    public required bool Success { get; init; }

    /// <summary>The request ID of the command.</summary>
    public required RequestId RequestId { get; init; }

    /// <summary>The progress step (progress reports only; for a progress failure, the step that failed).</summary>
    public int? Step { get; init; }

    /// <summary>Why the command failed; <see cref="FailureCode.None"/> for successes.</summary>
    public FailureCode FailureCode { get; init; }

    /// <summary>The failure data (32 bits as sent; its meaning depends on the code).</summary>
    public long FailureData { get; init; }

    /// <summary>The command's mnemonic when the ground knows it (set by the station from its tracker), else null.</summary>
    public string? Mnemonic { get; init; }

    /// <inheritdoc />
    public override string Describe()
    {
        string stage = Stage.ToString().ToUpperInvariant();
        string step = Step is { } s ? $" step {s}" : "";
        string command = Mnemonic is null ? $"request {RequestId}" : $"{Mnemonic} ({RequestId})";
        return Success
            ? $"{stage}{step} ok  {command}"
            : $"{stage}{step} FAILED  {command}: {FailureCode} (data {FailureData})";
    }
}
