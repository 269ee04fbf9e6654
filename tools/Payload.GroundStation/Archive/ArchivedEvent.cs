using Payload.Flight.Dictionary;

namespace Payload.GroundStation.Archive;

/// <summary>One archived ST[5] event.</summary>
/// <param name="MissionMicroseconds">On-board time of the report.</param>
/// <param name="EventId">The event's identifier.</param>
/// <param name="Name">The event's name.</param>
/// <param name="Severity">Its severity (the report's subtype).</param>
/// <param name="Arguments">The arguments as a JSON object: name → label (or referenced name) when it has one, else the raw number.</param>
/// <param name="Message">The event as the console prints it.</param>
public sealed record ArchivedEvent(long MissionMicroseconds, int EventId, string Name, Severity Severity, string Arguments, string Message);
