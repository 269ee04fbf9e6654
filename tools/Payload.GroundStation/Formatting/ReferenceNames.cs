using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;

namespace Payload.GroundStation;

/// <summary>
/// Arguments that refer to something by number (param_id, event_id, sid, function_id, failure_code): the name of what
/// a value refers to, and the value a name stands for, so operators can type and read names.
/// </summary>
public static class ReferenceNames
{
    private static readonly Dictionary<string, (string What, Func<MissionDictionary, long, string?> Name, Func<MissionDictionary, string, long?> Value)> Kinds = new()
    {
        ["param_id"] = ("a parameter name",
            (d, v) => d.Parameters.FirstOrDefault(p => p.Id == v)?.Name,
            (d, s) => d.Parameters.FirstOrDefault(p => Same(p.Name, s))?.Id),
        ["event_id"] = ("an event name",
            (d, v) => d.Events.FirstOrDefault(e => e.Id == v)?.Name,
            (d, s) => d.Events.FirstOrDefault(e => Same(e.Name, s))?.Id),
        ["sid"] = ("a housekeeping structure name",
            (d, v) => d.HousekeepingStructures.FirstOrDefault(h => h.Id == v)?.Name,
            (d, s) => d.HousekeepingStructures.FirstOrDefault(h => Same(h.Name, s))?.Id),
        ["function_id"] = ("a function name",
            (d, v) => d.Functions.FirstOrDefault(f => f.Id == v)?.Name,
            (d, s) => d.Functions.FirstOrDefault(f => Same(f.Name, s))?.Id),
        ["failure_code"] = ("a failure code name",
            (_, v) => Enum.IsDefined((FailureCode)v) && v is >= 0 and <= ushort.MaxValue ? ((FailureCode)v).ToString() : null,
            (_, s) => Enum.TryParse(s, true, out FailureCode code) && Enum.IsDefined(code) ? (long)code : null),
    };

    /// <summary>True when arguments called <paramref name="argumentName"/> refer to dictionary items (or failure codes) by number.</summary>
    public static bool IsReference(string argumentName) => Kinds.ContainsKey(argumentName);

    /// <summary>What a name given for <paramref name="argumentName"/> must be ("a parameter name"), or null.</summary>
    public static string? Describe(string argumentName) => Kinds.TryGetValue(argumentName, out var kind) ? kind.What : null;

    /// <summary>The name of what <paramref name="value"/> refers to, or null when the argument is no reference or nothing has that number.</summary>
    public static string? NameOf(MissionDictionary dictionary, string argumentName, long value) =>
        Kinds.TryGetValue(argumentName, out var kind) ? kind.Name(dictionary, value) : null;

    /// <summary>The number <paramref name="name"/> stands for, or null.</summary>
    public static long? ValueOf(MissionDictionary dictionary, string argumentName, string name) =>
        Kinds.TryGetValue(argumentName, out var kind) ? kind.Value(dictionary, name) : null;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
