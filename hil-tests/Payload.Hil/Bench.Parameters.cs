using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

public sealed partial class Bench
{
    /// <summary>Asks the board for parameter <paramref name="name"/> (PARAM_REPORT → TM[20,2]) and returns its value; fails the test when no answer comes.</summary>
    public TmValue GetParameter(string name)
    {
        ParameterDefinition definition = RequireParameter(name);
        CommandHandle request = SendQuiet(AckFlags.All, "PARAM_REPORT", definition.Id);
        AssertCompleted(request);
        ReceivedPacket answer = AwaitPacket(20, 2, p => p.Report is ParameterReport r && r.Values.Any(v => v.Definition.Id == definition.Id),
            _options.CommandWindow, request.Sent, $"it holds {name}");
        return TmValue.Of(((ParameterReport)answer.Report).Values.First(v => v.Definition.Id == definition.Id));
    }

    /// <summary>
    /// Sets parameter <paramref name="name"/> to <paramref name="value"/> (PARAM_SET, which must complete) and returns the
    /// value before; with <paramref name="restoreAtTeardown"/> the old value is put back when the test ends.
    /// </summary>
    public TmValue SetParameter(string name, long value, bool restoreAtTeardown = true)
    {
        ParameterDefinition definition = RequireParameter(name);
        TmValue old = GetParameter(name);
        SendAndComplete("PARAM_SET", definition.Id, value);
        if (restoreAtTeardown && old.Raw != value)
        {
            OnTeardown($"restore {name}={old.Raw}", () => AssertCompleted(SendQuiet(AckFlags.All, "PARAM_SET", definition.Id, old.Raw)));
        }
        return old;
    }
}
