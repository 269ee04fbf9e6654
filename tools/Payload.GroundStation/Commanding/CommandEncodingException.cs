namespace Payload.GroundStation.Commanding;

/// <summary>A telecommand could not be built: the message says what is wrong and what is allowed.</summary>
public sealed class CommandEncodingException : Exception
{
    /// <summary>Creates the exception for <paramref name="mnemonic"/> (null when the mnemonic itself is unknown).</summary>
    public CommandEncodingException(string? mnemonic, string message) : base(message)
    {
        Mnemonic = mnemonic;
    }

    /// <summary>The command being built, or null when the mnemonic was not found.</summary>
    public string? Mnemonic { get; }
}
