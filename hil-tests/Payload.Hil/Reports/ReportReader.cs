using Payload.Flight.Protocol;

namespace Payload.Hil;

/// <summary>Big-endian fields of a report's application data, checked for length.</summary>
internal static class ReportReader
{
    public static long Unsigned(ReadOnlySpan<byte> data, int offset, int size)
    {
        if (offset < 0 || offset + size > data.Length)
            throw new FormatException($"the report has {data.Length} octets; a field needs octets {offset}..{offset + size - 1}");
        long value = 0;
        for (int i = 0; i < size; i++) value = (value << 8) | data[offset + i];
        return value;
    }

    public static long Time(ReadOnlySpan<byte> data, int offset) =>
        new CucTime((uint)Unsigned(data, offset, 4), (ushort)Unsigned(data, offset + 4, 2)).ToMicroseconds();

    public static void Expect(ReadOnlySpan<byte> data, int length, string what)
    {
        if (data.Length != length) throw new FormatException($"{what}: {data.Length} octets where the layout has {length}");
    }
}
