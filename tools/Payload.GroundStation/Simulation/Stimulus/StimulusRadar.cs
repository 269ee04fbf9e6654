using Payload.Boards.Simulated.Scene;

namespace Payload.GroundStation.Simulation.Stimulus;

/// <summary>The radars the stimulus can fly over the board, by the names ACQ_ARM uses.</summary>
public enum StimulusRadar
{
    /// <summary>NISAR L-band (RadarProfile.NisarL): 1650 Hz dithered ±1 %, 40 µs pulses, heard for 10 s.</summary>
    Nisar,

    /// <summary>Sentinel-1 IW (RadarProfile.Sentinel1Iw): bursts, the receiver in IW2 (1451.6 Hz, 61.7 µs), heard for 8 s.</summary>
    Sentinel1,
}

/// <summary>Names and scene profiles of <see cref="StimulusRadar"/>.</summary>
public static class StimulusRadars
{
    /// <summary>"NISAR", "SENTINEL1": the protocol's and ACQ_ARM's label.</summary>
    public static string Label(this StimulusRadar radar) => radar == StimulusRadar.Sentinel1 ? "SENTINEL1" : "NISAR";

    /// <summary>The scene's profile of <paramref name="radar"/>, with DESIGN.md §2's default geometry.</summary>
    public static RadarProfile Profile(this StimulusRadar radar) => radar == StimulusRadar.Sentinel1 ? RadarProfile.Sentinel1Iw() : RadarProfile.NisarL();

    /// <summary>Reads a label (case-insensitive); false for an unknown one.</summary>
    public static bool TryParse(string text, out StimulusRadar radar)
    {
        radar = StimulusRadar.Nisar;
        if (string.Equals(text, "NISAR", StringComparison.OrdinalIgnoreCase)) return true;
        radar = StimulusRadar.Sentinel1;
        return string.Equals(text, "SENTINEL1", StringComparison.OrdinalIgnoreCase);
    }
}
