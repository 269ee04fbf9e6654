using System.Text;
using System.Xml;
using System.Xml.Linq;
using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Xtce;

/// <summary>Writes the XTCE 1.2 mission database (one SpaceSystem) of a dictionary; the mapping is described in README.md.</summary>
public static class XtceWriter
{
    /// <summary>The XTCE 1.2 namespace (OMG, 2018-02-04), the one CCSDS 660.0-B-2 adopts.</summary>
    public const string Namespace = "http://www.omg.org/spec/XTCE/20180204";

    /// <summary>The mission database of <paramref name="dictionary"/>.</summary>
    /// <exception cref="InvalidOperationException">The dictionary has something XTCE cannot say as mapped: two names that become one
    /// XTCE name, a bytes value outside a command, a bytes argument with no length argument before it.</exception>
    public static XDocument Write(MissionDictionary dictionary, XtceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return new XtceDocumentBuilder(dictionary, options ?? new XtceOptions()).Build();
    }

    /// <summary>The text of <paramref name="document"/> exactly as <see cref="Save"/> writes it (so line numbers agree).</summary>
    public static string Format(XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var text = new Utf8StringWriter();
        using (var writer = XmlWriter.Create(text, WriterSettings))
        {
            document.Save(writer);
        }

        return text.ToString() + "\n";
    }

    /// <summary>Saves <paramref name="document"/> to <paramref name="path"/> as UTF-8 without a byte order mark, replacing the file.</summary>
    public static void Save(XDocument document, string path) =>
        File.WriteAllText(path, Format(document), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Writes the mission database of <paramref name="dictionary"/> to <paramref name="path"/>.</summary>
    public static void WriteFile(MissionDictionary dictionary, string path, XtceOptions? options = null) =>
        Save(Write(dictionary, options), path);

    private static XmlWriterSettings WriterSettings { get; } = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    /// <summary>A string writer that declares UTF-8, so the XML declaration says what the file will be.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(System.Globalization.CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
