namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// A pulse at the digitizer's input, as the capture core will see it — the contract between the radar scene and the
/// digitizer chip model.
/// </summary>
/// <remarks>
/// The scene does not know the threshold register: the digitizer model decides detection with
/// <c>ComparatorCode &gt;= threshold code</c> (threshold jitter is already folded into <see cref="ComparatorCode"/>) and
/// records <see cref="PeakCode"/>. Codes follow <see cref="DetectorModel"/>'s convention: they rise with power and are
/// linear in dB (<see cref="DetectorModel.CodesPerDb"/>). Pulses at the detector floor still arrive here (with
/// <c>PeakCode == FloorPeakCode</c>), so a threshold set into the noise behaves as it would on the board.
/// </remarks>
/// <param name="ToaTicks">Time of arrival of the leading edge on the 80 MHz TOA counter (pass start = <see cref="ToaClock.EpochTicks"/>).</param>
/// <param name="WidthTicks">Width above threshold, 80 MHz ticks.</param>
/// <param name="PeakCode">Peak code: MaxCode − lowest detector ADC code during the pulse (rises with power).</param>
/// <param name="ComparatorCode">Level the comparator sees against its threshold, in peak-code units.</param>
/// <param name="Saturated">The detector saturated (the capture core should set its saturated flag).</param>
/// <param name="SceneIndex">Index of the <see cref="ScenePulse"/> this came from, for tracing back to the truth.</param>
public readonly record struct DetectedPulse(long ToaTicks, int WidthTicks, int PeakCode, int ComparatorCode, bool Saturated, int SceneIndex);
