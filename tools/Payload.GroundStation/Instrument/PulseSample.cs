namespace Payload.GroundStation.Instrument;

/// <summary>One raw pulse record as downlinked (12 octets, PulseRecord layout): TOA ticks (u48, 80 MHz), width ticks, peak code, flags, sequence.</summary>
public readonly record struct PulseSample(long Toa, int Width, int PeakCode, int Flags, int Sequence)
{
    /// <summary>Octets per record on the wire.</summary>
    public const int Size = 12;

    /// <summary>The record at <paramref name="offset"/>.</summary>
    public static PulseSample Read(ReadOnlySpan<byte> data, int offset)
    {
        ReadOnlySpan<byte> r = data.Slice(offset, Size);
        long toa = ((long)r[0] << 40) | ((long)r[1] << 32) | ((long)r[2] << 24) | ((long)r[3] << 16) | ((long)r[4] << 8) | r[5];
        return new PulseSample(toa, (r[6] << 8) | r[7], (r[8] << 8) | r[9], r[10], r[11]);
    }

    /// <summary>Writes the record at <paramref name="offset"/> (for tests and tools that build messages).</summary>
    public void Write(Span<byte> data, int offset)
    {
        Span<byte> r = data.Slice(offset, Size);
        for (int i = 0; i < 6; i++) r[i] = (byte)(Toa >> (40 - 8 * i));
        r[6] = (byte)(Width >> 8);
        r[7] = (byte)Width;
        r[8] = (byte)(PeakCode >> 8);
        r[9] = (byte)PeakCode;
        r[10] = (byte)Flags;
        r[11] = (byte)Sequence;
    }

    /// <summary>The form the ground recomputation takes (<see cref="Payload.Analysis.GroundProducts.Compute"/>).</summary>
    public (long Toa, int Width, int PeakCode, int Flags) ToAnalysis() => (Toa, Width, PeakCode, Flags);
}
