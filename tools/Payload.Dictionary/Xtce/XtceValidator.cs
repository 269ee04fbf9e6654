using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace Payload.Dictionary.Xtce;

/// <summary>Validates XTCE documents against the XTCE 1.2 schema, offline: the schema's import of xml.xsd is served from beside it.</summary>
public sealed class XtceValidator
{
    /// <summary>File name of the XTCE 1.2 schema.</summary>
    public const string SchemaFileName = "SpaceSystemV1.2.xsd";

    /// <summary>File name of the stand-in for the W3C schema of the xml: attributes.</summary>
    public const string XmlSchemaFileName = "xml.xsd";

    /// <summary>Where the XTCE schema imports the xml: attributes' schema from; served from <see cref="XmlSchemaFileName"/> instead.</summary>
    public const string XmlSchemaUrl = "http://www.w3.org/2001/03/xml.xsd";

    private readonly XmlSchemaSet _schemas;

    /// <summary>Loads and compiles the schema in <paramref name="schemaDirectory"/> (which holds <see cref="SchemaFileName"/> and <see cref="XmlSchemaFileName"/>).</summary>
    /// <exception cref="FileNotFoundException">A schema file is missing.</exception>
    /// <exception cref="InvalidOperationException">The schema does not compile.</exception>
    public XtceValidator(string schemaDirectory)
    {
        ArgumentNullException.ThrowIfNull(schemaDirectory);
        SchemaDirectory = Path.GetFullPath(schemaDirectory);
        foreach (string file in new[] { SchemaFileName, XmlSchemaFileName })
        {
            string path = Path.Combine(SchemaDirectory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"XTCE schema file {file} not found in {SchemaDirectory}", path);
            }
        }

        var resolver = new OfflineSchemaResolver(Path.Combine(SchemaDirectory, XmlSchemaFileName));
        var problems = new List<string>();
        _schemas = new XmlSchemaSet { XmlResolver = resolver };
        _schemas.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity}: {e.Message}");
        var settings = new XmlReaderSettings { XmlResolver = resolver, DtdProcessing = DtdProcessing.Prohibit };
        using (XmlReader reader = XmlReader.Create(Path.Combine(SchemaDirectory, SchemaFileName), settings))
        {
            _schemas.Add(XtceWriter.Namespace, reader);
        }

        _schemas.Compile();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"the XTCE schema in {SchemaDirectory} does not compile: " + string.Join("; ", problems));
        }
    }

    /// <summary>The folder the schema was loaded from.</summary>
    public string SchemaDirectory { get; }

    /// <summary>Validates XML text; returns every error and warning (empty when valid).</summary>
    public IReadOnlyList<XtceDiagnostic> Validate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var diagnostics = new List<XtceDiagnostic>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = _schemas,
            // Warnings matter: an element outside the schema (wrong namespace) is only a warning, and would otherwise pass.
            ValidationFlags = XmlSchemaValidationFlags.ProcessIdentityConstraints | XmlSchemaValidationFlags.ReportValidationWarnings,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
        };
        settings.ValidationEventHandler += (_, e) =>
            diagnostics.Add(new XtceDiagnostic(e.Exception.LineNumber, e.Exception.LinePosition, $"{e.Severity}: {e.Message}"));
        try
        {
            using XmlReader reader = XmlReader.Create(new StringReader(xml), settings);
            bool root = true;
            while (reader.Read())
            {
                if (root && reader.NodeType == XmlNodeType.Element)
                {
                    root = false;
                    if (reader.LocalName != "SpaceSystem" || reader.NamespaceURI != XtceWriter.Namespace)
                    {
                        var line = (IXmlLineInfo)reader;
                        diagnostics.Add(new XtceDiagnostic(line.LineNumber, line.LinePosition,
                            $"Error: the root element is {{{reader.NamespaceURI}}}{reader.LocalName}, not {{{XtceWriter.Namespace}}}SpaceSystem"));
                    }
                }
            }
        }
        catch (XmlException e)
        {
            diagnostics.Add(new XtceDiagnostic(e.LineNumber, e.LinePosition, "Error: not well-formed XML: " + e.Message));
        }

        return diagnostics;
    }

    /// <summary>Validates a document as <see cref="XtceWriter.Save"/> would write it (line numbers refer to that text).</summary>
    public IReadOnlyList<XtceDiagnostic> Validate(XDocument document) => Validate(XtceWriter.Format(document));

    /// <summary>Validates the XTCE file at <paramref name="path"/>.</summary>
    public IReadOnlyList<XtceDiagnostic> ValidateFile(string path) => Validate(File.ReadAllText(path));

    /// <summary>Serves the xml: attributes' schema from disk and local schema files as they are; refuses anything else (no network).</summary>
    private sealed class OfflineSchemaResolver(string xmlSchemaPath) : XmlResolver
    {
        public override object GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.AbsoluteUri == XmlSchemaUrl)
            {
                return File.OpenRead(xmlSchemaPath);
            }

            if (absoluteUri.IsFile)
            {
                return File.OpenRead(absoluteUri.LocalPath);
            }

            throw new XmlException($"refusing to fetch {absoluteUri}: XTCE validation runs offline");
        }
    }
}
