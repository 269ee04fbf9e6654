namespace Payload.Flight.Modes
{
    /// <summary>A set of modes, one bit per <see cref="Mode"/>: which modes a command is accepted in.</summary>
    public static class ModeMask
    {
        /// <summary>Only in SAFE.</summary>
        public const byte Safe = 1 << (int)Mode.Safe;
        /// <summary>Only in STANDBY.</summary>
        public const byte Standby = 1 << (int)Mode.Standby;
        /// <summary>Only in ACQUIRE.</summary>
        public const byte Acquire = 1 << (int)Mode.Acquire;
        /// <summary>In every mode.</summary>
        public const byte Any = Safe | Standby | Acquire;
        /// <summary>STANDBY and ACQUIRE, the modes with a healthy payload.</summary>
        public const byte Operational = Standby | Acquire;

        /// <summary>True when <paramref name="mask"/> contains <paramref name="mode"/>.</summary>
        public static bool Contains(byte mask, Mode mode)
        {
            return (mask & (1 << (int)mode)) != 0;
        }
    }
}
