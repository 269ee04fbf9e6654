using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Chips.Digitizer;

/// <summary>A fixed list of pulses in TOA order (allocation-free once built).</summary>
internal sealed class PulseListSource(params DetectedPulse[] pulses) : IDetectedPulseSource
{
    private int _position;

    public DetectedPulse[] Pulses { get; } = pulses;

    public bool TryPeek(out DetectedPulse pulse)
    {
        if (_position < Pulses.Length)
        {
            pulse = Pulses[_position];
            return true;
        }

        pulse = default;
        return false;
    }

    public DetectedPulse Next()
    {
        if (!TryPeek(out var pulse)) throw new InvalidOperationException("exhausted");
        _position++;
        return pulse;
    }

    /// <summary>A pulse train: <paramref name="count"/> pulses every <paramref name="periTicks"/> from <paramref name="startTicks"/>, widths and peaks varying with the index so every record is distinct.</summary>
    public static PulseListSource Train(int count, long startTicks = 10_000, long periTicks = 22_857, int widthTicks = 1600, int peakCode = 40_000, int threshold = 20_000)
    {
        var pulses = new DetectedPulse[count];
        for (int i = 0; i < count; i++)
        {
            pulses[i] = new DetectedPulse(startTicks + i * periTicks, widthTicks + (i % 37), peakCode + (i % 1000), threshold + 5_000, false, i);
        }

        return new PulseListSource(pulses);
    }
}

/// <summary>An endless pulse train computed on the fly, for long runs without allocation.</summary>
internal sealed class PeriodicPulseSource(long startTicks, long periTicks, int widthTicks, int peakCode) : IDetectedPulseSource
{
    private long _index;

    public long Taken => _index;

    public bool TryPeek(out DetectedPulse pulse)
    {
        pulse = Make(_index);
        return true;
    }

    public DetectedPulse Next() => Make(_index++);

    public DetectedPulse Make(long index) =>
        new(startTicks + index * periTicks, widthTicks + (int)(index % 37), peakCode + (int)(index % 1000), peakCode, false, (int)index);
}
