using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Archive;

/// <summary>
/// The enumeration labels of archived parameter values, from one dictionary, given only to the rows of sessions that
/// were written with that dictionary (same hash): a label from another dictionary could name the wrong state.
/// </summary>
public sealed class ArchiveLabels
{
    private readonly Dictionary<string, ParameterDefinition> _labelled;

    /// <summary>Labels values with <paramref name="dictionary"/>'s parameter labels.</summary>
    public ArchiveLabels(MissionDictionary dictionary)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        DictionaryHash = dictionary.Hash;
        _labelled = dictionary.Parameters.Where(p => p.EnumerationLabels is { Length: > 0 }).ToDictionary(p => p.Name, StringComparer.Ordinal);
    }

    /// <summary>The hash of the dictionary the labels come from.</summary>
    public uint DictionaryHash { get; }

    /// <summary>True when the dictionary labels parameter <paramref name="name"/>.</summary>
    public bool IsLabelled(string name) => _labelled.ContainsKey(name);

    /// <summary>The label of <paramref name="raw"/> for parameter <paramref name="name"/>, archived by a session whose dictionary hash is <paramref name="sessionHash"/>; null when there is none.</summary>
    public string? Label(string name, long raw, long sessionHash) =>
        sessionHash == DictionaryHash && _labelled.TryGetValue(name, out ParameterDefinition? parameter) ? ValueFormat.Label(parameter, raw) : null;
}
