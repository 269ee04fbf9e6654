namespace Payload.Ground.Live;

/// <summary>Exit codes of the verbs that talk to a board (send, connect, sim).</summary>
public static class ExitCodes
{
    /// <summary>The awaited stage succeeded (send); the session ended normally (connect, sim).</summary>
    public const int Ok = 0;

    /// <summary>A verification report said the command failed.</summary>
    public const int CommandFailed = 1;

    /// <summary>The command line, a mnemonic or an argument was wrong; nothing was sent.</summary>
    public const int Usage = Dispatcher.UsageExitCode;

    /// <summary>The awaited stage was not reported in time.</summary>
    public const int Timeout = 3;

    /// <summary>The link could not be opened, or was lost for good.</summary>
    public const int LinkError = 4;

    /// <summary>The board reported a dictionary hash other than the ground's, and --force was not given.</summary>
    public const int DictionaryMismatch = 5;
}
