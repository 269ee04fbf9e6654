namespace Payload.Boards.Simulated.Chips.Mcp3208;

/// <summary>One conversion the chip model performed.</summary>
/// <param name="SingleEnded">SGL/DIFF as clocked in.</param>
/// <param name="Configuration">D2..D0 as clocked in: the channel, or the IN+ channel of a pair.</param>
/// <param name="Code">The result sent.</param>
public readonly record struct Mcp3208Conversion(bool SingleEnded, int Configuration, int Code);
