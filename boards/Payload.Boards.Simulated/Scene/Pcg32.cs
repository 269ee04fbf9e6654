namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// PCG-XSH-RR 64/32 random generator (O'Neill, pcg-random.org): a fixed, documented algorithm, so a seed gives the
/// same pulses on every runtime and every .NET version, unlike <see cref="Random"/>, whose algorithm is unspecified.
/// </summary>
/// <remarks>Each scene effect draws from its own stream so that switching one effect on or off leaves the others' draws unchanged.</remarks>
public sealed class Pcg32
{
    private const ulong Multiplier = 6364136223846793005UL;

    private readonly ulong increment;
    private ulong state;
    private double spareGaussian;
    private bool hasSpareGaussian;

    /// <summary>Seeds the generator like the reference <c>pcg32_srandom_r(seed, stream)</c>.</summary>
    public Pcg32(ulong seed, ulong stream = 0)
    {
        increment = (stream << 1) | 1UL;
        state = 0;
        NextUInt32();
        state += seed;
        NextUInt32();
    }

    /// <summary>Next uniformly distributed 32-bit value.</summary>
    public uint NextUInt32()
    {
        var old = state;
        state = unchecked(old * Multiplier + increment);
        var xorShifted = (uint)(((old >> 18) ^ old) >> 27);
        var rotation = (int)(old >> 59);
        return (xorShifted >> rotation) | (xorShifted << (-rotation & 31));
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble()
    {
        ulong high = NextUInt32() >> 5;
        ulong low = NextUInt32() >> 6;
        return ((high << 26) | low) * (1.0 / (1UL << 53));
    }

    /// <summary>Uniform double in [-1, 1).</summary>
    public double NextSigned() => 2.0 * NextDouble() - 1.0;

    /// <summary>Standard normal deviate (Box–Muller; the second value of each pair is kept for the next call).</summary>
    public double NextGaussian()
    {
        if (hasSpareGaussian)
        {
            hasSpareGaussian = false;
            return spareGaussian;
        }

        double u1;
        do
        {
            u1 = NextDouble();
        }
        while (u1 <= double.Epsilon);

        var u2 = NextDouble();
        var radius = Math.Sqrt(-2.0 * Math.Log(u1));
        var angle = 2.0 * Math.PI * u2;
        spareGaussian = radius * Math.Sin(angle);
        hasSpareGaussian = true;
        return radius * Math.Cos(angle);
    }
}
