namespace Payload.Flight.Dictionary
{
    /// <summary>An on-board event: identifier, severity, arguments and how often it may be reported.</summary>
    public sealed class EventDefinition
    {
        /// <summary>Declares an event.</summary>
        public EventDefinition(ushort id, string name, Severity severity, string description, ArgumentDefinition[] arguments)
        {
            Id = id;
            Name = name;
            Severity = severity;
            Description = description;
            Arguments = arguments;
            ThrottleLimit = 5;
        }

        /// <summary>Event definition identifier, the first field of the ST[5] report.</summary>
        public ushort Id { get; }

        /// <summary>UPPER_SNAKE name.</summary>
        public string Name { get; }

        /// <summary>Severity and so the ST[5] subtype.</summary>
        public Severity Severity { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }

        /// <summary>Arguments in report order (at most <see cref="Events.EventReporter.MaxArguments"/>).</summary>
        public ArgumentDefinition[] Arguments { get; }

        /// <summary>Reports allowed per throttle window; the rest are counted and summarised.</summary>
        public int ThrottleLimit { get; set; }
    }
}
