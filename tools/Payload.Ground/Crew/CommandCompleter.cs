using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.GroundStation;
using Payload.GroundStation.Commanding;

namespace Payload.Ground.Crew;

/// <summary>
/// Tab completion from the dictionary: the first word completes to a mnemonic (or a console word: help, quit…), after
/// "help" to a mnemonic; after a mnemonic, a word completes to an argument name ("mode=") or to a value of the next
/// positional argument, and after "name=" to a value of that argument — enumeration labels, true/false, for
/// param_id/event_id/sid/function_id/failure_code the names of what they refer to, and for PARAM_SET's value the
/// labels of the parameter its param_id names.
/// </summary>
public sealed class CommandCompleter
{
    private readonly MissionDictionary _dictionary;
    private readonly IReadOnlyList<string> _consoleWords;
    private readonly string[] _mnemonics;

    /// <summary>Completes against <paramref name="dictionary"/>, offering <paramref name="consoleWords"/> as first words too.</summary>
    public CommandCompleter(MissionDictionary dictionary, IReadOnlyList<string> consoleWords)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        ArgumentNullException.ThrowIfNull(consoleWords);
        _dictionary = dictionary;
        _consoleWords = consoleWords;
        _mnemonics = dictionary.Commands.Select(c => c.Mnemonic).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Completes the last word of <paramref name="line"/> (the cursor is at its end).</summary>
    public Completion Complete(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        int start = line.LastIndexOfAny([' ', '\t']) + 1;
        string head = line[..start];
        string word = line[start..];
        string[] before = head.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);

        IEnumerable<string> candidates;
        if (before.Length == 0)
        {
            candidates = _consoleWords.Concat(_mnemonics);
        }
        else if (before.Length == 1 && IsWord(before[0], "help"))
        {
            candidates = _mnemonics;
        }
        else if (_dictionary.Commands.FirstOrDefault(c => IsWord(c.Mnemonic, before[0])) is { } command)
        {
            candidates = ArgumentCandidates(command, before.Skip(1).ToArray(), word);
        }
        else
        {
            return new Completion(line, []);
        }

        string[] matches = candidates.Where(c => c.StartsWith(word, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.Ordinal).ToArray();
        if (matches.Length == 0) return new Completion(line, []);
        if (matches.Length == 1)
        {
            string only = matches[0];
            return new Completion(head + only + (only.EndsWith('=') ? "" : " "), matches);
        }
        string common = CommonPrefix(matches);
        return new Completion(common.Length > word.Length ? head + common : line, matches);
    }

    /// <summary>The values an argument may be named by (labels, booleans, referenced names); empty for plain numbers.</summary>
    public IReadOnlyList<string> ValuesOf(ArgumentDefinition argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.EnumerationLabels is { Length: > 0 } labels) return labels;
        if (argument.Type == DataType.Boolean) return ["true", "false"];
        return argument.Name switch
        {
            "param_id" => _dictionary.Parameters.Select(p => p.Name).ToArray(),
            "event_id" => _dictionary.Events.Select(e => e.Name).ToArray(),
            "sid" => _dictionary.HousekeepingStructures.Select(h => h.Name).ToArray(),
            "function_id" => _dictionary.Functions.Select(f => f.Name).ToArray(),
            "failure_code" => Enum.GetNames<FailureCode>(),
            _ => [],
        };
    }

    private IEnumerable<string> ArgumentCandidates(CommandDefinition command, string[] given, string word)
    {
        ArgumentDefinition[] arguments = command.Arguments;
        int equals = word.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0)
        {
            string name = word[..equals];
            ArgumentDefinition? named = arguments.FirstOrDefault(a => IsWord(a.Name, name));
            return named is null ? [] : ValuesOf(command, Array.IndexOf(arguments, named), given).Select(v => $"{named.Name}={v}");
        }

        var namedGiven = new HashSet<string>(given.Where(g => g.Contains('=', StringComparison.Ordinal)).Select(g => g[..g.IndexOf('=', StringComparison.Ordinal)]),
            StringComparer.OrdinalIgnoreCase);
        int[] positional = Enumerable.Range(0, arguments.Length).Where(i => !CommandEncoder.IsComputedLength(command, i)).ToArray();
        int positionalGiven = given.Count(g => !g.Contains('=', StringComparison.Ordinal));
        // Arguments already given by position are not offered by name: naming them again is refused as "given twice".
        IEnumerable<string> names = positional.Skip(positionalGiven).Select(i => arguments[i]).Where(a => !namedGiven.Contains(a.Name)).Select(a => a.Name + "=");
        if (namedGiven.Count == 0 && positionalGiven < positional.Length)
        {
            // The next positional argument's values first: "MODE_SET ST<Tab>" is the label, not a name.
            return ValuesOf(command, positional[positionalGiven], given).Concat(names);
        }
        return names;
    }

    // PARAM_SET's value takes the labels of the parameter its param_id names, when that one is labelled.
    private IReadOnlyList<string> ValuesOf(CommandDefinition command, int index, string[] given)
    {
        int parameterId = ParameterValueArgument.ParameterIdIndex(command, index);
        if (parameterId >= 0 && GivenValue(command, parameterId, given) is { } text && LabelledParameter(text) is { } parameter)
            return parameter.EnumerationLabels;
        return ValuesOf(command.Arguments[index]);
    }

    private static string? GivenValue(CommandDefinition command, int index, string[] given)
    {
        string prefix = command.Arguments[index].Name + "=";
        if (given.FirstOrDefault(g => g.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is { } named) return named[prefix.Length..];
        int[] positional = Enumerable.Range(0, command.Arguments.Length).Where(i => !CommandEncoder.IsComputedLength(command, i)).ToArray();
        string[] values = given.Where(g => !g.Contains('=', StringComparison.Ordinal)).ToArray();
        int slot = Array.IndexOf(positional, index);
        return slot >= 0 && slot < values.Length ? values[slot] : null;
    }

    private ParameterDefinition? LabelledParameter(string text) =>
        ParameterValueArgument.Labelled(_dictionary, text)
        ?? (long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out long id)
            ? ParameterValueArgument.Labelled(_dictionary, id) : null);

    private static bool IsWord(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static string CommonPrefix(string[] words)
    {
        string prefix = words[0];
        foreach (string word in words.Skip(1))
        {
            int n = 0;
            while (n < prefix.Length && n < word.Length && char.ToUpperInvariant(prefix[n]) == char.ToUpperInvariant(word[n])) n++;
            prefix = prefix[..n];
        }
        return prefix;
    }
}
