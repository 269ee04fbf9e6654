using Payload.Flight.Instrument;
using System.Text.Json.Nodes;
using Payload.Dictionary.Json;
using Payload.Flight;
using Payload.Flight.Config;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Tests;

/// <summary>The JSON dictionary: documented layout, exact round trip to the same declarations and hash, refusal of bad documents.</summary>
public sealed class JsonDictionaryTests
{
    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Json_round_trips_to_the_same_dictionary(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);

        MissionDictionary read = JsonDictionaryReader.ReadDictionary(JsonDictionaryWriter.Write(dictionary));

        DictionaryAssert.Equal(dictionary, read);
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Exported_hash_is_the_dictionary_hash(string name)
    {
        MissionDictionary dictionary = Dictionaries.Get(name);

        DictionaryDocument document = JsonDictionaryReader.Read(JsonDictionaryWriter.Write(dictionary));

        Assert.Equal(dictionary.Hash, document.HashValue);
        Assert.Equal("0x" + dictionary.Hash.ToString("X8"), document.Hash);
    }

    [Fact]
    public void Flight_dictionary_counts_names_and_ids_survive_the_round_trip()
    {
        MissionDictionary flight = InstrumentSoftware.BuildDictionary();

        DictionaryDocument document = JsonDictionaryReader.Read(JsonDictionaryWriter.Write(flight));

        Assert.Equal(FlightConfiguration.Apid, document.Apid);
        Assert.Equal(flight.Commands.Select(c => c.Mnemonic), document.Commands.Select(c => c.Mnemonic));
        Assert.Equal(flight.Parameters.Select(p => ((int)p.Id, p.Name)), document.Parameters.Select(p => (p.Id, p.Name)));
        Assert.Equal(flight.Events.Select(e => ((int)e.Id, e.Name)), document.Events.Select(e => (e.Id, e.Name)));
        Assert.Equal(flight.HousekeepingStructures.Select(s => ((int)s.Id, s.Name)), document.Housekeeping.Select(s => (s.Id, s.Name)));
        Assert.Equal(flight.Functions.Select(f => ((int)f.Id, f.Name)), document.Functions.Select(f => (f.Id, f.Name)));
    }

    [Fact]
    public void Layout_has_the_documented_field_names()
    {
        JsonNode root = JsonNode.Parse(JsonDictionaryWriter.Write(RichDictionary.Build()))!;

        Assert.Equal(["format", "formatVersion", "apid", "hash", "hashValue", "modes", "failureCodes", "commands", "parameters", "events", "housekeeping", "functions"], Keys(root));
        Assert.Equal(["value", "name"], Keys(root["modes"]![0]!));
        Assert.Equal(["mnemonic", "service", "subtype", "description", "allowedModes", "timeoutTicks", "arguments"], Keys(root["commands"]![0]!));
        Assert.Equal(["name", "type", "unit", "min", "max", "description"], Keys(root["commands"]![0]!["arguments"]![0]!));
        Assert.Equal(["name", "type", "unit", "min", "max", "description", "enumeration"], Keys(root["commands"]![0]!["arguments"]![7]!));
        Assert.Equal(["id", "name", "type", "unit", "description", "scale", "offset", "settable", "persisted", "default", "min", "max", "lowLimit", "highLimit"],
            Keys(root["parameters"]![0]!));
        Assert.Equal(["id", "name", "type", "unit", "description", "scale", "offset", "settable", "persisted", "default", "min", "max", "lowLimit", "highLimit", "enumeration"],
            Keys(root["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "test.state")!));
        Assert.Equal(["id", "name", "severity", "subtype", "description", "throttleLimit", "arguments"], Keys(root["events"]![0]!));
        Assert.Equal(["id", "name", "description", "intervalTicks", "enabledAtBoot", "parameters"], Keys(root["housekeeping"]![0]!));
        Assert.Equal(["id", "name", "description", "argument"], Keys(root["functions"]![0]!));
    }

    [Fact]
    public void Symbolic_values_use_the_documented_names()
    {
        DictionaryDocument document = DictionaryDocumentMapper.ToDocument(RichDictionary.Build(), 100);

        Assert.Equal(["SAFE", "STANDBY"], document.Commands[0].AllowedModes);
        Assert.Equal(["boolean", "uint8", "uint16", "uint32", "int8", "int16", "int32", "uint8"], document.Commands[0].Arguments.Select(a => a.Type));
        Assert.Equal("bytes", document.Commands[1].Arguments[2].Type);
        Assert.Equal(["INFORMATIVE", "LOW", "MEDIUM", "HIGH"], document.Events.Select(e => e.Severity));
        Assert.Equal([1, 2, 3, 4], document.Events.Select(e => e.Subtype));
        Assert.Equal([(1L, "LOW"), (2L, "MID"), (3L, "HIGH")], document.Commands[0].Arguments[7].Enumeration!.Select(v => (v.Value, v.Name)));
        Assert.Equal([(0L, "IDLE"), (1L, "BUSY"), (2L, "DONE")], document.Parameters.Single(p => p.Name == "test.state").Enumeration!.Select(v => (v.Value, v.Name)));
        Assert.Null(document.Parameters.Single(p => p.Name == "test.count").Enumeration);
        Assert.Contains(document.FailureCodes, c => c.Value == 4 && c.Name == "BAD_PUS_HEADER");
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Output_is_deterministic(string name)
    {
        Assert.Equal(JsonDictionaryWriter.Write(Dictionaries.Get(name)), JsonDictionaryWriter.Write(Dictionaries.Get(name)));
    }

    [Fact]
    public void A_document_whose_declarations_do_not_match_its_hash_is_refused()
    {
        string json = JsonDictionaryWriter.Write(RichDictionary.Build()).Replace("\"TEST_NOOP\"", "\"TEST_NOTHING\"");

        var error = Assert.Throws<InvalidDataException>(() => JsonDictionaryReader.ReadDictionary(json));

        Assert.Contains("hash mismatch", error.Message);
    }

    [Fact]
    public void The_hash_check_can_be_skipped_for_a_document_edited_on_purpose()
    {
        string json = JsonDictionaryWriter.Write(RichDictionary.Build()).Replace("\"TEST_NOOP\"", "\"TEST_NOTHING\"");

        MissionDictionary dictionary = DictionaryDocumentMapper.ToMissionDictionary(JsonDictionaryReader.Read(json), verifyHash: false);

        Assert.NotNull(dictionary.Commands.SingleOrDefault(c => c.Mnemonic == "TEST_NOTHING"));
    }

    [Theory]
    [InlineData("\"format\": \"payload-dictionary\"", "\"format\": \"something-else\"", "format")]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 99", "version 99")]
    [InlineData("\"type\": \"uint16\"", "\"type\": \"uint17\"", "uint17")]
    [InlineData("\"severity\": \"LOW\"", "\"severity\": \"SEVERE\"", "SEVERE")]
    [InlineData("\"allowedModes\": [\n        \"STANDBY\"\n      ]", "\"allowedModes\": [\n        \"ASLEEP\"\n      ]", "ASLEEP")]
    [InlineData("\"id\": 850", "\"id\": 70000", "70000")]
    [InlineData("\"value\": 2,\n              \"name\": \"MID\"", "\"value\": 5,\n              \"name\": \"MID\"", "expected 2")]
    [InlineData("\"value\": 1,\n          \"name\": \"BUSY\"", "\"value\": 4,\n          \"name\": \"BUSY\"", "parameters[9] (test.state).enumeration[1]: value 4, expected 1")]
    [InlineData("\"mnemonic\": \"TEST_NOOP\",", "", "mnemonic")]
    [InlineData("\"description\": \"Does nothing\"", "\"description\": null", "description")]
    [InlineData("\"parameters\": [\n        850,", "\"parameters\": [\n        999,", "unknown parameter 999")]
    [InlineData("{\n  \"format\"", "[\n  \"format\"", "not a readable")]
    public void A_broken_document_is_refused_with_what_is_wrong(string find, string replace, string expected)
    {
        string json = JsonDictionaryWriter.Write(RichDictionary.Build());
        Assert.Contains(find, json);

        var error = Assert.Throws<InvalidDataException>(() => JsonDictionaryReader.ReadDictionary(ReplaceFirst(json, find, replace)));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Stream_and_file_forms_agree_with_the_text_form()
    {
        MissionDictionary dictionary = RichDictionary.Build();
        string path = Path.Combine(Path.GetTempPath(), $"payload-dictionary-{Guid.NewGuid():N}.json");
        try
        {
            using var stream = new MemoryStream();
            JsonDictionaryWriter.Write(dictionary, stream);
            JsonDictionaryWriter.WriteFile(dictionary, path);

            Assert.Equal(JsonDictionaryWriter.Write(dictionary), File.ReadAllText(path));
            stream.Position = 0;
            Assert.Equal(dictionary.Hash, JsonDictionaryReader.Read(stream).HashValue);
            Assert.Equal(dictionary.Hash, JsonDictionaryReader.ReadFile(path).HashValue);
            Assert.NotEqual(0xEF, File.ReadAllBytes(path)[0]); // no byte order mark
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string[] Keys(JsonNode node) => node.AsObject().Select(p => p.Key).ToArray();

    private static string ReplaceFirst(string text, string find, string replace)
    {
        int at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
