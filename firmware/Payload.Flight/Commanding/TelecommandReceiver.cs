using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;

namespace Payload.Flight.Commanding
{
    /// <summary>
    /// Acceptance: takes each frame off the link (or each command the schedule releases), checks it completely —
    /// packet, CRC, APID, PUS header, known command, argument layout and ranges, mode, room in the queue — and either
    /// queues it with an acceptance report or rejects it with a failure report and an event. Nothing here executes a command.
    /// </summary>
    public sealed class TelecommandReceiver : IFrameSink
    {
        private readonly ushort _apid;
        private readonly MissionDictionary _dictionary;
        private readonly CommandQueue _queue;
        private readonly VerificationReporter _verification;
        private readonly ModeManager _modes;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;

        /// <summary>Creates the acceptance stage for telecommands addressed to <paramref name="apid"/>.</summary>
        public TelecommandReceiver(ushort apid, MissionDictionary dictionary, CommandQueue queue, VerificationReporter verification,
            ModeManager modes, IEventSink events, ParameterTable parameters)
        {
            _apid = apid;
            _dictionary = dictionary;
            _queue = queue;
            _verification = verification;
            _modes = modes;
            _events = events;
            _parameters = parameters;
        }

        /// <summary>A frame from the link's deframer.</summary>
        public void OnFrame(byte[] buffer, int offset, int count)
        {
            Submit(buffer, offset, count, CommandSource.Link);
        }

        /// <summary>Runs acceptance on one packet; returns the failure code, <see cref="FailureCode.None"/> when queued.</summary>
        public FailureCode Submit(byte[] buffer, int offset, int count, CommandSource source)
        {
            TelecommandPacket telecommand;
            PacketStatus status = TelecommandCodec.TryDecode(buffer, offset, count, out telecommand);
            if (status != PacketStatus.Ok)
            {
                return RejectUndecodable(status, buffer, offset, count);
            }

            ushort packetId = (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
            ushort sequenceControl = (ushort)((buffer[offset + 2] << 8) | buffer[offset + 3]);
            if (telecommand.Primary.Apid != _apid)
            {
                return Reject(packetId, sequenceControl, FailureCode.WrongApid, telecommand.Primary.Apid);
            }
            CommandDefinition definition = _dictionary.FindCommand(telecommand.Pus.ServiceType, telecommand.Pus.ServiceSubtype);
            if (definition == null)
            {
                FailureCode code = _dictionary.HasService(telecommand.Pus.ServiceType) ? FailureCode.UnknownSubtype : FailureCode.UnknownService;
                return Reject(packetId, sequenceControl, code, (telecommand.Pus.ServiceType << 8) | telecommand.Pus.ServiceSubtype);
            }

            CommandContext context = _queue.Rent();
            if (context == null)
            {
                return Reject(packetId, sequenceControl, FailureCode.Busy, _queue.Count);
            }
            context.Load(telecommand, buffer, offset, count, source);
            FailureCode failure = FailureCode.None;
            long failureData = 0;
            if (!context.DecodeArguments(definition))
            {
                failure = context.FailureCode;
                failureData = context.FailureData;
            }
            else if (!_modes.Accepts(definition))
            {
                failure = FailureCode.WrongMode;
                failureData = (long)_modes.Current;
            }
            else if (!_queue.TryEnqueue(context))
            {
                failure = FailureCode.Busy;
                failureData = _queue.Count;
            }
            if (failure != FailureCode.None)
            {
                _queue.Return(context);
                return Reject(packetId, sequenceControl, failure, failureData);
            }

            _parameters.Increment(CommandingDictionary.AcceptedCount);
            _parameters.Set(CommandingDictionary.QueueDepth, _queue.Count);
            _verification.ReportAcceptanceSuccess(context);
            return FailureCode.None;
        }

        private FailureCode RejectUndecodable(PacketStatus status, byte[] buffer, int offset, int count)
        {
            // A packet whose primary header reads as a telecommand can still be answered with a failure report that
            // names it; anything less is not addressed to anyone and is only counted and reported as an event.
            SpacePacketHeader header;
            if (SpacePacketHeader.TryRead(buffer, offset, count, out header) == PacketStatus.Ok && header.Type == PacketType.Telecommand)
            {
                ushort packetId = (ushort)((buffer[offset] << 8) | buffer[offset + 1]);
                ushort sequenceControl = (ushort)((buffer[offset + 2] << 8) | buffer[offset + 3]);
                return Reject(packetId, sequenceControl, ToFailureCode(status), (long)status);
            }
            _parameters.Increment(CommandingDictionary.MalformedCount);
            _events.Raise(CommandingDictionary.MalformedTelecommand, (long)status, count);
            return FailureCode.BadLength;
        }

        private FailureCode Reject(ushort packetId, ushort sequenceControl, FailureCode code, long data)
        {
            _parameters.Increment(CommandingDictionary.RejectedCount);
            _verification.ReportAcceptanceFailure(packetId, sequenceControl, code, data);
            _events.Raise(CommandingDictionary.TelecommandRejected, (long)code, packetId, sequenceControl);
            return code;
        }

        private static FailureCode ToFailureCode(PacketStatus status)
        {
            switch (status)
            {
                case PacketStatus.BadCrc:
                    return FailureCode.BadCrc;
                case PacketStatus.BadPusVersion:
                case PacketStatus.NoSecondaryHeader:
                case PacketStatus.WrongPacketType:
                case PacketStatus.BadVersion:
                    return FailureCode.BadPusHeader;
                default:
                    return FailureCode.BadLength;
            }
        }
    }
}
