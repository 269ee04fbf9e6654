namespace Payload.GroundStation.Archive;

/// <summary>A parameter's engineering values over time.</summary>
/// <param name="Name">The parameter's name.</param>
/// <param name="Unit">Its engineering unit ("" when none).</param>
/// <param name="Points">(on-board time in mission microseconds, engineering value), in time order.</param>
public sealed record ParameterSeries(string Name, string Unit, IReadOnlyList<(long MissionMicroseconds, double Value)> Points);
