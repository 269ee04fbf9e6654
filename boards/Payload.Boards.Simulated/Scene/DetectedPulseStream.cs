namespace Payload.Boards.Simulated.Scene;

/// <summary>An <see cref="IDetectedPulseSource"/> over a pass's scene pulses, skipping the dropped ones.</summary>
/// <remarks>The next delivered pulse is converted once and kept, because the digitizer model peeks it at every event.</remarks>
public sealed class DetectedPulseStream : IDetectedPulseSource
{
    private readonly IReadOnlyList<ScenePulse> pulses;
    private readonly ScenePulse[]? array;
    private int position;
    private bool hasNext;
    private DetectedPulse next;

    /// <summary>Streams <paramref name="pulses"/>, which must be in time order (as <see cref="PulseTrainGenerator"/> makes them).</summary>
    public DetectedPulseStream(IReadOnlyList<ScenePulse> pulses)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        this.pulses = pulses;
        array = pulses as ScenePulse[];
        SkipDropped();
    }

    /// <summary>A source with no pulses.</summary>
    public static DetectedPulseStream Empty { get; } = new([]);

    /// <inheritdoc />
    public bool TryPeek(out DetectedPulse pulse)
    {
        pulse = next;
        return hasNext;
    }

    /// <inheritdoc />
    public DetectedPulse Next()
    {
        if (!hasNext)
        {
            throw new InvalidOperationException("The pulse source is exhausted.");
        }

        var pulse = next;
        position++;
        SkipDropped();
        return pulse;
    }

    private void SkipDropped()
    {
        if (array is not null)
        {
            while (position < array.Length && array[position].IsDropped)
            {
                position++;
            }

            hasNext = position < array.Length;
            next = hasNext ? array[position].ToDetectedPulse() : default;
            return;
        }

        while (position < pulses.Count && pulses[position].IsDropped)
        {
            position++;
        }

        hasNext = position < pulses.Count;
        next = hasNext ? pulses[position].ToDetectedPulse() : default;
    }
}
