using Xunit.Abstractions;
using Xunit.Sdk;

namespace Payload.Hil;

/// <summary>The traits of a <see cref="HilFactAttribute"/>: Target, and Category=Slow for slow tests.</summary>
public sealed class HilTraitDiscoverer : ITraitDiscoverer
{
    /// <inheritdoc />
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        ArgumentNullException.ThrowIfNull(traitAttribute);
        yield return new KeyValuePair<string, string>("Target", HilFactAttribute.TargetName);
        if (traitAttribute.GetNamedArgument<bool>(nameof(HilFactAttribute.Slow))) yield return new KeyValuePair<string, string>("Category", "Slow");
        Capability requires = traitAttribute.GetNamedArgument<Capability>(nameof(HilFactAttribute.Requires));
        if (requires != Capability.None) yield return new KeyValuePair<string, string>("Requires", requires.ToString());
    }
}
