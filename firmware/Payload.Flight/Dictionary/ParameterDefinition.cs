namespace Payload.Flight.Dictionary
{
    /// <summary>An on-board parameter: telemetered value, and for settable ones a configuration the ground may change.</summary>
    /// <remarks>
    /// Values are integers on board (there is no floating point worth its cost on the device); <see cref="Scale"/> and
    /// <see cref="Offset"/> turn the raw value into engineering units on the ground (engineering = raw × scale + offset).
    /// </remarks>
    public sealed class ParameterDefinition
    {
        /// <summary>Declares a read-only telemetry parameter.</summary>
        public ParameterDefinition(ushort id, string name, DataType type, string unit, string description)
        {
            Id = id;
            Name = name;
            Type = type;
            Unit = unit;
            Description = description;
            Scale = 1.0;
            Minimum = DataTypes.MinimumOf(type);
            Maximum = DataTypes.MaximumOf(type);
            LowLimit = Minimum;
            HighLimit = Maximum;
        }

        /// <summary>Parameter identifier used by ST[3] structures and ST[20] requests.</summary>
        public ushort Id { get; }

        /// <summary>Lower-case dotted name, e.g. "exec.slips".</summary>
        public string Name { get; }

        /// <summary>Wire type.</summary>
        public DataType Type { get; }

        /// <summary>Engineering unit after calibration ("" when dimensionless).</summary>
        public string Unit { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }

        /// <summary>Engineering value per raw count.</summary>
        public double Scale { get; set; }

        /// <summary>Engineering value at raw zero.</summary>
        public double Offset { get; set; }

        /// <summary>True when ST[20] may set it.</summary>
        public bool Settable { get; set; }

        /// <summary>True when a set value survives a reset (kept in non-volatile storage).</summary>
        public bool Persisted { get; set; }

        /// <summary>Value at boot when nothing was persisted.</summary>
        public long DefaultValue { get; set; }

        /// <summary>Smallest value ST[20] may set.</summary>
        public long Minimum { get; set; }

        /// <summary>Largest value ST[20] may set.</summary>
        public long Maximum { get; set; }

        /// <summary>Raw value below which the ground (and on-board monitoring) flags the parameter.</summary>
        public long LowLimit { get; set; }

        /// <summary>Raw value above which the ground (and on-board monitoring) flags the parameter.</summary>
        public long HighLimit { get; set; }

        /// <summary>
        /// Optional names of enumerated raw values, label i naming value i (0 first); null when the parameter is a plain number.
        /// </summary>
        /// <remarks>Indexed from 0, not from <see cref="Minimum"/>: a read-only parameter's Minimum is its type's, not the enumeration's.</remarks>
        public string[] EnumerationLabels { get; set; }

        /// <summary>True when limits narrower than the type's range were declared.</summary>
        public bool HasLimits
        {
            get { return LowLimit > DataTypes.MinimumOf(Type) || HighLimit < DataTypes.MaximumOf(Type); }
        }
    }
}
