using Payload.Flight.Hardware;

namespace Payload.Benchmarks.Acquisition;

/// <summary>An output line wired to nothing (nRESET of the replayed digitizer).</summary>
internal sealed class IdlePin : IOutputPin
{
    public void Write(bool high)
    {
    }
}
