using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Tests.Scene;

public sealed class Pcg32Tests
{
    [Fact]
    public void Matches_the_reference_pcg32_demo_output_for_seed_42_stream_54()
    {
        var random = new Pcg32(42, 54);
        uint[] expected = [0xa15c02b7, 0x7b47f409, 0xba1d3330, 0x83d2f293, 0xbfa4784b, 0xcbed606e];

        Assert.Equal(expected, Enumerable.Range(0, expected.Length).Select(_ => random.NextUInt32()));
    }

    [Fact]
    public void Streams_of_one_seed_differ()
    {
        var a = new Pcg32(1, 1);
        var b = new Pcg32(1, 2);

        Assert.NotEqual(Enumerable.Range(0, 8).Select(_ => a.NextUInt32()), Enumerable.Range(0, 8).Select(_ => b.NextUInt32()));
    }

    [Fact]
    public void Uniform_and_gaussian_draws_have_the_right_moments()
    {
        var random = new Pcg32(5);
        var uniform = Enumerable.Range(0, 100_000).Select(_ => random.NextDouble()).ToArray();
        var gaussian = Enumerable.Range(0, 100_000).Select(_ => random.NextGaussian()).ToArray();
        var gaussianMean = gaussian.Average();

        Assert.All(uniform, u => Assert.InRange(u, 0.0, 1.0 - double.Epsilon));
        Assert.Equal(0.5, uniform.Average(), 0.005);
        Assert.Equal(0.0, gaussianMean, 0.01);
        Assert.Equal(1.0, Math.Sqrt(gaussian.Select(g => (g - gaussianMean) * (g - gaussianMean)).Average()), 0.01);
    }
}
