namespace Payload.Flight.Executive
{
    /// <summary>One row of the rate-group table: how often the group runs and how long it may take.</summary>
    public sealed class RateGroupDefinition
    {
        /// <summary>Declares a rate group.</summary>
        public RateGroupDefinition(byte id, string name, int divisor, int offset, long deadlineMicroseconds)
        {
            Id = id;
            Name = name;
            Divisor = divisor;
            Offset = offset;
            DeadlineMicroseconds = deadlineMicroseconds;
        }

        /// <summary>Index of the group, used in its events and telemetry.</summary>
        public byte Id { get; }

        /// <summary>Name for logs (e.g. "50Hz").</summary>
        public string Name { get; }

        /// <summary>The group runs every <see cref="Divisor"/> minor frames; 0 for a group run on demand (<see cref="IsOnDemand"/>).</summary>
        public int Divisor { get; }

        /// <summary>The frame within its period at which the group runs, so slow groups do not all land on one frame.</summary>
        public int Offset { get; }

        /// <summary>True for a group the tick never runs: the board runs it when something arrives (<see cref="FlightExecutive.RunOnDemand"/>).</summary>
        public bool IsOnDemand { get { return Divisor == 0; } }

        /// <summary>Longest execution time of one cycle before it counts as an overrun.</summary>
        public long DeadlineMicroseconds { get; }
    }
}
