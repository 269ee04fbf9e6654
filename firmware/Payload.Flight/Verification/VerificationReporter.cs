using Payload.Flight.Commanding;
using Payload.Flight.Protocol;
using Payload.Flight.Telemetry;

namespace Payload.Flight.Verification
{
    /// <summary>PUS ST[1] request verification: acceptance, start, progress and completion reports, success and failure.</summary>
    /// <remarks>
    /// Success reports are sent only when the telecommand's acknowledgement flags ask for them; failure reports are always
    /// sent, because a ground that did not hear of a failure would wait for ever.
    /// Layout: request ID (packet ID u16, sequence control u16), then step (u16) for progress, then failure code (u16) and
    /// failure data (i32) for failures.
    /// </remarks>
    public sealed class VerificationReporter
    {
        /// <summary>PUS service type of verification reports.</summary>
        public const byte Service = 1;
        /// <summary>TM[1,1] successful acceptance.</summary>
        public const byte AcceptanceSuccess = 1;
        /// <summary>TM[1,2] failed acceptance.</summary>
        public const byte AcceptanceFailure = 2;
        /// <summary>TM[1,3] successful start of execution.</summary>
        public const byte StartSuccess = 3;
        /// <summary>TM[1,4] failed start of execution.</summary>
        public const byte StartFailure = 4;
        /// <summary>TM[1,5] successful progress of execution.</summary>
        public const byte ProgressSuccess = 5;
        /// <summary>TM[1,6] failed progress of execution.</summary>
        public const byte ProgressFailure = 6;
        /// <summary>TM[1,7] successful completion of execution.</summary>
        public const byte CompletionSuccess = 7;
        /// <summary>TM[1,8] failed completion of execution.</summary>
        public const byte CompletionFailure = 8;

        private readonly ITelemetrySink _telemetry;
        private readonly byte[] _report = new byte[16];

        /// <summary>Creates a reporter that sends through <paramref name="telemetry"/> in the urgent class.</summary>
        public VerificationReporter(ITelemetrySink telemetry)
        {
            _telemetry = telemetry;
        }

        /// <summary>TM[1,1] when the command asked for it.</summary>
        public void ReportAcceptanceSuccess(CommandContext command)
        {
            if ((command.Acknowledgements & AckFlags.Acceptance) != 0)
            {
                Send(AcceptanceSuccess, WriteRequestId(command.PacketId, command.PacketSequenceControl));
            }
        }

        /// <summary>TM[1,2] for a packet whose request ID could be read.</summary>
        public void ReportAcceptanceFailure(ushort packetId, ushort sequenceControl, FailureCode code, long data)
        {
            int length = WriteRequestId(packetId, sequenceControl);
            length = WriteFailure(length, code, data);
            Send(AcceptanceFailure, length);
        }

        /// <summary>TM[1,3] when the command asked for it.</summary>
        public void ReportStartSuccess(CommandContext command)
        {
            if ((command.Acknowledgements & AckFlags.Start) != 0)
            {
                Send(StartSuccess, WriteRequestId(command.PacketId, command.PacketSequenceControl));
            }
        }

        /// <summary>TM[1,4].</summary>
        public void ReportStartFailure(CommandContext command)
        {
            int length = WriteRequestId(command.PacketId, command.PacketSequenceControl);
            length = WriteFailure(length, command.FailureCode, command.FailureData);
            Send(StartFailure, length);
        }

        /// <summary>TM[1,5] for step <paramref name="step"/>.</summary>
        public void ReportProgressSuccess(CommandContext command, ushort step)
        {
            int length = WriteRequestId(command.PacketId, command.PacketSequenceControl);
            BigEndian.WriteUInt16(_report, length, step);
            Send(ProgressSuccess, length + 2);
        }

        /// <summary>TM[1,6] for the step after the last successful one.</summary>
        public void ReportProgressFailure(CommandContext command)
        {
            int length = WriteRequestId(command.PacketId, command.PacketSequenceControl);
            BigEndian.WriteUInt16(_report, length, (ushort)(command.ProgressStep + 1));
            length = WriteFailure(length + 2, command.FailureCode, command.FailureData);
            Send(ProgressFailure, length);
        }

        /// <summary>TM[1,7] when the command asked for it.</summary>
        public void ReportCompletionSuccess(CommandContext command)
        {
            if ((command.Acknowledgements & AckFlags.Completion) != 0)
            {
                Send(CompletionSuccess, WriteRequestId(command.PacketId, command.PacketSequenceControl));
            }
        }

        /// <summary>TM[1,8].</summary>
        public void ReportCompletionFailure(CommandContext command)
        {
            int length = WriteRequestId(command.PacketId, command.PacketSequenceControl);
            length = WriteFailure(length, command.FailureCode, command.FailureData);
            Send(CompletionFailure, length);
        }

        private int WriteRequestId(ushort packetId, ushort sequenceControl)
        {
            BigEndian.WriteUInt16(_report, 0, packetId);
            BigEndian.WriteUInt16(_report, 2, sequenceControl);
            return 4;
        }

        private int WriteFailure(int offset, FailureCode code, long data)
        {
            BigEndian.WriteUInt16(_report, offset, (ushort)code);
            BigEndian.WriteUInt32(_report, offset + 2, (uint)data);
            return offset + 6;
        }

        private void Send(byte subtype, int length)
        {
            _telemetry.Send(TelemetryClass.Urgent, Service, subtype, _report, 0, length);
        }
    }
}
