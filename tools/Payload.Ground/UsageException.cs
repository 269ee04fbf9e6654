namespace Payload.Ground;

/// <summary>The command line is wrong: the message is printed with a pointer to --help, and the tool exits with 2.</summary>
public sealed class UsageException(string message) : Exception(message);
