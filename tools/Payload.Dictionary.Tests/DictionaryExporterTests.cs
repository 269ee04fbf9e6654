using Payload.Flight.Instrument;
using Payload.Dictionary.Json;
using Payload.Dictionary.Xtce;
using Payload.Flight;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Tests;

/// <summary>The export the ground tool runs: both files written only when the XTCE passes its checks.</summary>
public sealed class DictionaryExporterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("payload-dictionary-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Export_writes_json_and_xtce_that_read_back_and_validate()
    {
        MissionDictionary flight = InstrumentSoftware.BuildDictionary();
        string json = Path.Combine(_folder, "payload.json");
        string xtce = Path.Combine(_folder, "payload.xtce.xml");

        IReadOnlyList<XtceDiagnostic> problems = DictionaryExporter.Export(flight, json, xtce, XtceSchema.Validator.SchemaDirectory);

        Assert.Empty(problems);
        DictionaryAssert.Equal(flight, JsonDictionaryReader.ReadDictionary(File.ReadAllText(json)));
        Assert.Empty(XtceSchema.Validator.ValidateFile(xtce));
        Assert.Empty(XtceReferenceChecker.CheckFile(xtce));
        Assert.Equal(XtceWriter.Format(XtceWriter.Write(flight)), File.ReadAllText(xtce));
    }

    [Fact]
    public void Export_skips_a_file_whose_path_is_null()
    {
        string json = Path.Combine(_folder, "only.json");

        IReadOnlyList<XtceDiagnostic> problems = DictionaryExporter.Export(RichDictionary.Build(), json, xtcePath: null);

        Assert.Empty(problems);
        Assert.Equal([json], Directory.GetFiles(_folder));
    }

    [Fact]
    public void Export_of_a_dictionary_xtce_cannot_say_throws_and_writes_nothing()
    {
        var builder = new DictionaryBuilder();
        builder.Add(new ParameterDefinition(1, "a.b", DataType.UInt8, "", "Dotted"));
        builder.Add(new ParameterDefinition(2, "a_b", DataType.UInt8, "", "Underscored"));

        Assert.Throws<InvalidOperationException>(() =>
            DictionaryExporter.Export(builder.Build(), Path.Combine(_folder, "x.json"), Path.Combine(_folder, "x.xml")));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void The_schema_is_found_beside_the_checkout_and_not_elsewhere()
    {
        string? found = DictionaryExporter.FindSchemaDirectory(AppContext.BaseDirectory);

        Assert.True(found is not null, $"XTCE schema not found in <repository root>/../shared/xtce (searched up from {AppContext.BaseDirectory})");
        Assert.True(File.Exists(Path.Combine(found, XtceValidator.SchemaFileName)));
        Assert.Null(DictionaryExporter.FindSchemaDirectory(_folder));
    }

    [Fact]
    public void A_validator_without_its_schema_says_which_file_is_missing()
    {
        var error = Assert.Throws<FileNotFoundException>(() => new XtceValidator(_folder));

        Assert.Contains(XtceValidator.SchemaFileName, error.Message);
    }
}
