using Payload.Flight.Modes;

namespace Payload.Flight.Dictionary
{
    /// <summary>A telecommand: its PUS service and subtype, mnemonic, arguments in wire order, modes and time limit.</summary>
    public sealed class CommandDefinition
    {
        /// <summary>Declares a command.</summary>
        public CommandDefinition(string mnemonic, byte service, byte subtype, string description,
            ArgumentDefinition[] arguments, byte allowedModes, int timeoutTicks)
        {
            Mnemonic = mnemonic;
            Service = service;
            Subtype = subtype;
            Description = description;
            Arguments = arguments;
            AllowedModes = allowedModes;
            TimeoutTicks = timeoutTicks;
        }

        /// <summary>UPPER_SNAKE name the crews type, prefixed by its concept (e.g. TIME_SET).</summary>
        public string Mnemonic { get; }

        /// <summary>PUS service type.</summary>
        public byte Service { get; }

        /// <summary>PUS message subtype.</summary>
        public byte Subtype { get; }

        /// <summary>One line for operators.</summary>
        public string Description { get; }

        /// <summary>Arguments in the order they appear in the application data.</summary>
        public ArgumentDefinition[] Arguments { get; }

        /// <summary>Modes in which the command is accepted (<see cref="ModeMask"/>).</summary>
        public byte AllowedModes { get; }

        /// <summary>Minor frames the command may run before it completes with a timeout failure.</summary>
        public int TimeoutTicks { get; }

        /// <summary>Octets of application data when every argument has a fixed size; -1 when one is variable.</summary>
        public int FixedLength
        {
            get
            {
                int length = 0;
                for (int i = 0; i < Arguments.Length; i++)
                {
                    int size = DataTypes.SizeOf(Arguments[i].Type);
                    if (size == 0)
                    {
                        return -1;
                    }
                    length += size;
                }
                return length;
            }
        }
    }
}
