using Payload.GroundStation.Instrument;

namespace Payload.GroundStation.Archive;

/// <summary>Everything the archive holds of one pass: its raw records, its products and the housekeeping around it.</summary>
/// <param name="Pass">The pass.</param>
/// <param name="Pulses">The raw pulse records in chunk order.</param>
/// <param name="Products">The decoded products message, or null when it has not arrived.</param>
/// <param name="Housekeeping">Numeric parameter series over the pass (a margin either side), by name.</param>
public sealed record PassData(ArchivedPass Pass, IReadOnlyList<PulseSample> Pulses, InstrumentMessage? Products, IReadOnlyList<ParameterSeries> Housekeeping);
