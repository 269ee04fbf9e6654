using Xunit.Sdk;

namespace Payload.Hil;

/// <summary>A bench check failed; the message says what was expected, what arrived, and where the telemetry log is.</summary>
public sealed class BenchAssertionException : XunitException
{
    /// <summary>Creates the exception.</summary>
    public BenchAssertionException(string message) : base(message)
    {
    }
}
