namespace Payload.Boards.Simulated.Scene;

/// <summary>Helpers for pulling from an <see cref="IDetectedPulseSource"/>.</summary>
public static class DetectedPulseSourceExtensions
{
    /// <summary>Consumes the next pulse if its TOA is at or before <paramref name="toaLimitTicks"/>; call in a loop to take "all pulses up to now".</summary>
    public static bool TryTakeUpTo(this IDetectedPulseSource source, long toaLimitTicks, out DetectedPulse pulse)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.TryPeek(out pulse) && pulse.ToaTicks <= toaLimitTicks)
        {
            source.Next();
            return true;
        }

        pulse = default;
        return false;
    }
}
