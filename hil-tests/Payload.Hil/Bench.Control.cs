using Payload.GroundStation.Simulation.BenchControl;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>How long the bench control port may take to connect and to answer a command (wall time).</summary>
    private static readonly TimeSpan ControlTimeout = TimeSpan.FromSeconds(10);

    private BenchControlClient? _control;

    /// <summary>
    /// Runs <paramref name="action"/> on the bench's instruments, which must offer <paramref name="capability"/>: on
    /// <c>sim:</c> the in-process board's (virtual time), elsewhere those behind the control port
    /// <see cref="BenchTarget.ControlVariable"/> names (a simulator started with <c>--control</c>), connected at first use.
    /// </summary>
    private T WithInstruments<T>(Capability capability, Func<IBenchInstruments, T> action)
    {
        Require(capability);
        try
        {
            if (Board is not null) return action(new SimulatedBenchInstruments(Board));
            _control ??= BenchControlClient.Connect(Target.Control!, ControlTimeout);
            return action(_control);
        }
        catch (BenchControlException e)
        {
            throw Fail($"{e.Message} ({BenchTarget.ControlVariable}={Target.Control})");
        }
    }

    private void CloseControl()
    {
        _control?.Dispose();
        _control = null;
    }
}
