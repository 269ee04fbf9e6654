using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Payload.NanoCheck.Rules;

/// <summary>
/// The last rule: every TypeSpec, MemberRef, MethodSpec and StandAloneSig row not yet reached through a definition
/// or an instruction (attribute constructors, method impls, constraints), so no table row escapes the check.
/// </summary>
internal sealed class MetadataSweepRule : IRule
{
    private readonly TokenInspector _tokens;

    public MetadataSweepRule(TokenInspector tokens) => _tokens = tokens;

    public void Check(CheckContext context)
    {
        var reader = context.Reader;
        var handles = Rows(reader, TableIndex.TypeSpec)
            .Concat(Rows(reader, TableIndex.MemberRef))
            .Concat(Rows(reader, TableIndex.MethodSpec))
            .Concat(Rows(reader, TableIndex.StandAloneSig));
        foreach (var handle in handles)
        {
            if (context.Covered.Contains(handle))
            {
                continue;
            }

            var findings = _tokens.Inspect(handle);
            if (findings.Count > 0)
            {
                Site.ForModule().Report(context, findings, $"{Describe(handle)} {context.Names.Member(handle)}");
            }
        }
    }

    private static IEnumerable<EntityHandle> Rows(MetadataReader reader, TableIndex table) =>
        Enumerable.Range(1, reader.GetTableRowCount(table)).Select(row => MetadataTokens.EntityHandle(table, row));

    private static string Describe(EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeSpecification => "type specification",
        HandleKind.MemberReference => "member reference",
        HandleKind.MethodSpecification => "method specification",
        _ => "signature",
    };
}
