using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Executive;
using Payload.Flight.Parameters;
using Payload.Flight.Verification;

namespace Payload.Flight.Commanding
{
    /// <summary>
    /// Execution: each cycle, advances running commands, fails the ones past their time limit, then starts queued ones.
    /// Every command it starts ends in a completion report, success or failure (a failed start or step is reported as
    /// such first, then as a failed completion, so the ground always sees the end); a handler that throws fails its
    /// command and the dispatcher carries on, so no handler can hang it.
    /// </summary>
    public sealed class CommandDispatcher : IRateGroupMember
    {
        private readonly MissionDictionary _dictionary;
        private readonly ICommandHandler[] _handlers;
        private readonly CommandQueue _queue;
        private readonly VerificationReporter _verification;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly CommandContext[] _running;
        private readonly ICommandHandler[] _runningHandlers;
        private readonly int _startsPerCycle;

        /// <summary>Creates a dispatcher that runs at most <paramref name="maxRunning"/> multi-frame commands at once and starts at most <paramref name="startsPerCycle"/> per cycle.</summary>
        public CommandDispatcher(MissionDictionary dictionary, CommandQueue queue, VerificationReporter verification,
            IEventSink events, ParameterTable parameters, int maxRunning, int startsPerCycle)
        {
            _dictionary = dictionary;
            _handlers = new ICommandHandler[dictionary.Commands.Length];
            _queue = queue;
            _verification = verification;
            _events = events;
            _parameters = parameters;
            _running = new CommandContext[maxRunning];
            _runningHandlers = new ICommandHandler[maxRunning];
            _startsPerCycle = startsPerCycle;
        }

        /// <summary>Commands running over several frames.</summary>
        public int RunningCount
        {
            get
            {
                int count = 0;
                for (int i = 0; i < _running.Length; i++) if (_running[i] != null) count++;
                return count;
            }
        }

        /// <summary>Connects the component that executes TC[<paramref name="service"/>, <paramref name="subtype"/>].</summary>
        public void Bind(byte service, byte subtype, ICommandHandler handler)
        {
            for (int i = 0; i < _dictionary.Commands.Length; i++)
            {
                if (_dictionary.Commands[i].Service == service && _dictionary.Commands[i].Subtype == subtype)
                {
                    _handlers[i] = handler;
                    return;
                }
            }
            throw new ArgumentException("no command declared for service " + service.ToString() + " subtype " + subtype.ToString());
        }

        /// <summary>Connects the component that executes every declared command of PUS service <paramref name="service"/>.</summary>
        public void BindService(byte service, ICommandHandler handler)
        {
            bool any = false;
            for (int i = 0; i < _dictionary.Commands.Length; i++)
            {
                if (_dictionary.Commands[i].Service == service)
                {
                    _handlers[i] = handler;
                    any = true;
                }
            }
            if (!any) throw new ArgumentException("no command declared for service " + service.ToString());
        }

        /// <summary>Throws at boot when a declared command has no handler, so a dictionary entry can never be a dead end.</summary>
        public void EnsureEveryCommandIsBound()
        {
            for (int i = 0; i < _handlers.Length; i++)
            {
                if (_handlers[i] == null) throw new InvalidOperationException("command " + _dictionary.Commands[i].Mnemonic + " has no handler");
            }
        }

        /// <summary>One dispatch cycle: advances running commands, then starts queued ones.</summary>
        public void Run(long frame, long nowMicroseconds)
        {
            AdvanceRunning();
            StartQueued();
        }

        /// <summary>Starts queued commands, up to the starts per cycle and the free running slots.</summary>
        public void StartQueued()
        {
            for (int started = 0; started < _startsPerCycle; started++)
            {
                int slot = FreeSlot();
                if (slot < 0 || _queue.Count == 0) break;
                CommandContext command = _queue.Dequeue();
                _parameters.Set(CommandingDictionary.QueueDepth, _queue.Count);
                ICommandHandler handler = HandlerFor(command.Definition);
                CommandOutcome outcome = SafeStart(handler, command);
                if (outcome == CommandOutcome.Failed)
                {
                    _verification.ReportStartFailure(command);
                }
                else
                {
                    _verification.ReportStartSuccess(command);
                }
                if (outcome == CommandOutcome.Running)
                {
                    _running[slot] = command;
                    _runningHandlers[slot] = handler;
                }
                else
                {
                    Complete(outcome, command);
                }
            }
        }

        private void AdvanceRunning()
        {
            for (int slot = 0; slot < _running.Length; slot++)
            {
                CommandContext command = _running[slot];
                if (command == null) continue;
                command.ElapsedTicks++;
                if (command.ElapsedTicks > command.Definition.TimeoutTicks)
                {
                    SafeAbort(_runningHandlers[slot], command);
                    _parameters.Increment(CommandingDictionary.TimeoutCount);
                    Finish(slot, command.Fail(FailureCode.Timeout, command.ElapsedTicks), command);
                    continue;
                }
                CommandOutcome outcome = SafeContinue(_runningHandlers[slot], command);
                if (outcome == CommandOutcome.Failed)
                {
                    _verification.ReportProgressFailure(command);
                }
                if (outcome != CommandOutcome.Running)
                {
                    Finish(slot, outcome, command);
                }
            }
        }

        private void Finish(int slot, CommandOutcome outcome, CommandContext command)
        {
            _running[slot] = null;
            _runningHandlers[slot] = null;
            Complete(outcome, command);
        }

        private void Complete(CommandOutcome outcome, CommandContext command)
        {
            if (outcome == CommandOutcome.Completed)
            {
                _parameters.Increment(CommandingDictionary.CompletedCount);
                _verification.ReportCompletionSuccess(command);
            }
            else
            {
                _parameters.Increment(CommandingDictionary.FailedCount);
                _verification.ReportCompletionFailure(command);
                _events.Raise(CommandingDictionary.CommandFailed, (long)command.FailureCode, command.PacketId, command.PacketSequenceControl);
            }
            _queue.Return(command);
        }

        private int FreeSlot()
        {
            for (int i = 0; i < _running.Length; i++) if (_running[i] == null) return i;
            return -1;
        }

        private ICommandHandler HandlerFor(CommandDefinition definition)
        {
            for (int i = 0; i < _handlers.Length; i++)
            {
                if (_dictionary.Commands[i] == definition) return _handlers[i];
            }
            return null;
        }

        private static CommandOutcome SafeStart(ICommandHandler handler, CommandContext command)
        {
            if (handler == null) return command.Fail(FailureCode.InternalError, 0);
            try
            {
                return handler.Start(command);
            }
            catch (Exception)
            {
                return command.Fail(FailureCode.InternalError, 1);
            }
        }

        private static CommandOutcome SafeContinue(ICommandHandler handler, CommandContext command)
        {
            try
            {
                return handler.Continue(command);
            }
            catch (Exception)
            {
                return command.Fail(FailureCode.InternalError, 2);
            }
        }

        private static void SafeAbort(ICommandHandler handler, CommandContext command)
        {
            try
            {
                handler.Abort(command);
            }
            catch (Exception)
            {
                // The command is failing with a timeout already; a failing abort adds nothing to report.
            }
        }
    }
}
