namespace Payload.Flight.Dictionary
{
    /// <summary>One argument of a command or event: name, wire type, unit and the range the flight code accepts.</summary>
    public sealed class ArgumentDefinition
    {
        /// <summary>Declares an argument; the range defaults to the whole range of the type.</summary>
        public ArgumentDefinition(string name, DataType type, string unit, string description)
            : this(name, type, unit, DataTypes.MinimumOf(type), DataTypes.MaximumOf(type), description)
        {
        }

        /// <summary>Declares an argument with an explicit inclusive range.</summary>
        public ArgumentDefinition(string name, DataType type, string unit, long minimum, long maximum, string description)
        {
            Name = name;
            Type = type;
            Unit = unit;
            Minimum = minimum;
            Maximum = maximum;
            Description = description;
        }

        /// <summary>Lower-case snake name, unique within its command or event.</summary>
        public string Name { get; }

        /// <summary>Wire type.</summary>
        public DataType Type { get; }

        /// <summary>Engineering unit ("" when dimensionless).</summary>
        public string Unit { get; }

        /// <summary>Smallest accepted value (for <see cref="DataType.Bytes"/>: smallest length).</summary>
        public long Minimum { get; }

        /// <summary>Largest accepted value (for <see cref="DataType.Bytes"/>: largest length).</summary>
        public long Maximum { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }

        /// <summary>Optional names of enumerated values, indexed from <see cref="Minimum"/>; null when the argument is a plain number.</summary>
        public string[] EnumerationLabels { get; set; }
    }
}
