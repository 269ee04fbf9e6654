using System;
using Payload.Flight.Commanding;
using Payload.Flight.Dictionary;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;

namespace Payload.Flight.Functions
{
    /// <summary>
    /// PUS ST[8] function management: components register the functions the dictionary declares, and TC[8,1]
    /// perform-function runs one of them, over as many frames as it needs, under the dispatcher's time limit.
    /// </summary>
    /// <remarks>
    /// Failures at start: function not declared or not registered → UnknownIdentifier with the function identifier;
    /// argument outside the function's declared range → IllegalArgument with the argument index (1). The registry
    /// remembers which function each running command uses in a table of <c>maxRunning</c> slots keyed by the
    /// command's context; size it like the dispatcher's, which never runs more commands than that at once.
    /// </remarks>
    public sealed class FunctionRegistry : ICommandHandler
    {
        /// <summary>PUS service type.</summary>
        public const byte Service = 8;
        /// <summary>TC[8,1] perform a function.</summary>
        public const byte PerformSubtype = 1;
        /// <summary>Index of the function identifier among the TC[8,1] arguments.</summary>
        public const int FunctionIdIndex = 0;
        /// <summary>Index of the function's argument among the TC[8,1] arguments.</summary>
        public const int ArgumentIndex = 1;
        /// <summary>Frames a performed function may run before it fails with a timeout (60 s at 100 Hz).</summary>
        public const int PerformTimeoutTicks = 6000;

        /// <summary>Core function NOOP.</summary>
        public const ushort NoOperation = 1;
        /// <summary>Core function WAIT_FRAMES.</summary>
        public const ushort WaitFrames = 2;
        /// <summary>Largest WAIT_FRAMES argument: beyond <see cref="PerformTimeoutTicks"/>, so the time limit can be tested.</summary>
        public const int MaxWaitFrames = 65535;

        /// <summary>Parameter: functions started since boot.</summary>
        public const ushort StartedParameter = 800;
        /// <summary>Parameter: functions running over several frames now.</summary>
        public const ushort RunningParameter = 801;

        private readonly FunctionDefinition[] _definitions;
        private readonly IFunction[] _functions;
        private readonly CommandContext[] _runningCommands;
        private readonly IFunction[] _runningFunctions;
        private readonly ParameterTable _parameters;

        /// <summary>Creates the registry for the dictionary's functions, able to track <paramref name="maxRunning"/> running ones; registers the core functions.</summary>
        public FunctionRegistry(MissionDictionary dictionary, int maxRunning, ParameterTable parameters)
        {
            if (maxRunning < 1) throw new ArgumentOutOfRangeException(nameof(maxRunning));
            _definitions = dictionary.Functions;
            _functions = new IFunction[_definitions.Length];
            _runningCommands = new CommandContext[maxRunning];
            _runningFunctions = new IFunction[maxRunning];
            _parameters = parameters;
            Register(NoOperation, new NoOperationFunction());
            Register(WaitFrames, new WaitFramesFunction());
            _parameters.Set(RunningParameter, 0);
        }

        /// <summary>Functions running over several frames.</summary>
        public int RunningCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _runningCommands.Length; i++) if (_runningCommands[i] != null) count++;
                return count;
            }
        }

        /// <summary>Adds TC[8,1], the registry's parameters and the core functions.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new CommandDefinition("FUNCTION_PERFORM", Service, PerformSubtype, "Performs an on-board function",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("function_id", DataType.UInt16, "", "Function identifier"),
                    new ArgumentDefinition("argument", DataType.Int32, "", "The function's argument (range per function)"),
                }, ModeMask.Any, PerformTimeoutTicks));
            dictionary.Add(new ParameterDefinition(StartedParameter, "func.started", DataType.UInt32, "", "Functions started since boot"));
            dictionary.Add(new ParameterDefinition(RunningParameter, "func.running", DataType.UInt8, "", "Functions running now"));
            dictionary.Add(new FunctionDefinition(NoOperation, "NOOP", "Does nothing and completes at once",
                new ArgumentDefinition("ignored", DataType.Int32, "", "Ignored")));
            dictionary.Add(new FunctionDefinition(WaitFrames, "WAIT_FRAMES", "Runs for a number of minor frames, reporting progress every 10",
                new ArgumentDefinition("frames", DataType.Int32, "frames", 0, MaxWaitFrames, "Minor frames to run")));
        }

        /// <summary>Connects the component that performs function <paramref name="functionId"/>; throws when it is undeclared, already registered, or its argument is not 32-bit.</summary>
        public void Register(ushort functionId, IFunction function)
        {
            if (function == null) throw new ArgumentNullException(nameof(function));
            int index = IndexOf(functionId);
            if (index < 0) throw new ArgumentException("function " + functionId.ToString() + " is not declared");
            if (_functions[index] != null) throw new InvalidOperationException("function " + _definitions[index].Name + " is already registered");
            DataType type = _definitions[index].Argument.Type;
            if (type != DataType.Int32 && type != DataType.UInt32)
                throw new ArgumentException("function " + _definitions[index].Name + " must declare an Int32 or UInt32 argument");
            _functions[index] = function;
        }

        /// <summary>Throws at boot when a declared function has no implementation, so the ground never meets a dead identifier.</summary>
        public void EnsureEveryFunctionIsRegistered()
        {
            for (int i = 0; i < _functions.Length; i++)
            {
                if (_functions[i] == null) throw new InvalidOperationException("function " + _definitions[i].Name + " is not registered");
            }
        }

        /// <summary>TC[8,1]: checks the function and its argument, then starts it.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            ushort functionId = (ushort)command.Argument(FunctionIdIndex);
            int index = IndexOf(functionId);
            if (index < 0 || _functions[index] == null) return command.Fail(FailureCode.UnknownIdentifier, functionId);
            ArgumentDefinition declared = _definitions[index].Argument;
            long argument = command.Argument(ArgumentIndex);
            if (declared.Type == DataType.UInt32) argument &= 0xFFFFFFFFL;
            if (argument < declared.Minimum || argument > declared.Maximum) return command.Fail(FailureCode.IllegalArgument, ArgumentIndex);

            int slot = SlotOf(command);
            if (slot < 0) slot = SlotOf(null);
            if (slot < 0) return command.Fail(FailureCode.Busy, _runningCommands.Length);
            IFunction function = _functions[index];
            _runningCommands[slot] = command;
            _runningFunctions[slot] = function;
            _parameters.Increment(StartedParameter);
            CommandOutcome outcome = CommandOutcome.Failed;
            try
            {
                outcome = function.Start(command, argument);
            }
            finally
            {
                // Also on an exception, which the dispatcher turns into a failure: the slot must not outlive the command.
                if (outcome != CommandOutcome.Running) Clear(slot);
                PublishRunning();
            }
            return outcome;
        }

        /// <summary>Advances the function the command started.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            int slot = SlotOf(command);
            if (slot < 0) return command.Fail(FailureCode.InternalError, 3);
            CommandOutcome outcome = CommandOutcome.Failed;
            try
            {
                outcome = _runningFunctions[slot].Continue(command);
            }
            finally
            {
                if (outcome != CommandOutcome.Running)
                {
                    Clear(slot);
                    PublishRunning();
                }
            }
            return outcome;
        }

        /// <summary>Aborts the function the command started (after a timeout).</summary>
        public void Abort(CommandContext command)
        {
            int slot = SlotOf(command);
            if (slot < 0) return;
            IFunction function = _runningFunctions[slot];
            Clear(slot);
            PublishRunning();
            function.Abort(command);
        }

        private int IndexOf(ushort functionId)
        {
            for (int i = 0; i < _definitions.Length; i++)
            {
                if (_definitions[i].Id == functionId) return i;
            }
            return -1;
        }

        private int SlotOf(CommandContext command)
        {
            for (int i = 0; i < _runningCommands.Length; i++)
            {
                if (_runningCommands[i] == command) return i;
            }
            return -1;
        }

        private void Clear(int slot)
        {
            _runningCommands[slot] = null;
            _runningFunctions[slot] = null;
        }

        private void PublishRunning()
        {
            _parameters.Set(RunningParameter, RunningCount);
        }
    }
}
