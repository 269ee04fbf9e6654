using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Payload.Dictionary.Json;

/// <summary>The serializer settings of the JSON dictionary, shared by the writer and the reader so both agree.</summary>
internal static class DictionaryJson
{
    /// <summary>camelCase names, two-space indent, "\n" line ends, absent optional fields omitted, nulls refused where the DTOs say so.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        // A file for people and tools, never embedded in HTML: keep "<", "&" and non-ASCII text readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
