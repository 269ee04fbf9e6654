using System.Globalization;
using Payload.GroundStation.Simulation.BenchControl;

namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>
/// A pass the stimulus is asked to fly: the radar and the scene's seed. On the wire, one line:
/// <c>PASS NISAR</c> or <c>PASS SENTINEL1 seed=7</c> (see <see cref="BenchControlProtocol"/>).
/// </summary>
/// <param name="Radar">The radar overhead.</param>
/// <param name="Seed">Seed of the scene's noise, dither and drops: the same seed flies the same pulses.</param>
public sealed record PassRequest(StimulusRadar Radar, ulong Seed = 1)
{
    /// <summary>The command line: "PASS NISAR seed=1".</summary>
    public string ToCommand() => string.Create(CultureInfo.InvariantCulture, $"{BenchControlProtocol.PassCommand} {Radar.Label()} seed={Seed}");

    /// <summary>Reads the arguments of a PASS command (what follows the word PASS).</summary>
    /// <exception cref="FormatException">No radar, an unknown radar or option, or a seed that is not a whole number.</exception>
    public static PassRequest ParseArguments(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Count == 0) throw new FormatException("PASS needs a radar: PASS NISAR or PASS SENTINEL1 [seed=N]");
        if (!StimulusRadars.TryParse(arguments[0], out StimulusRadar radar))
            throw new FormatException($"unknown radar '{arguments[0]}': use NISAR or SENTINEL1");
        ulong seed = 1;
        foreach (string option in arguments.Skip(1))
        {
            string[] pair = option.Split('=', 2);
            if (pair.Length != 2 || !pair[0].Equals("seed", StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"unknown PASS option '{option}': the only option is seed=N");
            if (!ulong.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out seed))
                throw new FormatException($"seed must be a whole number 0..{ulong.MaxValue}, not '{pair[1]}'");
        }
        return new PassRequest(radar, seed);
    }
}
