using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class SynthesizedPulseStreamTests
{
    public static TheoryData<string> Passes => ["nisar", "nisar-split-drop-jitter", "sentinel-bursts-drop"];

    private static (RadarProfile Profile, SceneOptions Options) Pass(string name) => name switch
    {
        "nisar" => (RadarProfile.NisarL(), new SceneOptions()),
        "nisar-split-drop-jitter" => (RadarProfile.NisarL(), new SceneOptions
        {
            Seed = 9,
            Effects = SceneEffects.Nominal with { SplitSpectrum = true, DropProbability = 0.2, ThresholdJitterDb = 0.5, GainDrift = true },
            Temperature = TemperatureProfile.Ramp(10, 2),
        }),
        _ => (RadarProfile.Sentinel1Iw(), new SceneOptions { BurstPhaseS = 1.7, Effects = SceneEffects.Nominal with { DropProbability = 0.05 } }),
    };

    private static List<DetectedPulse> Drain(IDetectedPulseSource source)
    {
        var pulses = new List<DetectedPulse>();
        while (source.TryPeek(out var peeked))
        {
            var pulse = source.Next();
            Assert.Equal(peeked, pulse);
            pulses.Add(pulse);
        }

        Assert.Throws<InvalidOperationException>(() => source.Next());
        return pulses;
    }

    [Theory]
    [MemberData(nameof(Passes))]
    public void Streams_exactly_the_delivered_pulses_of_the_generated_pass(string name)
    {
        var (profile, options) = Pass(name);
        var generator = new PulseTrainGenerator(new PassGeometry(profile), options);

        var streamed = Drain(new SynthesizedPulseStream(generator));
        var held = Drain(new DetectedPulseStream(generator.Generate()));

        Assert.True(streamed.Count > 10_000);
        Assert.Equal(held, streamed);
    }

    [Theory]
    [MemberData(nameof(Passes))]
    public void A_pass_gives_the_same_source_and_truth_whether_its_pulses_are_held_or_not(string name)
    {
        var (profile, options) = Pass(name);
        var streaming = RadarPass.Simulate(profile, options);
        var held = RadarPass.Simulate(profile, options);
        var pulses = held.Pulses;

        Assert.Equal(Drain(held.CreateSource()), Drain(streaming.CreateSource()));
        var counted = PassTruth.Create(held.Geometry, held.Options, pulses.ToList()); // a list, not the generated array
        Assert.Equal(counted.EmittedPulsesVisible, streaming.Truth.EmittedPulsesVisible);
        Assert.Equal(counted.EmittedPulsesIn3dB, streaming.Truth.EmittedPulsesIn3dB);
        Assert.Equal(counted.DeliveredPulsesVisible, streaming.Truth.DeliveredPulsesVisible);
        Assert.Equal(counted.DeliveredPulsesIn3dB, streaming.Truth.DeliveredPulsesIn3dB);
        Assert.Equal(pulses.Count, streaming.Truth.EmittedPulsesVisible);
    }
}
