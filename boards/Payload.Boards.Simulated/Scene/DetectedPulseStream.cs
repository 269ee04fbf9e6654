namespace Payload.Boards.Simulated.Scene;

/// <summary>An <see cref="IDetectedPulseSource"/> over a pass's scene pulses, skipping the dropped ones.</summary>
public sealed class DetectedPulseStream : IDetectedPulseSource
{
    private readonly IReadOnlyList<ScenePulse> pulses;
    private int position;

    /// <summary>Streams <paramref name="pulses"/>, which must be in time order (as <see cref="PulseTrainGenerator"/> makes them).</summary>
    public DetectedPulseStream(IReadOnlyList<ScenePulse> pulses)
    {
        ArgumentNullException.ThrowIfNull(pulses);
        this.pulses = pulses;
        SkipDropped();
    }

    /// <summary>A source with no pulses.</summary>
    public static DetectedPulseStream Empty { get; } = new([]);

    /// <inheritdoc />
    public bool TryPeek(out DetectedPulse pulse)
    {
        if (position < pulses.Count)
        {
            pulse = pulses[position].ToDetectedPulse();
            return true;
        }

        pulse = default;
        return false;
    }

    /// <inheritdoc />
    public DetectedPulse Next()
    {
        if (!TryPeek(out var pulse))
        {
            throw new InvalidOperationException("The pulse source is exhausted.");
        }

        position++;
        SkipDropped();
        return pulse;
    }

    private void SkipDropped()
    {
        while (position < pulses.Count && pulses[position].IsDropped)
        {
            position++;
        }
    }
}
