using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Payload.NanoCheck.Rules;

/// <summary>NF001: generic types and methods defined in the assembly (every GenericParam row, named by its owner).</summary>
internal sealed class GenericDefinitionRule : IRule
{
    public void Check(CheckContext context)
    {
        var reader = context.Reader;
        var parametersByOwner = new Dictionary<EntityHandle, List<string>>();
        var owners = new List<EntityHandle>();
        var rows = reader.GetTableRowCount(TableIndex.GenericParam);
        for (var row = 1; row <= rows; row++)
        {
            var parameter = reader.GetGenericParameter(MetadataTokens.GenericParameterHandle(row));
            if (!parametersByOwner.TryGetValue(parameter.Parent, out var names))
            {
                names = [];
                parametersByOwner[parameter.Parent] = names;
                owners.Add(parameter.Parent);
            }

            names.Add(reader.GetString(parameter.Name));
        }

        foreach (var owner in owners)
        {
            var list = "<" + string.Join(", ", parametersByOwner[owner]) + ">";
            var (site, kind) = owner.Kind == HandleKind.MethodDefinition
                ? (Site.ForMethod(context, (MethodDefinitionHandle)owner), "method")
                : (Site.ForType(context, (TypeDefinitionHandle)owner), "type");
            site.Report(
                context,
                RuleIds.GenericDefinition,
                $"generic {kind} definition with type parameters {list} is not supported by nanoFramework 1.17 (the runtime crashes resolving generics)");
        }
    }
}
