using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class DetectedPulseStreamTests
{
    private static ScenePulse Pulse(int index, long toa, PulseEffects effects = PulseEffects.None) =>
        new(index, 0, 0, 40e-6, 1257.5e6, 0, 0, -55, -26, -26, 25, toa, 3200, 35389, 35300, effects);

    [Fact]
    public void Yields_pulses_in_order_and_skips_dropped_ones()
    {
        var source = new DetectedPulseStream([Pulse(0, 100, PulseEffects.Dropped), Pulse(1, 200), Pulse(2, 300, PulseEffects.Dropped), Pulse(3, 400)]);

        Assert.True(source.TryPeek(out var first));
        Assert.Equal(new DetectedPulse(200, 3200, 35389, 35300, false, 1), first);
        Assert.Equal(first, source.Next());
        Assert.Equal(400, source.Next().ToaTicks);
        Assert.False(source.TryPeek(out _));
        Assert.Throws<InvalidOperationException>(() => source.Next());
    }

    [Fact]
    public void Take_up_to_stops_at_the_first_pulse_after_the_limit()
    {
        IDetectedPulseSource source = new DetectedPulseStream([Pulse(0, 100), Pulse(1, 200), Pulse(2, 300)]);

        Assert.True(source.TryTakeUpTo(200, out var a));
        Assert.True(source.TryTakeUpTo(200, out var b));
        Assert.False(source.TryTakeUpTo(200, out var none));
        Assert.Equal((100L, 200L), (a.ToaTicks, b.ToaTicks));
        Assert.Equal(default, none);
        Assert.True(source.TryPeek(out var next));
        Assert.Equal(300, next.ToaTicks);
    }

    [Fact]
    public void Empty_source_has_nothing()
    {
        Assert.False(DetectedPulseStream.Empty.TryPeek(out _));
        Assert.False(DetectedPulseStream.Empty.TryTakeUpTo(long.MaxValue, out _));
    }

    [Fact]
    public void A_pass_source_delivers_every_undropped_pulse_in_toa_order()
    {
        var pass = RadarPass.Simulate(RadarProfile.Sentinel1Iw(), new SceneOptions { Effects = SceneEffects.Nominal with { DropProbability = 0.1 } });
        var source = pass.CreateSource();
        var delivered = new List<DetectedPulse>();
        long now = 0;
        while (source.TryPeek(out _))
        {
            now += 80_000; // pull in 1 ms steps of virtual time, as the digitizer model will
            while (source.TryTakeUpTo(now, out var pulse))
            {
                Assert.True(pulse.ToaTicks <= now);
                delivered.Add(pulse);
            }
        }

        Assert.Equal(pass.Truth.DeliveredPulsesVisible, delivered.Count);
        Assert.True(delivered.Zip(delivered.Skip(1)).All(pair => pair.First.ToaTicks < pair.Second.ToaTicks));
        Assert.True(pass.Pulses.Where(p => !p.IsDropped).Select(p => p.ToDetectedPulse()).SequenceEqual(delivered));
    }
}
