using Payload.Analysis;
using Payload.Flight.Instrument.Products;
using Payload.GroundStation.Archive;
using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Reports;

/// <summary>What a pass report is made of: the raw pulse records, the board's products, and the housekeeping around the pass.</summary>
public sealed record PassReportInput
{
    /// <summary>The report's title ("Pass 1 — NISAR").</summary>
    public required string Title { get; init; }

    /// <summary>The pass's raw pulse records, in arrival order.</summary>
    public required IReadOnlyList<PulseSample> Pulses { get; init; }

    /// <summary>The board's products, decoded from its downlink.</summary>
    public required PassProductValues Onboard { get; init; }

    /// <summary>The ground's products; null: recomputed from <see cref="Pulses"/> with <see cref="Settings"/> and the board's geometry and temperature.</summary>
    public PassProductValues? Ground { get; init; }

    /// <summary>The algorithm settings (the board's, by default).</summary>
    public AnalysisSettings Settings { get; init; } = AnalysisSettings.FromFlight(new ProductSettings());

    /// <summary>Housekeeping series over the pass; temperatures and rails are plotted, every series is summarised.</summary>
    public IReadOnlyList<ParameterSeries> Housekeeping { get; init; } = [];

    /// <summary>Every Nth record went down raw (1: all; above 1 the ground recomputation sees a sample and cannot agree).</summary>
    public int? Decimation { get; init; }

    /// <summary>Why the pass ended, or null.</summary>
    public string? EndReason { get; init; }

    /// <summary>The radar the pass was armed for, or null.</summary>
    public string? ExpectedRadar { get; init; }

    /// <summary>Records the board lost before its products, or null.</summary>
    public long? RecordsLost { get; init; }

    /// <summary>Decimated records the raw backlog had no room for, or null.</summary>
    public long? RawDropped { get; init; }

    /// <summary>The input for an archived pass.</summary>
    /// <exception cref="InvalidOperationException">The pass's products have not arrived.</exception>
    public static PassReportInput FromArchive(PassData pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        InstrumentMessage products = pass.Products ?? throw new InvalidOperationException(
            $"pass {pass.Pass.Id} has no products message in the archive yet: fly it to its end (or replay its ST[13] parts) first");
        string radar = products.ExpectedRadar is { } r ? $" — {r}" : "";
        return new PassReportInput
        {
            Title = $"Pass {pass.Pass.Id} (board pass {pass.Pass.PassNumber}){radar}",
            Pulses = pass.Pulses,
            Onboard = products.Products!,
            Housekeeping = pass.Housekeeping,
            Decimation = products.Decimation,
            EndReason = products.EndReason,
            ExpectedRadar = products.ExpectedRadar,
            RecordsLost = products.RecordsLost,
            RawDropped = products.RawDropped,
        };
    }
}
