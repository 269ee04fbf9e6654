namespace Payload.Flight.Dictionary
{
    /// <summary>An on-board function that ST[8] perform-function can start, with its one 32-bit argument.</summary>
    public sealed class FunctionDefinition
    {
        /// <summary>Declares a function.</summary>
        public FunctionDefinition(ushort id, string name, string description, ArgumentDefinition argument)
        {
            Id = id;
            Name = name;
            Description = description;
            Argument = argument;
        }

        /// <summary>Function identifier carried by ST[8,1].</summary>
        public ushort Id { get; }

        /// <summary>UPPER_SNAKE name.</summary>
        public string Name { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }

        /// <summary>The function's argument (type Int32 or UInt32, with its accepted range).</summary>
        public ArgumentDefinition Argument { get; }
    }
}
