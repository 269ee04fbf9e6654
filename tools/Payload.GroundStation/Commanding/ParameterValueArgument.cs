using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Commanding;

/// <summary>
/// A command argument that carries a new value for a parameter named by an earlier argument (PARAM_SET's 'value' after its
/// 'param_id'): its own declaration is a plain Int32, so its labels are those of the parameter the 'param_id' names.
/// </summary>
/// <remarks>Parameter labels index raw values from 0 (<see cref="ParameterDefinition.EnumerationLabels"/>), not from the argument's minimum.</remarks>
public static class ParameterValueArgument
{
    private const string ValueName = "value";
    private const string ParameterIdName = "param_id";

    /// <summary>The index of the param_id argument whose parameter argument <paramref name="index"/> sets, or -1 when it sets none.</summary>
    public static int ParameterIdIndex(CommandDefinition command, int index)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (index < 0 || index >= command.Arguments.Length || !Is(command.Arguments[index].Name, ValueName)) return -1;
        for (int i = index - 1; i >= 0; i--)
        {
            if (Is(command.Arguments[i].Name, ParameterIdName)) return i;
        }
        return -1;
    }

    /// <summary>The labelled parameter <paramref name="parameterId"/> names, or null when there is none or it has no labels.</summary>
    public static ParameterDefinition? Labelled(MissionDictionary dictionary, long parameterId)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return dictionary.Parameters.FirstOrDefault(p => p.Id == parameterId && p.EnumerationLabels is { Length: > 0 });
    }

    /// <summary>The labelled parameter called <paramref name="name"/> (any case), or null when there is none or it has no labels.</summary>
    public static ParameterDefinition? Labelled(MissionDictionary dictionary, string name)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(name);
        return dictionary.Parameters.FirstOrDefault(p => Is(p.Name, name) && p.EnumerationLabels is { Length: > 0 });
    }

    private static bool Is(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
