using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Parameters;

namespace Payload.Flight.Modes
{
    /// <summary>The payload's mode, the transitions allowed between modes, and the MODE_SET command.</summary>
    public sealed class ModeManager : ICommandHandler
    {
        /// <summary>Mission-specific PUS service of mode commands.</summary>
        public const byte Service = 128;
        /// <summary>TC[128,1] MODE_SET.</summary>
        public const byte SetSubtype = 1;
        /// <summary>Parameter holding the present mode.</summary>
        public const ushort ModeParameter = 900;
        /// <summary>Parameter counting mode transitions.</summary>
        public const ushort TransitionCountParameter = 901;
        /// <summary>Event raised on every transition.</summary>
        public const ushort ModeChangedEvent = 900;
        /// <summary>Event raised when a transition is refused.</summary>
        public const ushort TransitionRefusedEvent = 901;

        // Allowed[from][to]: ACQUIRE is reached only from STANDBY, SAFE from anywhere.
        private static readonly bool[][] Allowed = new bool[][]
        {
            new bool[] { true, true, false },
            new bool[] { true, true, true },
            new bool[] { true, true, true },
        };

        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;

        /// <summary>Starts in SAFE, as every boot does.</summary>
        public ModeManager(IEventSink events, ParameterTable parameters)
        {
            _events = events;
            _parameters = parameters;
            Current = Mode.Safe;
            _parameters.Set(ModeParameter, (long)Mode.Safe);
        }

        /// <summary>The present mode.</summary>
        public Mode Current { get; private set; }

        /// <summary>Adds the mode declarations.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            string[] modeLabels = new string[] { "SAFE", "STANDBY", "ACQUIRE" };
            var mode = new ArgumentDefinition("mode", DataType.UInt8, "", 0, 2, "Target mode");
            mode.EnumerationLabels = modeLabels;
            dictionary.Add(new CommandDefinition("MODE_SET", Service, SetSubtype, "Changes the payload's mode",
                new ArgumentDefinition[] { mode }, ModeMask.Any, 1));
            var current = new ParameterDefinition(ModeParameter, "mode.current", DataType.UInt8, "", "Present mode");
            current.EnumerationLabels = modeLabels;
            dictionary.Add(current);
            dictionary.Add(new ParameterDefinition(TransitionCountParameter, "mode.transitions", DataType.UInt16, "", "Mode transitions since boot"));
            var from = new ArgumentDefinition("from", DataType.UInt8, "", 0, 2, "Mode before");
            var to = new ArgumentDefinition("to", DataType.UInt8, "", 0, 2, "Mode requested or entered");
            // Labelled so the ground and the XTCE show mode names in MODE_CHANGED and MODE_TRANSITION_REFUSED.
            from.EnumerationLabels = modeLabels;
            to.EnumerationLabels = modeLabels;
            dictionary.Add(new EventDefinition(ModeChangedEvent, "MODE_CHANGED", Severity.Informative, "The payload changed mode",
                new ArgumentDefinition[] { from, to }));
            dictionary.Add(new EventDefinition(TransitionRefusedEvent, "MODE_TRANSITION_REFUSED", Severity.Low,
                "A mode transition that is not allowed was requested", new ArgumentDefinition[] { from, to }));
        }

        /// <summary>True when the transition from the present mode to <paramref name="target"/> is allowed.</summary>
        public bool CanEnter(Mode target)
        {
            return Allowed[(int)Current][(int)target];
        }

        /// <summary>Enters <paramref name="target"/> if allowed; raises MODE_CHANGED or MODE_TRANSITION_REFUSED.</summary>
        public bool TryEnter(Mode target)
        {
            if (!CanEnter(target))
            {
                _events.Raise(TransitionRefusedEvent, (long)Current, (long)target);
                return false;
            }
            if (target != Current)
            {
                Mode previous = Current;
                Current = target;
                _parameters.Set(ModeParameter, (long)target);
                _parameters.Increment(TransitionCountParameter);
                _events.Raise(ModeChangedEvent, (long)previous, (long)target);
            }
            return true;
        }

        /// <summary>True when the command may run in the present mode.</summary>
        public bool Accepts(CommandDefinition command)
        {
            return ModeMask.Contains(command.AllowedModes, Current);
        }

        /// <summary>MODE_SET.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            Mode target = (Mode)(byte)command.Argument(0);
            return TryEnter(target) ? CommandOutcome.Completed : command.Fail(FailureCode.ExecutionError, (long)Current);
        }

        /// <summary>MODE_SET completes in one step.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            return CommandOutcome.Completed;
        }

        /// <summary>Nothing to undo.</summary>
        public void Abort(CommandContext command)
        {
        }
    }
}
