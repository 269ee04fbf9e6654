using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Payload.NanoCheck.Rules;

/// <summary>Per-type member counts, split the way the metadata processor stores them.</summary>
/// <param name="Type">The type.</param>
/// <param name="VirtualMethods">Virtual (including abstract) methods.</param>
/// <param name="InstanceMethods">Non-virtual instance methods.</param>
/// <param name="StaticMethods">Static methods.</param>
/// <param name="StaticFields">Static fields without a constant value.</param>
/// <param name="InstanceFields">Instance fields.</param>
internal sealed record TypeCounts(
    TypeDefinitionHandle Type, int VirtualMethods, int InstanceMethods, int StaticMethods, int StaticFields, int InstanceFields)
{
    public int Methods => VirtualMethods + InstanceMethods + StaticMethods;
}

/// <summary>The sizes the nanoFramework image format limits, measured once per assembly.</summary>
/// <param name="IlBytes">Sum of the IL code sizes of all method bodies.</param>
/// <param name="UserStringBytes">Size of the #US heap.</param>
/// <param name="Types">Member counts of every type definition.</param>
internal sealed record AssemblyMeasurements(int IlBytes, int UserStringBytes, IReadOnlyList<TypeCounts> Types)
{
    public static AssemblyMeasurements Measure(CheckContext context)
    {
        var reader = context.Reader;
        var ilBytes = 0;
        foreach (var (_, _, method) in context.Methods())
        {
            ilBytes += context.GetBody(method)?.GetILReader().Length ?? 0;
        }

        var types = reader.TypeDefinitions.Select(handle => Count(reader, handle)).ToList();
        return new AssemblyMeasurements(ilBytes, reader.GetHeapSize(HeapIndex.UserString), types);
    }

    private static TypeCounts Count(MetadataReader reader, TypeDefinitionHandle handle)
    {
        var type = reader.GetTypeDefinition(handle);
        int virtualMethods = 0, instanceMethods = 0, staticMethods = 0;
        foreach (var methodHandle in type.GetMethods())
        {
            var attributes = reader.GetMethodDefinition(methodHandle).Attributes;
            if ((attributes & MethodAttributes.Virtual) != 0)
            {
                virtualMethods++;
            }
            else if ((attributes & MethodAttributes.Static) != 0)
            {
                staticMethods++;
            }
            else
            {
                instanceMethods++;
            }
        }

        // Constants (including enum members) are folded into the IL and never reach the device's field tables.
        int staticFields = 0, instanceFields = 0;
        foreach (var fieldHandle in type.GetFields())
        {
            var attributes = reader.GetFieldDefinition(fieldHandle).Attributes;
            if ((attributes & FieldAttributes.Literal) != 0)
            {
                continue;
            }

            if ((attributes & FieldAttributes.Static) != 0)
            {
                staticFields++;
            }
            else
            {
                instanceFields++;
            }
        }

        return new TypeCounts(handle, virtualMethods, instanceMethods, staticMethods, staticFields, instanceFields);
    }
}
