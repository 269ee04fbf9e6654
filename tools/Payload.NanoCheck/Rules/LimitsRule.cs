namespace Payload.NanoCheck.Rules;

/// <summary>NF007–NF010: the sizes the nanoFramework image format stores in one or two bytes.</summary>
/// <remarks>
/// The metadata processor stores each type's virtual, non-virtual instance and static method counts in one byte
/// each, and refuses a type where one exceeds 255. NF007 fails as soon as the total exceeds 255: that is stricter
/// than the device, but the split depends on how the compiler classifies accessors, lambdas and interface
/// implementations, which a source change can move without anyone noticing; a total bound keeps the check stable.
/// Static and instance field counts are also bytes, and the processor truncates them without checking, so NF010
/// catches what would otherwise be a corrupt image. Byte code and strings are addressed by 16-bit offsets (NF008,
/// NF009): the IL total stands in for the byte code (which the processor makes slightly smaller by shortening
/// tokens) and the #US heap for the strings.
/// </remarks>
internal sealed class LimitsRule : IRule
{
    /// <summary>The most methods (or fields of one kind) one type may have.</summary>
    public const int MaxPerType = byte.MaxValue;

    /// <summary>The largest IL total and #US heap an assembly may have: offsets into them are 16-bit.</summary>
    public const int MaxTableBytes = ushort.MaxValue;

    public void Check(CheckContext context)
    {
        var measurements = context.Measurements;
        foreach (var counts in measurements.Types)
        {
            if (counts.Methods > MaxPerType)
            {
                Site.ForType(context, counts.Type).Report(
                    context,
                    RuleIds.TooManyMethods,
                    $"type has {counts.Methods} methods ({counts.VirtualMethods} virtual, {counts.InstanceMethods} instance, {counts.StaticMethods} static); "
                    + $"nanoFramework stores method counts in one byte, so NanoCheck allows at most {MaxPerType} per type: split the type");
            }

            if (counts.StaticFields > MaxPerType || counts.InstanceFields > MaxPerType)
            {
                Site.ForType(context, counts.Type).Report(
                    context,
                    RuleIds.TooManyFields,
                    $"type has {counts.StaticFields} static and {counts.InstanceFields} instance fields; nanoFramework stores each count in one byte "
                    + $"(at most {MaxPerType}) and the metadata processor truncates larger counts silently: split the type");
            }
        }

        if (measurements.IlBytes > MaxTableBytes)
        {
            Site.ForModule().Report(
                context,
                RuleIds.IlTooLarge,
                $"assembly has {measurements.IlBytes} bytes of IL; nanoFramework addresses byte code with 16-bit offsets (at most {MaxTableBytes} bytes per assembly): split the assembly");
        }

        if (measurements.UserStringBytes > MaxTableBytes)
        {
            Site.ForModule().Report(
                context,
                RuleIds.StringsTooLarge,
                $"assembly has {measurements.UserStringBytes} bytes of string literals (#US heap); nanoFramework addresses strings with 16-bit offsets (at most {MaxTableBytes} bytes per assembly): shorten or move strings");
        }
    }
}
