using System.Xml.Linq;
using Payload.Dictionary.Xtce;

namespace Payload.Dictionary.Tests;

/// <summary>The exported XTCE is valid XTCE 1.2 and every reference in it resolves, for the flight dictionary and the rich one.</summary>
public sealed class XtceSchemaTests
{
    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Xtce_validates_against_the_XTCE_1_2_schema(string dictionary)
    {
        XDocument xtce = XtceWriter.Write(Dictionaries.Get(dictionary));

        IReadOnlyList<XtceDiagnostic> errors = XtceSchema.Validator.Validate(xtce);

        Assert.True(errors.Count == 0, "schema errors:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Dictionaries.Names), MemberType = typeof(Dictionaries))]
    public void Every_reference_in_the_xtce_resolves(string dictionary)
    {
        XDocument xtce = XtceWriter.Write(Dictionaries.Get(dictionary));

        IReadOnlyList<XtceDiagnostic> errors = XtceReferenceChecker.Check(xtce);

        Assert.True(errors.Count == 0, "unresolved references:\n" + string.Join("\n", errors));
    }
}
