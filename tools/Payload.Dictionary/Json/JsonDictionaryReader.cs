using System.Text.Json;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Json;

/// <summary>Reads the JSON dictionary back, for the ground: the document itself, or the flight dictionary it describes.</summary>
public static class JsonDictionaryReader
{
    /// <summary>Parses JSON text into a document.</summary>
    /// <exception cref="InvalidDataException">Not JSON, a required field missing or null, or not a payload dictionary of a version this library reads.</exception>
    public static DictionaryDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        DictionaryDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<DictionaryDocument>(json, DictionaryJson.Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException("not a readable payload dictionary: " + e.Message, e);
        }

        return Check(document);
    }

    /// <summary>Parses a UTF-8 JSON stream into a document.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read(string)"/>.</exception>
    public static DictionaryDocument Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new StreamReader(stream, leaveOpen: true);
        return Read(reader.ReadToEnd());
    }

    /// <summary>Parses the JSON file at <paramref name="path"/> into a document.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read(string)"/>.</exception>
    public static DictionaryDocument ReadFile(string path) => Read(File.ReadAllText(path));

    /// <summary>Parses JSON text and rebuilds the flight dictionary it describes, refusing one whose hash disagrees.</summary>
    /// <exception cref="InvalidDataException">As <see cref="Read(string)"/> and <see cref="DictionaryDocumentMapper.ToMissionDictionary"/>.</exception>
    public static MissionDictionary ReadDictionary(string json) => DictionaryDocumentMapper.ToMissionDictionary(Read(json));

    private static DictionaryDocument Check(DictionaryDocument? document)
    {
        if (document is null)
        {
            throw new InvalidDataException("not a readable payload dictionary: the document is null");
        }

        if (document.Format != DictionaryDocument.FormatName)
        {
            throw new InvalidDataException($"not a payload dictionary: format is '{document.Format}', expected '{DictionaryDocument.FormatName}'");
        }

        if (document.FormatVersion != DictionaryDocument.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"payload dictionary format version {document.FormatVersion} is not supported (this reader reads {DictionaryDocument.CurrentFormatVersion})");
        }

        return document;
    }
}
