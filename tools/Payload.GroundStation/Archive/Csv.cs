using System.Globalization;

namespace Payload.GroundStation.Archive;

/// <summary>RFC 4180 CSV: fields quoted when they hold a comma, a quote or a line break; numbers in the invariant culture; blobs in hex.</summary>
public static class Csv
{
    /// <summary>Writes one row and a CRLF-free "\n" line end.</summary>
    public static void WriteRow(TextWriter writer, IEnumerable<object?> fields)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(fields);
        writer.Write(string.Join(',', fields.Select(Field)));
        writer.Write('\n');
    }

    /// <summary>One field as CSV text.</summary>
    public static string Field(object? value)
    {
        string text = value switch
        {
            null or DBNull => "",
            byte[] bytes => Convert.ToHexString(bytes),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
