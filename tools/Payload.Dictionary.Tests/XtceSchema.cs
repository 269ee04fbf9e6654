using Payload.Dictionary.Xtce;

namespace Payload.Dictionary.Tests;

/// <summary>The XTCE 1.2 schema of the checkout (shared/xtce beside the repository root), loaded once.</summary>
internal static class XtceSchema
{
    private static readonly Lazy<XtceValidator> Loaded = new(Load);

    /// <summary>The validator; fails the test with where it looked when the schema is missing.</summary>
    public static XtceValidator Validator => Loaded.Value;

    private static XtceValidator Load()
    {
        string? directory = DictionaryExporter.FindSchemaDirectory(AppContext.BaseDirectory);
        if (directory is null)
        {
            Assert.Fail($"XTCE schema not found: expected {XtceValidator.SchemaFileName} and {XtceValidator.XmlSchemaFileName} in "
                + $"<repository root>/{DictionaryExporter.SchemaRelativePath.Replace('\\', '/')}/ (shared/ beside the clone); "
                + $"searched up from {AppContext.BaseDirectory} for the folder with Payload.sln");
        }

        return new XtceValidator(directory);
    }
}
