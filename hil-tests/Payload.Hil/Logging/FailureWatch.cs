using System.Runtime.ExceptionServices;
using Xunit.Sdk;

namespace Payload.Hil;

/// <summary>
/// Notices assertion failures thrown on the test's thread while the bench is open — the bench's own and xunit's
/// Assert.* alike — so that teardown knows to leave the telemetry log behind.
/// </summary>
/// <remarks>
/// xunit 2 does not tell a test its outcome; a first-chance exception of type <see cref="XunitException"/> on the
/// test's thread is the next best thing. One the test expects is withdrawn with <see cref="Withdraw"/>
/// (<see cref="Bench.ExpectFailure"/> does it).
/// </remarks>
internal sealed class FailureWatch : IDisposable
{
    private readonly int _thread = Environment.CurrentManagedThreadId;
    private readonly Lock _lock = new();
    private readonly List<Exception> _failures = [];

    public FailureWatch() => AppDomain.CurrentDomain.FirstChanceException += OnException;

    /// <summary>Failures seen and not withdrawn.</summary>
    public IReadOnlyList<Exception> Failures
    {
        get { lock (_lock) return [.. _failures]; }
    }

    /// <summary>Forgets <paramref name="exception"/> (the test expected it).</summary>
    public void Withdraw(Exception exception)
    {
        lock (_lock) _failures.Remove(exception);
    }

    public void Dispose() => AppDomain.CurrentDomain.FirstChanceException -= OnException;

    private void OnException(object? sender, FirstChanceExceptionEventArgs e)
    {
        if (e.Exception is not XunitException || Environment.CurrentManagedThreadId != _thread) return;
        lock (_lock)
        {
            if (!_failures.Contains(e.Exception)) _failures.Add(e.Exception);
        }
    }
}
