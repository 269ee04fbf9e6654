using Payload.Flight.Commanding;

namespace Payload.Flight.LargeTransfer
{
    /// <summary>The ST[13] commands: TC[13,128] LARGE_TRANSFER_ABORT and TC[13,129] LARGE_TRANSFER_RESEND, carried out by a <see cref="LargePacketSender"/>.</summary>
    /// <remarks>
    /// ABORT completes at once; it fails with <see cref="FailureCode.UnknownIdentifier"/> when no transfer or resend of
    /// that transaction is under way. RESEND returns Running until the sender has queued its last part (not yet
    /// transmitted), then Completed; it fails with UnknownIdentifier when the message is no longer held (a later
    /// transfer started, or it was aborted: replay the parts from the packet store instead), with
    /// <see cref="FailureCode.IllegalArgument"/> (data 2, the last_part argument) when the range runs backwards or beyond
    /// the parts queued so far, with <see cref="FailureCode.Busy"/> while another resend runs, and with
    /// <see cref="FailureCode.ExecutionError"/> when an abort stops it midway. A resend that times out is stopped.
    /// </remarks>
    public sealed class LargeTransferService : ICommandHandler
    {
        private const int LastPartArgument = 2;

        private readonly LargePacketSender _sender;
        private CommandContext _resendCommand;

        /// <summary>Creates the service over <paramref name="sender"/>.</summary>
        public LargeTransferService(LargePacketSender sender)
        {
            _sender = sender;
        }

        /// <summary>Starts an ST[13] command.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            ushort transactionId = (ushort)command.Argument(0);
            switch (command.Definition.Subtype)
            {
                case LargePacketSender.AbortSubtype:
                    return _sender.Abort(transactionId) ? CommandOutcome.Completed : command.Fail(FailureCode.UnknownIdentifier, transactionId);
                case LargePacketSender.ResendSubtype:
                    return StartResend(command, transactionId);
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }
        }

        /// <summary>Completes a resend once its last part is queued.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            if (command != _resendCommand) return CommandOutcome.Completed;
            if (_sender.IsResending) return CommandOutcome.Running;

            _resendCommand = null;
            return _sender.ResendCancelled ? command.Fail(FailureCode.ExecutionError, 0) : CommandOutcome.Completed;
        }

        /// <summary>Stops a resend that timed out; parts already queued still go down.</summary>
        public void Abort(CommandContext command)
        {
            if (command == _resendCommand)
            {
                _sender.CancelResend();
                _resendCommand = null;
            }
        }

        private CommandOutcome StartResend(CommandContext command, ushort transactionId)
        {
            int first = (int)command.Argument(1);
            int last = (int)command.Argument(LastPartArgument);
            switch (_sender.TryResend(transactionId, first, last))
            {
                case TransferStatus.Started:
                    // The sender queues the parts in its own run, after the dispatcher in the same frame.
                    _resendCommand = command;
                    return CommandOutcome.Running;
                case TransferStatus.Busy:
                    return command.Fail(FailureCode.Busy, 0);
                case TransferStatus.InvalidRange:
                    return command.Fail(FailureCode.IllegalArgument, LastPartArgument);
                default:
                    return command.Fail(FailureCode.UnknownIdentifier, transactionId);
            }
        }
    }
}
