using System.Xml.Linq;
using Payload.Dictionary.Xtce;

namespace Payload.Dictionary.Tests;

/// <summary>Deliberately broken documents are reported, with the line of the fault: proof the schema and reference checks can fail.</summary>
public sealed class XtceBrokenDocumentTests
{
    private static readonly XNamespace X = XtceWriter.Namespace;

    [Fact]
    public void A_missing_required_element_is_a_schema_error_on_its_line()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        XElement container = xtce.Descendants(X + "SequenceContainer").Single(c => (string?)c.Attribute("name") == "HK_TEST_FAST");
        container.Element(X + "EntryList")!.Remove();
        string text = XtceWriter.Format(xtce);

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(text);

        XtceDiagnostic error = Assert.Single(errors);
        Assert.Contains("EntryList", error.Message);
        Assert.Contains("BaseContainer", LineAt(text, error.Line));
        Assert.Contains("HK_TEST_FAST", LineAt(text, error.Line - 1));
    }

    [Fact]
    public void A_missing_required_attribute_is_a_schema_error()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        xtce.Descendants(X + "Parameter").First().Attribute("parameterTypeRef")!.Remove();

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(xtce);

        Assert.Contains(errors, e => e.Message.Contains("parameterTypeRef") && e.Line > 0);
    }

    [Fact]
    public void A_duplicate_parameter_name_breaks_the_schema_key()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        XElement parameters = xtce.Descendants(X + "ParameterSet").Single();
        parameters.Add(new XElement(parameters.Elements().First()));

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(xtce);

        Assert.Contains(errors, e => e.Message.Contains("parameterNameKey") || e.Message.Contains("ccsds_version"));
    }

    [Fact]
    public void A_name_with_a_dot_is_a_schema_error()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        xtce.Descendants(X + "Parameter").First(p => (string?)p.Attribute("name") == "test_flag").SetAttributeValue("name", "test.flag");

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(xtce);

        Assert.Contains(errors, e => e.Message.Contains("test.flag"));
    }

    [Fact]
    public void A_document_in_another_namespace_is_reported_not_passed()
    {
        string text = XtceWriter.Format(XtceWriter.Write(RichDictionary.Build())).Replace(XtceWriter.Namespace, "http://www.omg.org/space/xtce");

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(text);

        Assert.Contains(errors, e => e.Message.Contains("root element"));
    }

    [Fact]
    public void Text_that_is_not_xml_is_reported()
    {
        Assert.Contains(XtceSchema.Validator.Validate("<SpaceSystem name='x'>"), e => e.Message.Contains("not well-formed"));
        Assert.Contains(XtceReferenceChecker.Check("<SpaceSystem"), e => e.Message.Contains("not well-formed"));
    }

    [Fact]
    public void An_undefined_parameter_type_ref_is_reported_on_its_line()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        xtce.Descendants(X + "Parameter").Single(p => (string?)p.Attribute("name") == "test_count").SetAttributeValue("parameterTypeRef", "no_such_Type");
        string text = XtceWriter.Format(xtce);

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(text);

        XtceDiagnostic error = Assert.Single(errors);
        Assert.Contains("no_such_Type", error.Message);
        Assert.Contains("parameter type", error.Message);
        Assert.Contains("parameterTypeRef=\"no_such_Type\"", LineAt(text, error.Line));
        Assert.Empty(XtceSchema.Validator.Validate(text)); // the schema alone cannot see it
    }

    /// <summary>Each mutation breaks one reference; the checker must report it, naming the bad value.</summary>
    public static TheoryData<string, string, string, string, string> BrokenReferences => new()
    {
        // element, selecting attribute=value (or "" for the first such element), attribute to break, new value, expected text
        { "ParameterRefEntry", "parameterRef=test_count", "parameterRef", "no_such_parameter", "does not name a Parameter" },
        { "Comparison", "parameterRef=hk_structure_id", "parameterRef", "no_such_parameter", "does not name a Parameter" },
        { "ParameterInstanceRef", "parameterRef=pus_service", "parameterRef", "no_such_parameter", "does not name a Parameter" },
        { "BaseContainer", "containerRef=PUS_TM_EVENT", "containerRef", "NO_SUCH_CONTAINER", "does not name a telemetry SequenceContainer" },
        { "BaseContainer", "containerRef=PUS_TC", "containerRef", "PUS_TM", "does not name a CommandContainer" },
        { "BaseMetaCommand", "", "metaCommandRef", "NO_SUCH_COMMAND", "does not name a MetaCommand" },
        { "Argument", "name=small", "argumentTypeRef", "ccsds_version_Type", "does not name a argument type" },
        { "Parameter", "name=test_flag", "parameterTypeRef", "tc_service_Type", "does not name a parameter type" },
        { "ArgumentRefEntry", "argumentRef=level", "argumentRef", "no_such_argument", "is not an argument of MetaCommand 'TEST_ALL_TYPES'" },
        { "ArgumentRefEntry", "argumentRef=tc_source_id", "argumentRef", "level", "is not an argument of MetaCommand 'PUS_TC'" },
        { "ArgumentAssignment", "", "argumentName", "no_such_argument", "is not an argument of base MetaCommand 'PUS_TC'" },
        { "ArgumentInstanceRef", "", "argumentRef", "address_length", "is not an argument of MetaCommand 'TEST_UPLOAD', which uses this type" },
        { "ParameterRefEntry", "parameterRef=test_count", "parameterRef", "/Other/test_count", "does not name a Parameter" },
        { "ParameterRefEntry", "parameterRef=test_count", "parameterRef", "Sub/test_count", "does not name a Parameter" },
    };

    [Theory]
    [MemberData(nameof(BrokenReferences))]
    public void A_broken_reference_is_reported(string element, string select, string attribute, string value, string expected)
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        Select(xtce, element, select).SetAttributeValue(attribute, value);
        string text = XtceWriter.Format(xtce);

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(text);

        XtceDiagnostic error = Assert.Single(errors);
        Assert.Contains(value, error.Message);
        Assert.Contains(expected, error.Message);
        Assert.Contains($"{attribute}=\"{value}\"", LineAt(text, error.Line));
    }

    [Fact]
    public void An_argument_type_no_command_uses_cannot_resolve_its_argument_ref()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        xtce.Descendants(X + "MetaCommand").Single(m => (string?)m.Attribute("name") == "TEST_UPLOAD").Remove();

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(xtce);

        Assert.Contains(errors, e => e.Message.Contains("no MetaCommand uses argument type 'TEST_UPLOAD_data_Type'"));
    }

    [Fact]
    public void A_reference_attribute_the_checker_does_not_know_is_reported()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        xtce.Descendants(X + "SequenceContainer").First().SetAttributeValue("streamRef", "SOME_STREAM");

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(xtce);

        Assert.Contains(errors, e => e.Message.Contains("streamRef") && e.Message.Contains("does not resolve"));
    }

    [Fact]
    public void A_looping_base_meta_command_chain_is_reported()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        XElement tc = xtce.Descendants(X + "MetaCommand").Single(m => (string?)m.Attribute("name") == "PUS_TC");
        tc.AddFirst(new XElement(X + "BaseMetaCommand", new XAttribute("metaCommandRef", "TEST_NOOP")));

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(xtce);

        Assert.Contains(errors, e => e.Message.Contains("loops"));
    }

    [Fact]
    public void Qualified_name_paths_resolve_like_plain_names()
    {
        XDocument xtce = XtceWriter.Write(RichDictionary.Build());
        int rewritten = 0;
        foreach (XAttribute reference in xtce.Descendants().Attributes().Where(a => a.Name.LocalName is "parameterRef" or "parameterTypeRef" or "containerRef"))
        {
            reference.Value = (rewritten++ % 3) switch { 0 => "/Payload/", 1 => "./", _ => "" } + reference.Value;
        }

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(xtce);

        Assert.True(rewritten > 100);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(XtceSchema.Validator.Validate(xtce));
    }

    [Fact]
    public void Paths_resolve_through_nested_space_systems()
    {
        var system = new XElement(X + "SpaceSystem", new XAttribute("name", "Root"),
            new XElement(X + "TelemetryMetaData",
                new XElement(X + "ParameterTypeSet", new XElement(X + "IntegerParameterType", new XAttribute("name", "root_Type"))),
                new XElement(X + "ParameterSet",
                    new XElement(X + "Parameter", new XAttribute("name", "at_root"), new XAttribute("parameterTypeRef", "root_Type"))),
                new XElement(X + "ContainerSet",
                    new XElement(X + "SequenceContainer", new XAttribute("name", "ROOT_PACKET"),
                        new XElement(X + "EntryList",
                            new XElement(X + "ParameterRefEntry", new XAttribute("parameterRef", "at_root")),
                            new XElement(X + "ParameterRefEntry", new XAttribute("parameterRef", "Sub/in_sub")),
                            new XElement(X + "ParameterRefEntry", new XAttribute("parameterRef", "/Root/Sub/in_sub")),
                            new XElement(X + "ParameterRefEntry", new XAttribute("parameterRef", "in_sub")))))),
            new XElement(X + "SpaceSystem", new XAttribute("name", "Sub"),
                new XElement(X + "TelemetryMetaData",
                    new XElement(X + "ParameterSet",
                        new XElement(X + "Parameter", new XAttribute("name", "in_sub"), new XAttribute("parameterTypeRef", "../root_Type")),
                        new XElement(X + "Parameter", new XAttribute("name", "wrong"), new XAttribute("parameterTypeRef", "root_Type"))))));

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(new XDocument(system));

        // Unqualified names refer to their own SpaceSystem only: "in_sub" from Root and "root_Type" from Sub do not resolve.
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Message.Contains("parameterRef=\"in_sub\""));
        Assert.Contains(errors, e => e.Message.Contains("Parameter 'wrong'") && e.Message.Contains("root_Type"));
        Assert.Empty(XtceSchema.Validator.Validate(new XDocument(system)));
    }

    private static XElement Select(XDocument xtce, string element, string select)
    {
        IEnumerable<XElement> candidates = xtce.Descendants(X + element);
        if (select.Length > 0)
        {
            string[] pair = select.Split('=');
            candidates = candidates.Where(e => (string?)e.Attribute(pair[0]) == pair[1]);
        }

        return candidates.First();
    }

    private static string LineAt(string text, int line) => text.Split('\n')[line - 1];
}
