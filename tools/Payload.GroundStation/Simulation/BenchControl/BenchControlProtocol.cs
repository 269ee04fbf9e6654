using System.Globalization;
using Payload.GroundStation.Simulation.Stimulus;

namespace Payload.GroundStation.Simulation.BenchControl;

/// <summary>
/// The bench control protocol, line-based like SCPI: one command line in (ASCII, LF or CRLF), one reply line out.
/// <list type="bullet">
/// <item><c>*IDN?</c> → an identification.</item>
/// <item><c>PASS NISAR|SENTINEL1 [seed=N]</c> (radar stimulus) → <c>OK key=value …</c> (<see cref="StimulusTruth"/>) once the pass is overhead.</item>
/// <item><c>POWER CYCLE [CAUSE]</c> (power supply) → <c>OK boots=N cause=CAUSE</c> once the board has rebooted.</item>
/// <item><c>LINK ON|OFF</c>, <c>LINK?</c> (the switch on the spacecraft link) → <c>OK link=ON|OFF</c>.</item>
/// </list>
/// Anything wrong → <c>ERR what went wrong and what to send</c>. Names are case-insensitive.
/// </summary>
public static class BenchControlProtocol
{
    /// <summary>The radar stimulus's command: flies a pass.</summary>
    public const string PassCommand = "PASS";

    /// <summary>The power supply's command (followed by <c>CYCLE</c>).</summary>
    public const string PowerCommand = "POWER";

    /// <summary>The link switch's command (followed by <c>ON</c> or <c>OFF</c>).</summary>
    public const string LinkCommand = "LINK";

    /// <summary>The link switch's query.</summary>
    public const string LinkQuery = "LINK?";

    /// <summary>The identification query.</summary>
    public const string IdentifyCommand = "*IDN?";

    /// <summary>First word of a successful reply.</summary>
    public const string Ok = "OK";

    /// <summary>First word of a refusal.</summary>
    public const string Error = "ERR";

    /// <summary>The reply to <see cref="IdentifyCommand"/>.</summary>
    public const string Identification = "PAYLOAD,SIM-BENCH-CONTROL,0,2";

    /// <summary>The cause a power cycle is logged with when none is given.</summary>
    public const string DefaultCause = "bench";

    /// <summary>Longest command line accepted, characters.</summary>
    public const int MaxLineLength = 256;

    /// <summary>Longest power-cycle cause, characters.</summary>
    public const int MaxCauseLength = 32;

    /// <summary>Every command, for refusals: what to send instead.</summary>
    public const string Commands = "*IDN?, PASS NISAR|SENTINEL1 [seed=N], POWER CYCLE [CAUSE], LINK ON|OFF or LINK?";

    /// <summary>The command line that power-cycles the board for <paramref name="cause"/>.</summary>
    public static string PowerCycleCommand(string cause) => $"{PowerCommand} CYCLE {cause}";

    /// <summary>The command line that connects or cuts the link.</summary>
    public static string LinkSetCommand(bool up) => $"{LinkCommand} {LinkState(up)}";

    /// <summary>"ON" or "OFF".</summary>
    public static string LinkState(bool up) => up ? "ON" : "OFF";

    /// <summary>True when <paramref name="cause"/> can go on the wire: a word of letters, digits, '_', '-', '.', at most <see cref="MaxCauseLength"/> characters.</summary>
    public static bool IsCause(string cause) =>
        !string.IsNullOrEmpty(cause) && cause.Length <= MaxCauseLength && cause.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.');

    /// <summary>Answers one command line with <paramref name="instruments"/> (which may throw <see cref="BenchControlException"/> to refuse).</summary>
    public static string Handle(string line, IBenchInstruments instruments)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(instruments);
        if (line.Length > MaxLineLength) return $"{Error} command longer than {MaxLineLength} characters";
        string[] words = line.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return $"{Error} empty command: send {Commands}";
        try
        {
            return words[0].ToUpperInvariant() switch
            {
                IdentifyCommand => words.Length == 1 ? Identification : $"{Error} {IdentifyCommand} takes no arguments",
                PassCommand => instruments.FlyPass(PassRequest.ParseArguments(words[1..])).ToReply(),
                PowerCommand => Power(words[1..], instruments),
                LinkCommand => Link(words[1..], instruments),
                LinkQuery => words.Length == 1 ? LinkReply(instruments.LinkUp) : $"{Error} {LinkQuery} takes no arguments",
                _ => $"{Error} unknown command '{words[0]}': send {Commands}",
            };
        }
        catch (FormatException e)
        {
            return $"{Error} {e.Message}";
        }
        catch (BenchControlException e)
        {
            return $"{Error} {e.Message}";
        }
    }

    private static string Power(string[] arguments, IBenchInstruments instruments)
    {
        if (arguments.Length == 0 || !arguments[0].Equals("CYCLE", StringComparison.OrdinalIgnoreCase))
            return $"{Error} the power supply only cycles: send {PowerCommand} CYCLE [CAUSE]";
        if (arguments.Length > 2) return $"{Error} {PowerCommand} CYCLE takes one cause, a single word: {PowerCommand} CYCLE [CAUSE]";
        string cause = arguments.Length == 2 ? arguments[1] : DefaultCause;
        if (!IsCause(cause))
            return $"{Error} cause '{cause}' must be a word of letters, digits, '_', '-' or '.', at most {MaxCauseLength} characters";
        int boots = instruments.PowerCycle(cause);
        return string.Create(CultureInfo.InvariantCulture, $"{Ok} boots={boots} cause={cause}");
    }

    private static string Link(string[] arguments, IBenchInstruments instruments)
    {
        bool? up = arguments.Length != 1 ? null
            : arguments[0].Equals("ON", StringComparison.OrdinalIgnoreCase) ? true
            : arguments[0].Equals("OFF", StringComparison.OrdinalIgnoreCase) ? false : null;
        if (up is not { } state) return $"{Error} the link switch is {LinkCommand} ON or {LinkCommand} OFF (or {LinkQuery} to read it)";
        instruments.SetLinkUp(state);
        return LinkReply(state);
    }

    private static string LinkReply(bool up) => $"{Ok} link={LinkState(up)}";
}
