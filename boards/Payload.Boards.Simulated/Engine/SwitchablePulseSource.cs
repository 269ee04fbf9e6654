using Payload.Boards.Simulated.Scene;

namespace Payload.Boards.Simulated.Engine;

/// <summary>The RF input of the board: the pulses of whatever radar pass is overhead now, or none.</summary>
public sealed class SwitchablePulseSource : IDetectedPulseSource
{
    private IDetectedPulseSource _current = DetectedPulseStream.Empty;

    /// <summary>Puts a pass overhead; its pulses replace whatever was left of the previous one.</summary>
    public void Switch(IDetectedPulseSource source) => _current = source;

    public bool TryPeek(out DetectedPulse pulse) => _current.TryPeek(out pulse);

    public DetectedPulse Next() => _current.Next();
}
