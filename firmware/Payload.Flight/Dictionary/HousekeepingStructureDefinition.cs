namespace Payload.Flight.Dictionary
{
    /// <summary>A housekeeping report structure: which parameters, how often, and whether it starts enabled.</summary>
    public sealed class HousekeepingStructureDefinition
    {
        /// <summary>Declares a structure.</summary>
        public HousekeepingStructureDefinition(byte id, string name, ushort[] parameterIds, int intervalTicks, bool enabledAtBoot, string description)
        {
            Id = id;
            Name = name;
            ParameterIds = parameterIds;
            IntervalTicks = intervalTicks;
            EnabledAtBoot = enabledAtBoot;
            Description = description;
        }

        /// <summary>Structure identifier, the first field of the ST[3,25] report.</summary>
        public byte Id { get; }

        /// <summary>UPPER_SNAKE name.</summary>
        public string Name { get; }

        /// <summary>Parameters in report order.</summary>
        public ushort[] ParameterIds { get; }

        /// <summary>Default collection interval in minor frames.</summary>
        public int IntervalTicks { get; }

        /// <summary>True when periodic generation is on after boot.</summary>
        public bool EnabledAtBoot { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }
    }
}
