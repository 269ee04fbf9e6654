namespace Payload.Benchmarks.LinkCodec;

/// <summary>Application data for the codec loops: a pool of fixed-seed blocks, about one octet in eight zero (as in housekeeping), so COBS meets zeros.</summary>
internal static class LinkTraffic
{
    /// <summary>Distinct packets each loop cycles through (a power of two, so the index is a mask).</summary>
    public const int Variants = 64;

    /// <summary><see cref="Variants"/> blocks of <paramref name="length"/> octets, back to back.</summary>
    public static byte[] ApplicationData(int length, int seed)
    {
        var random = new Random(seed);
        var data = new byte[Variants * length];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = random.Next(8) == 0 ? (byte)0 : (byte)random.Next(1, 256);
        }

        return data;
    }
}
