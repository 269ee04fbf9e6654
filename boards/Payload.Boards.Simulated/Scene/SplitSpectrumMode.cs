namespace Payload.Boards.Simulated.Scene;

/// <summary>
/// A split-spectrum transmission: each PRI carries two chirps on two carriers, sent back to back
/// (NISAR's 1229 MHz main band plus 1293.5 MHz side band, used for ionospheric correction).
/// </summary>
/// <param name="FirstFrequencyHz">Carrier of the first chirp.</param>
/// <param name="FirstWidthS">Length of the first chirp.</param>
/// <param name="SecondFrequencyHz">Carrier of the second chirp.</param>
/// <param name="SecondWidthS">Length of the second chirp.</param>
/// <param name="GapS">Silence between the end of the first chirp and the start of the second.</param>
public sealed record SplitSpectrumMode(double FirstFrequencyHz, double FirstWidthS, double SecondFrequencyHz, double SecondWidthS, double GapS)
{
    /// <summary>Delay from the start of the first chirp to the start of the second.</summary>
    public double SecondChirpDelayS => FirstWidthS + GapS;
}
