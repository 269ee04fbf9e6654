namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// Pulses at the digitizer input in TOA order, pulled by the digitizer model as virtual time advances:
/// <c>while (source.TryPeek(out var p) &amp;&amp; p.ToaTicks &lt;= now) { source.Next(); … }</c>
/// (or <see cref="DetectedPulseSourceExtensions.TryTakeUpTo"/>).
/// </summary>
public interface IDetectedPulseSource
{
    /// <summary>The next pulse without consuming it; false when the source is exhausted.</summary>
    bool TryPeek(out DetectedPulse pulse);

    /// <summary>Consumes and returns the next pulse; throws <see cref="InvalidOperationException"/> when exhausted.</summary>
    DetectedPulse Next();
}
