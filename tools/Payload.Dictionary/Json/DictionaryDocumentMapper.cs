using Payload.Flight.Dictionary;

namespace Payload.Dictionary.Json;

/// <summary>Converts between the flight <see cref="MissionDictionary"/> and its JSON form, <see cref="DictionaryDocument"/>.</summary>
public static class DictionaryDocumentMapper
{
    /// <summary>The document for <paramref name="dictionary"/>, for a payload whose application process is <paramref name="apid"/>.</summary>
    public static DictionaryDocument ToDocument(MissionDictionary dictionary, ushort apid)
    {
        ArgumentNullException.ThrowIfNull(dictionary);
        return new DictionaryDocument
        {
            Format = DictionaryDocument.FormatName,
            FormatVersion = DictionaryDocument.CurrentFormatVersion,
            Apid = apid,
            Hash = DictionaryNames.HashText(dictionary.Hash),
            HashValue = dictionary.Hash,
            Modes = DictionaryNames.Modes.Select(m => new NamedValueDocument { Value = (long)m.Mode, Name = m.Name }).ToArray(),
            FailureCodes = DictionaryNames.FailureCodes.Select(c => new NamedValueDocument { Value = (long)c.Code, Name = c.Name }).ToArray(),
            Commands = dictionary.Commands.Select(c => new CommandDocument
            {
                Mnemonic = c.Mnemonic,
                Service = c.Service,
                Subtype = c.Subtype,
                Description = c.Description,
                AllowedModes = DictionaryNames.ModeNames(c.AllowedModes),
                TimeoutTicks = c.TimeoutTicks,
                Arguments = c.Arguments.Select(ToDocument).ToArray(),
            }).ToArray(),
            Parameters = dictionary.Parameters.Select(p => new ParameterDocument
            {
                Id = p.Id,
                Name = p.Name,
                Type = DictionaryNames.TypeName(p.Type),
                Unit = p.Unit,
                Description = p.Description,
                Scale = p.Scale,
                Offset = p.Offset,
                Settable = p.Settable,
                Persisted = p.Persisted,
                Default = p.DefaultValue,
                Min = p.Minimum,
                Max = p.Maximum,
                LowLimit = p.LowLimit,
                HighLimit = p.HighLimit,
                Enumeration = p.EnumerationLabels?.Select((label, i) => new NamedValueDocument { Value = i, Name = label }).ToArray(),
            }).ToArray(),
            Events = dictionary.Events.Select(e => new EventDocument
            {
                Id = e.Id,
                Name = e.Name,
                Severity = DictionaryNames.SeverityName(e.Severity),
                Subtype = (int)e.Severity,
                Description = e.Description,
                ThrottleLimit = e.ThrottleLimit,
                Arguments = e.Arguments.Select(ToDocument).ToArray(),
            }).ToArray(),
            Housekeeping = dictionary.HousekeepingStructures.Select(s => new HousekeepingDocument
            {
                Id = s.Id,
                Name = s.Name,
                Description = s.Description,
                IntervalTicks = s.IntervalTicks,
                EnabledAtBoot = s.EnabledAtBoot,
                Parameters = s.ParameterIds.Select(id => (int)id).ToArray(),
            }).ToArray(),
            Functions = dictionary.Functions.Select(f => new FunctionDocument
            {
                Id = f.Id,
                Name = f.Name,
                Description = f.Description,
                Argument = ToDocument(f.Argument),
            }).ToArray(),
        };
    }

    /// <summary>Rebuilds the flight dictionary the document describes, as the ground needs it (Find*, Hash).</summary>
    /// <param name="document">A document read by <see cref="JsonDictionaryReader"/>.</param>
    /// <param name="verifyHash">When true (the default), refuses a document whose declarations do not hash to its <see cref="DictionaryDocument.HashValue"/>.</param>
    /// <exception cref="InvalidDataException">A field has no flight meaning (unknown type, severity, mode; an identifier out of range;
    /// an enumeration that does not count up from the minimum), the declarations break the dictionary's rules, or the hash disagrees.</exception>
    public static MissionDictionary ToMissionDictionary(DictionaryDocument document, bool verifyHash = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new DictionaryBuilder();
        MissionDictionary dictionary;
        try
        {
            for (int i = 0; i < document.Commands.Count; i++)
            {
                CommandDocument c = document.Commands[i];
                string where = $"commands[{i}] ({c.Mnemonic})";
                builder.Add(new CommandDefinition(c.Mnemonic, Narrow<byte>(c.Service, where + ".service"), Narrow<byte>(c.Subtype, where + ".subtype"),
                    c.Description, ToArguments(c.Arguments, where), Field(() => DictionaryNames.ModeMaskOf(c.AllowedModes), where + ".allowedModes"),
                    c.TimeoutTicks));
            }

            for (int i = 0; i < document.Parameters.Count; i++)
            {
                ParameterDocument p = document.Parameters[i];
                string where = $"parameters[{i}] ({p.Name})";
                builder.Add(new ParameterDefinition(Narrow<ushort>(p.Id, where + ".id"), p.Name, Field(() => DictionaryNames.ParseType(p.Type), where + ".type"), p.Unit, p.Description)
                {
                    Scale = p.Scale,
                    Offset = p.Offset,
                    Settable = p.Settable,
                    Persisted = p.Persisted,
                    DefaultValue = p.Default,
                    Minimum = p.Min,
                    Maximum = p.Max,
                    LowLimit = p.LowLimit,
                    HighLimit = p.HighLimit,
                    EnumerationLabels = ToLabels(p.Enumeration, 0, where, "labels count up from 0")!,
                });
            }

            for (int i = 0; i < document.Events.Count; i++)
            {
                EventDocument e = document.Events[i];
                string where = $"events[{i}] ({e.Name})";
                Severity severity = Field(() => DictionaryNames.ParseSeverity(e.Severity), where + ".severity");
                if (e.Subtype != (int)severity)
                {
                    throw new InvalidDataException($"{where}.subtype: {e.Subtype} disagrees with severity {e.Severity} ({(int)severity})");
                }

                builder.Add(new EventDefinition(Narrow<ushort>(e.Id, where + ".id"), e.Name, severity, e.Description, ToArguments(e.Arguments, where))
                {
                    ThrottleLimit = e.ThrottleLimit,
                });
            }

            for (int i = 0; i < document.Housekeeping.Count; i++)
            {
                HousekeepingDocument s = document.Housekeeping[i];
                string where = $"housekeeping[{i}] ({s.Name})";
                ushort[] ids = s.Parameters.Select((id, k) => Narrow<ushort>(id, $"{where}.parameters[{k}]")).ToArray();
                builder.Add(new HousekeepingStructureDefinition(Narrow<byte>(s.Id, where + ".id"), s.Name, ids, s.IntervalTicks, s.EnabledAtBoot, s.Description));
            }

            for (int i = 0; i < document.Functions.Count; i++)
            {
                FunctionDocument f = document.Functions[i];
                string where = $"functions[{i}] ({f.Name})";
                builder.Add(new FunctionDefinition(Narrow<ushort>(f.Id, where + ".id"), f.Name, f.Description, ToArgument(f.Argument, where + ".argument")));
            }

            dictionary = builder.Build();
        }
        catch (InvalidOperationException e)
        {
            // The flight dictionary's own checks (duplicates, unknown parameters in a structure).
            throw new InvalidDataException("the document's declarations are not a valid dictionary: " + e.Message, e);
        }

        if (verifyHash && (dictionary.Hash != document.HashValue || DictionaryNames.HashText(document.HashValue) != document.Hash))
        {
            throw new InvalidDataException(
                $"dictionary hash mismatch: the document says {document.Hash} ({document.HashValue}), its declarations hash to {DictionaryNames.HashText(dictionary.Hash)}");
        }

        return dictionary;
    }

    private static ArgumentDocument ToDocument(ArgumentDefinition argument) => new()
    {
        Name = argument.Name,
        Type = DictionaryNames.TypeName(argument.Type),
        Unit = argument.Unit,
        Min = argument.Minimum,
        Max = argument.Maximum,
        Description = argument.Description,
        Enumeration = argument.EnumerationLabels?.Select((label, i) => new NamedValueDocument { Value = argument.Minimum + i, Name = label }).ToArray(),
    };

    private static ArgumentDefinition[] ToArguments(IReadOnlyList<ArgumentDocument> arguments, string where) =>
        arguments.Select((a, k) => ToArgument(a, $"{where}.arguments[{k}]")).ToArray();

    private static ArgumentDefinition ToArgument(ArgumentDocument argument, string where)
    {
        var definition = new ArgumentDefinition(argument.Name, Field(() => DictionaryNames.ParseType(argument.Type), where + ".type"),
            argument.Unit, argument.Min, argument.Max, argument.Description);
        definition.EnumerationLabels = ToLabels(argument.Enumeration, argument.Min, where, "labels count up from the minimum")!;
        return definition;
    }

    // The flight dictionary keeps only the names: label i names value first + i, so the document's values must count up from there.
    private static string[]? ToLabels(IReadOnlyList<NamedValueDocument>? enumeration, long first, string where, string rule)
    {
        if (enumeration is null) return null;
        for (int i = 0; i < enumeration.Count; i++)
        {
            if (enumeration[i].Value != first + i)
            {
                throw new InvalidDataException($"{where}.enumeration[{i}]: value {enumeration[i].Value}, expected {first + i} ({rule})");
            }
        }

        return enumeration.Select(e => e.Name).ToArray();
    }

    private static T Narrow<T>(long value, string where)
        where T : struct, System.Numerics.IBinaryInteger<T>, System.Numerics.IMinMaxValue<T>
    {
        if (value < long.CreateChecked(T.MinValue) || value > long.CreateChecked(T.MaxValue))
        {
            throw new InvalidDataException($"{where}: {value} is outside {T.MinValue}..{T.MaxValue}");
        }

        return T.CreateChecked(value);
    }

    private static T Field<T>(Func<T> parse, string where)
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{where}: {e.Message}", e);
        }
    }
}
