using System.Xml;
using System.Xml.Linq;

namespace Payload.Dictionary.Xtce;

/// <summary>Proves every name reference of an XTCE document resolves to an item of the right kind (the schema cannot check this).</summary>
/// <remarks>
/// Checks every attribute whose name ends in "Ref" or "ref" — parameterRef, parameterTypeRef, argumentTypeRef, arrayTypeRef,
/// typeRef (aggregate members), containerRef, metaCommandRef, argumentRef — and ArgumentAssignment's argumentName. Any other such attribute is reported as unchecked, so a
/// new kind of reference cannot slip through. Names may be plain (the SpaceSystem the reference is in) or paths
/// ("/Root/Sub/name", "../name", "Sub/name"), resolved through the SpaceSystem tree. Arguments resolve within the MetaCommand
/// and its BaseMetaCommand chain; an argumentRef inside an argument type, within every MetaCommand that uses the type.
/// </remarks>
public static class XtceReferenceChecker
{
    private static readonly XNamespace Ns = XtceWriter.Namespace;

    /// <summary>Checks XML text; returns every unresolved or unchecked reference (empty when all resolve).</summary>
    public static IReadOnlyList<XtceDiagnostic> Check(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return [new XtceDiagnostic(e.LineNumber, e.LinePosition, "not well-formed XML: " + e.Message)];
        }

        return new Checker(document).Run();
    }

    /// <summary>Checks a document as <see cref="XtceWriter.Save"/> would write it (line numbers refer to that text).</summary>
    public static IReadOnlyList<XtceDiagnostic> Check(XDocument document) => Check(XtceWriter.Format(document));

    /// <summary>Checks the XTCE file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<XtceDiagnostic> CheckFile(string path) => Check(File.ReadAllText(path));

    /// <summary>The names one SpaceSystem defines, per kind, and its place in the tree.</summary>
    private sealed class Scope(XElement element, Scope? parent)
    {
        public XElement Element { get; } = element;

        public Scope? Parent { get; } = parent;

        public string Name { get; } = (string?)element.Attribute("name") ?? "";

        public Dictionary<string, Scope> Children { get; } = [];

        public Dictionary<XtceNameKind, Dictionary<string, XElement>> Items { get; } =
            Enum.GetValues<XtceNameKind>().ToDictionary(k => k, _ => new Dictionary<string, XElement>());
    }

    private sealed class Checker
    {
        private readonly XDocument _document;
        private readonly List<XtceDiagnostic> _diagnostics = [];
        private readonly Dictionary<XElement, Scope> _scopes = [];
        private Scope? _root;

        public Checker(XDocument document) => _document = document;

        public List<XtceDiagnostic> Run()
        {
            XElement? root = _document.Root;
            if (root is null || root.Name != Ns + "SpaceSystem")
            {
                Report(root, $"the root element is {root?.Name.ToString() ?? "missing"}, not {Ns + "SpaceSystem"}");
                return _diagnostics;
            }

            _root = Collect(root, parent: null);
            foreach (XElement element in root.DescendantsAndSelf())
            {
                foreach (XAttribute attribute in element.Attributes())
                {
                    CheckAttribute(element, attribute);
                }
            }

            return _diagnostics;
        }

        private Scope Collect(XElement system, Scope? parent)
        {
            var scope = new Scope(system, parent);
            _scopes.Add(system, scope);
            XElement? telemetry = system.Element(Ns + "TelemetryMetaData");
            XElement? commands = system.Element(Ns + "CommandMetaData");
            Define(scope, XtceNameKind.Parameter, Children(telemetry, "ParameterSet", "Parameter").Concat(Children(commands, "ParameterSet", "Parameter")));
            Define(scope, XtceNameKind.ParameterType, Children(telemetry, "ParameterTypeSet").Concat(Children(commands, "ParameterTypeSet")));
            Define(scope, XtceNameKind.ArgumentType, Children(commands, "ArgumentTypeSet"));
            Define(scope, XtceNameKind.Container, Children(telemetry, "ContainerSet"));
            IEnumerable<XElement> metaCommands = Children(commands, "MetaCommandSet").Where(e => e.Name == Ns + "MetaCommand" || e.Name == Ns + "BlockMetaCommand");
            Define(scope, XtceNameKind.MetaCommand, metaCommands);
            Define(scope, XtceNameKind.CommandContainer, Children(commands, "CommandContainerSet")
                .Concat(metaCommands.Elements(Ns + "CommandContainer")));
            foreach (XElement child in system.Elements(Ns + "SpaceSystem"))
            {
                Scope childScope = Collect(child, scope);
                if (!scope.Children.TryAdd(childScope.Name, childScope))
                {
                    Report(child, $"SpaceSystem '{childScope.Name}' is defined twice in '{scope.Name}'");
                }
            }

            return scope;
        }

        private static IEnumerable<XElement> Children(XElement? metaData, string set, string? item = null)
        {
            IEnumerable<XElement> elements = metaData?.Elements(Ns + set).Elements() ?? [];
            return item is null ? elements : elements.Where(e => e.Name == Ns + item);
        }

        private void Define(Scope scope, XtceNameKind kind, IEnumerable<XElement> items)
        {
            foreach (XElement item in items)
            {
                string? name = (string?)item.Attribute("name");
                if (name is null)
                {
                    continue; // the schema requires names; its validator reports a missing one
                }

                if (!scope.Items[kind].TryAdd(name, item))
                {
                    Report(item, $"{KindText(kind)} '{name}' is defined twice in SpaceSystem '{scope.Name}'");
                }
            }
        }

        private void CheckAttribute(XElement element, XAttribute attribute)
        {
            string name = attribute.Name.LocalName;
            string value = attribute.Value;
            switch (name)
            {
                case "parameterRef":
                    Expect(element, attribute, XtceNameKind.Parameter);
                    break;
                case "parameterTypeRef":
                    Expect(element, attribute, XtceNameKind.ParameterType);
                    break;
                case "argumentTypeRef":
                    Expect(element, attribute, XtceNameKind.ArgumentType);
                    break;
                case "arrayTypeRef" or "typeRef":
                    // Array elements and aggregate members: a type of the same set as the type that names them.
                    bool argumentType = element.Ancestors(Ns + "ArgumentTypeSet").Any();
                    Expect(element, attribute, argumentType ? XtceNameKind.ArgumentType : XtceNameKind.ParameterType);
                    break;
                case "containerRef":
                    bool command = element.Ancestors(Ns + "CommandMetaData").Any();
                    Expect(element, attribute, command ? XtceNameKind.CommandContainer : XtceNameKind.Container);
                    break;
                case "metaCommandRef":
                    Expect(element, attribute, XtceNameKind.MetaCommand);
                    break;
                case "argumentRef":
                    CheckArgumentRef(element, attribute);
                    break;
                case "argumentName" when element.Name == Ns + "ArgumentAssignment":
                    CheckAssignment(element, attribute);
                    break;
                default:
                    if (name.EndsWith("Ref", StringComparison.Ordinal) || name.EndsWith("ref", StringComparison.Ordinal))
                    {
                        Report(attribute, $"{Where(element)}: reference attribute {name}=\"{value}\" is of a kind this checker does not resolve");
                    }

                    break;
            }
        }

        private XElement? Expect(XElement element, XAttribute attribute, XtceNameKind kind)
        {
            XElement? target = Resolve(ScopeOf(element), kind, attribute.Value);
            if (target is null)
            {
                Report(attribute, $"{Where(element)}: {attribute.Name.LocalName}=\"{attribute.Value}\" does not name a {KindText(kind)}");
            }

            return target;
        }

        private void CheckArgumentRef(XElement element, XAttribute attribute)
        {
            XElement? metaCommand = element.Ancestors(Ns + "MetaCommand").FirstOrDefault();
            if (metaCommand is not null)
            {
                if (!ArgumentsOf(metaCommand).Contains(attribute.Value))
                {
                    Report(attribute, $"{Where(element)}: argumentRef=\"{attribute.Value}\" is not an argument of MetaCommand '{(string?)metaCommand.Attribute("name")}' or its bases");
                }

                return;
            }

            XElement? type = element.Ancestors().FirstOrDefault(a => a.Parent?.Name == Ns + "ArgumentTypeSet");
            if (type is null)
            {
                Report(attribute, $"{Where(element)}: argumentRef=\"{attribute.Value}\" is neither in a MetaCommand nor in an argument type");
                return;
            }

            // In a type, the argument is named in every command that uses the type.
            var users = _document.Descendants(Ns + "Argument")
                .Where(a => a.Attribute("argumentTypeRef") is { } typeRef && Resolve(ScopeOf(a), XtceNameKind.ArgumentType, typeRef.Value) == type)
                .Select(a => a.Ancestors(Ns + "MetaCommand").FirstOrDefault())
                .OfType<XElement>()
                .ToList();
            if (users.Count == 0)
            {
                Report(attribute, $"{Where(element)}: argumentRef=\"{attribute.Value}\" cannot be resolved: no MetaCommand uses argument type '{(string?)type.Attribute("name")}'");
            }

            foreach (XElement user in users.Where(u => !ArgumentsOf(u).Contains(attribute.Value)))
            {
                Report(attribute, $"{Where(element)}: argumentRef=\"{attribute.Value}\" is not an argument of MetaCommand '{(string?)user.Attribute("name")}', which uses this type");
            }
        }

        private void CheckAssignment(XElement element, XAttribute attribute)
        {
            XElement? baseMetaCommand = element.Ancestors(Ns + "BaseMetaCommand").FirstOrDefault();
            XElement? target = baseMetaCommand?.Attribute("metaCommandRef") is { } reference
                ? Resolve(ScopeOf(baseMetaCommand), XtceNameKind.MetaCommand, reference.Value)
                : null;
            if (target is null)
            {
                return; // the unresolved metaCommandRef is reported on its own
            }

            if (!ArgumentsOf(target).Contains(attribute.Value))
            {
                Report(attribute, $"{Where(element)}: argumentName=\"{attribute.Value}\" is not an argument of base MetaCommand '{(string?)target.Attribute("name")}' or its bases");
            }
        }

        /// <summary>The arguments of a MetaCommand and of its BaseMetaCommand chain.</summary>
        private HashSet<string> ArgumentsOf(XElement metaCommand)
        {
            var names = new HashSet<string>();
            var seen = new HashSet<XElement>();
            for (XElement? current = metaCommand; current is not null && seen.Add(current);)
            {
                foreach (XElement argument in current.Elements(Ns + "ArgumentList").Elements(Ns + "Argument"))
                {
                    if ((string?)argument.Attribute("name") is { } name)
                    {
                        names.Add(name);
                    }
                }

                XAttribute? baseRef = current.Element(Ns + "BaseMetaCommand")?.Attribute("metaCommandRef");
                current = baseRef is null ? null : Resolve(ScopeOf(current), XtceNameKind.MetaCommand, baseRef.Value);
                if (current is not null && seen.Contains(current))
                {
                    Report(metaCommand, $"{Where(metaCommand)}: its BaseMetaCommand chain loops");
                }
            }

            return names;
        }

        private Scope ScopeOf(XElement element) =>
            _scopes[element.AncestorsAndSelf(Ns + "SpaceSystem").First()];

        /// <summary>Resolves a name or a name path (XTCE NameReferenceType) from <paramref name="scope"/>.</summary>
        private XElement? Resolve(Scope scope, XtceNameKind kind, string reference)
        {
            string[] parts = reference.Split('/');
            Scope? current = scope;
            int first = 0;
            if (reference.StartsWith('/'))
            {
                // "/Root/…/name": the first segment after the slash names the root.
                if (parts.Length < 3 || parts[1] != _root!.Name)
                {
                    return null;
                }

                current = _root;
                first = 2;
            }

            for (int i = first; i < parts.Length - 1 && current is not null; i++)
            {
                current = parts[i] switch
                {
                    "" or "." => current,
                    ".." => current.Parent,
                    _ => current.Children.GetValueOrDefault(parts[i]),
                };
            }

            return current?.Items[kind].GetValueOrDefault(parts[^1]);
        }

        private static string KindText(XtceNameKind kind) => kind switch
        {
            XtceNameKind.Parameter => "Parameter",
            XtceNameKind.ParameterType => "parameter type",
            XtceNameKind.ArgumentType => "argument type",
            XtceNameKind.Container => "telemetry SequenceContainer",
            XtceNameKind.CommandContainer => "CommandContainer",
            XtceNameKind.MetaCommand => "MetaCommand",
            _ => kind.ToString(),
        };

        /// <summary>"ParameterRefEntry in SequenceContainer 'HK_X'": the element and its nearest named ancestor.</summary>
        private static string Where(XElement element)
        {
            string here = element.Name.LocalName + ((string?)element.Attribute("name") is { } own ? $" '{own}'" : "");
            XElement? named = element.Ancestors().FirstOrDefault(a => a.Attribute("name") is not null && a.Name != Ns + "SpaceSystem");
            return named is null ? here : $"{here} in {named.Name.LocalName} '{(string?)named.Attribute("name")}'";
        }

        private void Report(XObject? at, string message)
        {
            var line = at as IXmlLineInfo;
            _diagnostics.Add(new XtceDiagnostic(line?.LineNumber ?? 0, line?.LinePosition ?? 0, message));
        }
    }
}
