namespace Payload.Hil.Suites.Support;

/// <summary>Valid arguments for any command, so a test can send a command it knows only by its declaration.</summary>
internal static class Arguments
{
    /// <summary>Each argument at its minimum (octet strings of minimum length; computed lengths left to the encoder).</summary>
    public static object?[] Minimal(CommandDefinition command)
    {
        var values = new List<object?>();
        for (int i = 0; i < command.Arguments.Length; i++)
        {
            ArgumentDefinition argument = command.Arguments[i];
            bool computedLength = i + 1 < command.Arguments.Length && command.Arguments[i + 1].Type == DataType.Bytes;
            if (computedLength) continue;
            values.Add(argument.Type == DataType.Bytes ? new byte[argument.Minimum] : argument.Minimum);
        }
        return [.. values];
    }
}
