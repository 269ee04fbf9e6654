namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>
/// The stimulus control protocol, line-based like SCPI: one command line in (ASCII, LF or CRLF), one reply line out.
/// <c>*IDN?</c> → an identification; <c>PASS NISAR|SENTINEL1 [seed=N]</c> → <c>OK key=value …</c> (<see cref="StimulusTruth"/>)
/// once the pass is overhead; anything wrong → <c>ERR what went wrong and what to send</c>.
/// </summary>
public static class StimulusProtocol
{
    /// <summary>The command that flies a pass.</summary>
    public const string PassCommand = "PASS";

    /// <summary>The identification query.</summary>
    public const string IdentifyCommand = "*IDN?";

    /// <summary>First word of a successful reply.</summary>
    public const string Ok = "OK";

    /// <summary>First word of a refusal.</summary>
    public const string Error = "ERR";

    /// <summary>The reply to <see cref="IdentifyCommand"/>.</summary>
    public const string Identification = "PAYLOAD,SIM-RADAR-STIMULUS,0,1";

    /// <summary>Longest command line accepted, characters.</summary>
    public const int MaxLineLength = 256;

    /// <summary>Answers one command line; <paramref name="fly"/> flies a pass (and may throw <see cref="StimulusException"/> to refuse).</summary>
    public static string Handle(string line, Func<PassRequest, StimulusTruth> fly)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(fly);
        if (line.Length > MaxLineLength) return $"{Error} command longer than {MaxLineLength} characters";
        string[] words = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return $"{Error} empty command: send {IdentifyCommand} or {PassCommand} NISAR|SENTINEL1 [seed=N]";
        if (words[0].Equals(IdentifyCommand, StringComparison.OrdinalIgnoreCase)) return words.Length == 1 ? Identification : $"{Error} {IdentifyCommand} takes no arguments";
        if (!words[0].Equals(PassCommand, StringComparison.OrdinalIgnoreCase))
            return $"{Error} unknown command '{words[0]}': send {IdentifyCommand} or {PassCommand} NISAR|SENTINEL1 [seed=N]";
        try
        {
            return fly(PassRequest.ParseArguments(words[1..])).ToReply();
        }
        catch (FormatException e)
        {
            return $"{Error} {e.Message}";
        }
        catch (StimulusException e)
        {
            return $"{Error} {e.Message}";
        }
    }
}
