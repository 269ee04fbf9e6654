namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// An <see cref="IDetectedPulseSource"/> that synthesises a pass's pulses as the digitizer model pulls them, skipping
/// the dropped ones: the same pulses as a <see cref="DetectedPulseStream"/> over <see cref="PulseTrainGenerator.Generate"/>,
/// without holding the pass in memory.
/// </summary>
public sealed class SynthesizedPulseStream : IDetectedPulseSource
{
    private readonly PulseSynthesizer synthesizer;
    private bool hasNext;
    private DetectedPulse next;

    /// <summary>Streams the pass of <paramref name="generator"/> from its first pulse.</summary>
    public SynthesizedPulseStream(PulseTrainGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        synthesizer = new PulseSynthesizer(generator.Geometry, generator.Options);
        Advance();
    }

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
        Advance();
        return pulse;
    }

    private void Advance()
    {
        while (synthesizer.TryNext(out var pulse))
        {
            if (!pulse.IsDropped)
            {
                next = pulse.ToDetectedPulse();
                hasNext = true;
                return;
            }
        }

        next = default;
        hasNext = false;
    }
}
