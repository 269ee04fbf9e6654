using System.Text;
using System.Text.Json;
using Payload.Flight.Config;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Json;

/// <summary>Writes the JSON dictionary (layout in README.md) from the flight dictionary.</summary>
public static class JsonDictionaryWriter
{
    /// <summary>The JSON text of <paramref name="dictionary"/>, ending in a line feed.</summary>
    public static string Write(MissionDictionary dictionary, ushort apid = FlightConfiguration.Apid) =>
        Write(DictionaryDocumentMapper.ToDocument(dictionary, apid));

    /// <summary>The JSON text of <paramref name="document"/>, ending in a line feed.</summary>
    public static string Write(DictionaryDocument document) =>
        JsonSerializer.Serialize(document, DictionaryJson.Options) + "\n";

    /// <summary>Writes the JSON of <paramref name="dictionary"/> to <paramref name="stream"/> as UTF-8 without a byte order mark.</summary>
    public static void Write(MissionDictionary dictionary, Stream stream, ushort apid = FlightConfiguration.Apid)
    {
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = Encoding.UTF8.GetBytes(Write(dictionary, apid));
        stream.Write(bytes);
    }

    /// <summary>Writes the JSON of <paramref name="dictionary"/> to the file at <paramref name="path"/>, replacing it.</summary>
    public static void WriteFile(MissionDictionary dictionary, string path, ushort apid = FlightConfiguration.Apid) =>
        File.WriteAllText(path, Write(dictionary, apid), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
