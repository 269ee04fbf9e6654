using Payload.Flight.Commanding;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The acquisition commands, TC[130,1..7], carried out by an <see cref="AcquisitionController"/>.</summary>
    /// <remarks>
    /// Arguments arrive range-checked against the dictionary; the controller refuses what only it can judge:
    /// <list type="bullet">
    /// <item>ACQ_ARM: WrongMode outside ACQUIRE (data: the mode), IllegalArgument (data 3) for a PRF hint of 1..99 Hz,
    /// Disabled while the digitizer is not operational (data: acq.dig.state), Busy unless idle (data: acq.state).</item>
    /// <item>ACQ_CONFIGURE: IllegalArgument (data 1) for a watermark above the driver's block, Busy while armed or in a
    /// pass, Disabled while the digitizer is not operational, ExecutionError with the DigitizerResult when the write or
    /// its read-back fails, or with <see cref="AcquisitionDictionary.NotSavedData"/> when the verified settings could not
    /// be saved (either way the previous settings are written back and kept). Completed: the settings are applied and
    /// persisted, and every later bring-up (boot, FDIR recovery, ACQ_RESET) applies them.</item>
    /// <item>ACQ_SELF_TEST: Busy while armed or in a pass; ExecutionError with the DigitizerResult when not OK.</item>
    /// <item>ACQ_SNAPSHOT: Busy while another runs, Disabled while the digitizer is not operational, ExecutionError with
    /// the DigitizerResult when arming fails; then Running until the capture is read and started on ST[13], failing with
    /// ExecutionError (data: SnapshotCapture's DigitizerLost, ReadFailed or NotDelivered); the dispatcher times it out
    /// after <see cref="AcquisitionDictionary.SnapshotTimeoutTicks"/> frames and the capture is abandoned.</item>
    /// <item>ACQ_STOP, ACQ_RESET and ACQ_SET_RAW_DECIMATION always complete.</item>
    /// </list>
    /// </remarks>
    public sealed class AcquisitionService : ICommandHandler
    {
        private readonly AcquisitionController _controller;
        private CommandContext _snapshotCommand;

        /// <summary>Creates the service over <paramref name="controller"/>.</summary>
        public AcquisitionService(AcquisitionController controller)
        {
            _controller = controller;
        }

        /// <summary>Starts an acquisition command.</summary>
        public CommandOutcome Start(CommandContext command)
        {
            long data;
            FailureCode failure;
            switch (command.Definition.Subtype)
            {
                case AcquisitionDictionary.ArmSubtype:
                    failure = _controller.Arm((int)command.Argument(0), (int)command.Argument(1), (ExpectedRadar)(byte)command.Argument(2),
                        (int)command.Argument(3), (int)command.Argument(4), out data);
                    break;
                case AcquisitionDictionary.StopSubtype:
                    _controller.Stop();
                    return CommandOutcome.Completed;
                case AcquisitionDictionary.ResetSubtype:
                    _controller.ResetAcquisition();
                    return CommandOutcome.Completed;
                case AcquisitionDictionary.ConfigureSubtype:
                    failure = _controller.Configure((int)command.Argument(0), (int)command.Argument(1), command.Argument(2),
                        (int)command.Argument(3), out data);
                    break;
                case AcquisitionDictionary.SelfTestSubtype:
                    failure = _controller.SelfTest(out data);
                    break;
                case AcquisitionDictionary.SnapshotSubtype:
                    failure = _controller.StartSnapshot((int)command.Argument(0), out data);
                    if (failure == FailureCode.None)
                    {
                        _snapshotCommand = command;
                        return CommandOutcome.Running;
                    }

                    break;
                case AcquisitionDictionary.SetRawDecimationSubtype:
                    _controller.SetRawDecimation((int)command.Argument(0));
                    return CommandOutcome.Completed;
                default:
                    return command.Fail(FailureCode.InternalError, command.Definition.Subtype);
            }

            return failure == FailureCode.None ? CommandOutcome.Completed : command.Fail(failure, data);
        }

        /// <summary>Advances ACQ_SNAPSHOT; every other command completed in its start.</summary>
        public CommandOutcome Continue(CommandContext command)
        {
            if (command != _snapshotCommand)
            {
                return CommandOutcome.Completed;
            }

            long data;
            int outcome = _controller.ContinueSnapshot(out data);
            if (outcome == SnapshotCapture.Running)
            {
                return CommandOutcome.Running;
            }

            _snapshotCommand = null;
            return outcome == SnapshotCapture.Completed ? CommandOutcome.Completed : command.Fail(FailureCode.ExecutionError, data);
        }

        /// <summary>ACQ_SNAPSHOT timed out: the capture is abandoned.</summary>
        public void Abort(CommandContext command)
        {
            if (command == _snapshotCommand)
            {
                _controller.CancelSnapshot();
                _snapshotCommand = null;
            }
        }
    }
}
