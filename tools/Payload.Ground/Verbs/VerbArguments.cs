namespace Payload.Ground.Verbs;

/// <summary>Splits a verb's command line into its positional words and its options, which may come in any order.</summary>
public static class VerbArguments
{
    /// <summary>
    /// Words of <paramref name="arguments"/> that are not options (nor an option's value), and the options read by an
    /// <see cref="OptionReader"/>. A word starting with "--" is an option; "-5" or "name=value" are positional.
    /// </summary>
    /// <exception cref="UsageException">An option is unknown, repeated, or misses its value.</exception>
    public static (IReadOnlyList<string> Positional, OptionReader Options) Split(
        string verb, IReadOnlyList<string> arguments, IReadOnlyCollection<string> withValue, IReadOnlyCollection<string> flags)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var positional = new List<string>();
        var options = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(argument);
                continue;
            }
            options.Add(argument);
            if (withValue.Contains(argument) && i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                options.Add(arguments[++i]);
        }
        return (positional, new OptionReader(verb, options, withValue, flags));
    }
}
