namespace Payload.GroundStation;

/// <summary>The station refuses to command a board whose dictionary differs from its own (unless told to allow it).</summary>
public sealed class DictionaryMismatchException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="check"/>.</summary>
    public DictionaryMismatchException(DictionaryHashCheck check)
        : base($"{check}; refusing to send (set GroundSessionOptions.AllowDictionaryMismatch to override)")
    {
        Check = check;
    }

    /// <summary>The failed check.</summary>
    public DictionaryHashCheck Check { get; }
}
