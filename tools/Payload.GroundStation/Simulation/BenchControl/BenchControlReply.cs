namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>A successful reply of the bench control port, <c>OK key=value …</c>, read into its fields.</summary>
public sealed class BenchControlReply
{
    private readonly Dictionary<string, string> _fields;

    private BenchControlReply(string line, Dictionary<string, string> fields)
    {
        Line = line;
        _fields = fields;
    }

    /// <summary>The reply line as received.</summary>
    public string Line { get; }

    /// <summary>The value of field <paramref name="key"/>.</summary>
    /// <exception cref="FormatException">The reply has no such field.</exception>
    public string this[string key] => _fields.TryGetValue(key, out string? value) ? value : throw new FormatException($"bench control reply has no {key}: '{Line}'");

    /// <summary>Reads a reply line.</summary>
    /// <exception cref="BenchControlException">The port answered ERR (its reason is kept).</exception>
    /// <exception cref="FormatException">The line is neither OK key=value … nor ERR.</exception>
    public static BenchControlReply Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] words = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 0 && words[0] == BenchControlProtocol.Error)
            throw new BenchControlException($"refused: {line.Trim()[BenchControlProtocol.Error.Length..].Trim()}");
        if (words.Length == 0 || words[0] != BenchControlProtocol.Ok)
            throw new FormatException($"not a bench control reply (OK … or ERR …): '{line}'");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string word in words.Skip(1))
        {
            string[] pair = word.Split('=', 2);
            if (pair.Length != 2) throw new FormatException($"bench control reply field '{word}' is not key=value");
            fields[pair[0]] = pair[1];
        }
        return new BenchControlReply(line, fields);
    }
}
