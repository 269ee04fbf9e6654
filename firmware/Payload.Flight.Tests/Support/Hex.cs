namespace Payload.Flight.Tests.Support;

/// <summary>Hex strings for test vectors, as the interface documents write them ("03 11 22 02 33").</summary>
internal static class Hex
{
    /// <summary>Parses hex octets; spaces are ignored.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    /// <summary>Formats octets as space-separated upper-case hex.</summary>
    public static string Of(byte[] data, int offset, int count) =>
        string.Join(' ', data.Skip(offset).Take(count).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>Formats a whole array.</summary>
    public static string Of(byte[] data) => Of(data, 0, data.Length);

    /// <summary>The octets first..last inclusive, as a run of consecutive values.</summary>
    public static byte[] Run(int first, int last) => Enumerable.Range(first, last - first + 1).Select(i => (byte)i).ToArray();

    /// <summary>Concatenates octet arrays.</summary>
    public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
