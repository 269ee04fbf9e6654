using System.Globalization;

namespace Payload.Ground;

/// <summary>Reads a verb's options ("--name value", "--name=value", "--flag") and refuses anything it was not told about.</summary>
public sealed class OptionReader
{
    private readonly string _verb;
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    /// <summary>Parses <paramref name="arguments"/> for <paramref name="verb"/>, which takes the options <paramref name="withValue"/> and the flags <paramref name="flags"/>.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value, a repeated option or a stray argument.</exception>
    public OptionReader(string verb, IReadOnlyList<string> arguments, IReadOnlyCollection<string> withValue, IReadOnlyCollection<string> flags)
    {
        _verb = verb;
        for (int i = 0; i < arguments.Count; i++)
        {
            string argument = arguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
                throw new UsageException($"{verb}: unexpected argument '{argument}'");
            string name = argument;
            string? value = null;
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                name = argument[..equals];
                value = argument[(equals + 1)..];
            }
            if (withValue.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"{verb}: option {name} needs a value");
                    value = arguments[++i];
                }
            }
            else if (flags.Contains(name))
            {
                if (value is not null) throw new UsageException($"{verb}: option {name} takes no value");
            }
            else
            {
                string known = string.Join(", ", withValue.Concat(flags).Order(StringComparer.Ordinal));
                throw new UsageException($"{verb}: unknown option '{name}'" + (known.Length > 0 ? $" (options: {known})" : " (it takes no options)"));
            }
            if (!_values.TryAdd(name, value)) throw new UsageException($"{verb}: option {name} is given twice");
        }
    }

    /// <summary>True when <paramref name="flag"/> was given.</summary>
    public bool Has(string flag) => _values.ContainsKey(flag);

    /// <summary>The value of <paramref name="option"/>, or null.</summary>
    public string? Value(string option) => _values.GetValueOrDefault(option);

    /// <summary>The value of <paramref name="option"/> as a positive number, or <paramref name="fallback"/>.</summary>
    /// <exception cref="UsageException">The value is not a positive number.</exception>
    public double PositiveNumber(string option, double fallback)
    {
        if (Value(option) is not { } text) return fallback;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
            throw new UsageException($"{_verb}: {option} must be a positive number, not '{text}'");
        return value;
    }
}
