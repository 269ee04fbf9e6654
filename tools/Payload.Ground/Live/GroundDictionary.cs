using Payload.Boards.Simulated.Engine;
using Payload.Dictionary.Json;
using Payload.Flight.Dictionary;

namespace Payload.Ground.Live;

/// <summary>The dictionary the live verbs command with: the payload software's own, or an exported JSON dictionary.</summary>
public static class GroundDictionary
{
    private static readonly Lazy<MissionDictionary> Payload = new(() => new SimulatedBoard().Software.Dictionary);

    /// <summary>
    /// The dictionary of the software the simulated board boots by default — built from the same code a real board
    /// runs, so it is the one a board reports the hash of.
    /// </summary>
    public static MissionDictionary Default => Payload.Value;

    /// <summary>The dictionary in the JSON file <paramref name="path"/> when given (a ground built apart from the flight code), else <see cref="Default"/>.</summary>
    /// <exception cref="UsageException">The file cannot be read or is not a payload dictionary.</exception>
    public static MissionDictionary Load(string? path)
    {
        if (path is null) return Default;
        try
        {
            return JsonDictionaryReader.ReadDictionary(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            throw new UsageException($"cannot use the dictionary '{path}': {e.Message}");
        }
    }
}
