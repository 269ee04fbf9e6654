using Payload.Flight.Dictionary;
using Payload.GroundStation.Archive;

namespace Payload.Ground.Verbs;

/// <summary>Where the archive verbs look for the archive (--db FILE, else payload-archive.db here), and how they open it.</summary>
public static class ArchiveLocation
{
    /// <summary>The archive file when --db is not given (in the current directory).</summary>
    public const string DefaultFile = "payload-archive.db";

    /// <summary>Takes "--db FILE" or "--db=FILE" out of <paramref name="arguments"/> wherever it stands; returns the file and the rest.</summary>
    /// <exception cref="UsageException">--db has no value or is given twice.</exception>
    public static (string Path, IReadOnlyList<string> Remaining) Take(string verb, IReadOnlyList<string> arguments)
    {
        string? path = null;
        var rest = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            string? value = null;
            if (argument == "--db")
            {
                if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"{verb}: option --db needs a value");
                value = arguments[++i];
            }
            else if (argument.StartsWith("--db=", StringComparison.Ordinal))
            {
                value = argument["--db=".Length..];
            }
            else
            {
                rest.Add(argument);
                continue;
            }
            if (path is not null) throw new UsageException($"{verb}: option --db is given twice");
            path = value;
        }
        return (path ?? DefaultFile, rest);
    }

    /// <summary>Opens the archive at <paramref name="path"/> (labelling parameters from <paramref name="dictionary"/> when given), or writes why not to <paramref name="error"/> and returns null.</summary>
    public static ArchiveReader? Open(string path, TextWriter error, MissionDictionary? dictionary = null)
    {
        try
        {
            return new ArchiveReader(path, dictionary);
        }
        catch (FileNotFoundException)
        {
            error.WriteLine($"error: no archive at {Path.GetFullPath(path)}: run `demo` or `connect --archive {path}` first (or give --db FILE)");
        }
        catch (InvalidDataException e)
        {
            error.WriteLine($"error: {e.Message}: give --db the file that `connect --archive` or `demo` wrote");
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"error: {e.Message}");
        }
        return null;
    }
}
