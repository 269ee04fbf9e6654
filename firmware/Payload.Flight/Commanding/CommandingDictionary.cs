using Payload.Flight.Dictionary;

namespace Payload.Flight.Commanding
{
    /// <summary>The telemetry and events of the command pipeline.</summary>
    public static class CommandingDictionary
    {
        /// <summary>Telecommands accepted since boot.</summary>
        public const ushort AcceptedCount = 200;
        /// <summary>Telecommands rejected at acceptance since boot.</summary>
        public const ushort RejectedCount = 201;
        /// <summary>Commands that completed successfully.</summary>
        public const ushort CompletedCount = 202;
        /// <summary>Commands that failed to start, progress or complete.</summary>
        public const ushort FailedCount = 203;
        /// <summary>Commands waiting in the queue.</summary>
        public const ushort QueueDepth = 204;
        /// <summary>Frames that reached the link but were not telecommands at all.</summary>
        public const ushort MalformedCount = 205;
        /// <summary>Commands that ran out of time.</summary>
        public const ushort TimeoutCount = 206;

        /// <summary>A telecommand was rejected at acceptance.</summary>
        public const ushort TelecommandRejected = 200;
        /// <summary>A frame could not be read as a telecommand.</summary>
        public const ushort MalformedTelecommand = 201;
        /// <summary>A command failed after acceptance.</summary>
        public const ushort CommandFailed = 202;

        /// <summary>Adds the pipeline's declarations.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(AcceptedCount, "cmd.accepted", DataType.UInt32, "", "Telecommands accepted since boot"));
            dictionary.Add(new ParameterDefinition(RejectedCount, "cmd.rejected", DataType.UInt32, "", "Telecommands rejected at acceptance since boot"));
            dictionary.Add(new ParameterDefinition(CompletedCount, "cmd.completed", DataType.UInt32, "", "Commands completed successfully since boot"));
            dictionary.Add(new ParameterDefinition(FailedCount, "cmd.failed", DataType.UInt32, "", "Commands failed after acceptance since boot"));
            dictionary.Add(new ParameterDefinition(QueueDepth, "cmd.queue_depth", DataType.UInt8, "", "Commands waiting for dispatch"));
            dictionary.Add(new ParameterDefinition(MalformedCount, "cmd.malformed", DataType.UInt32, "", "Link frames that were not readable telecommands"));
            dictionary.Add(new ParameterDefinition(TimeoutCount, "cmd.timeouts", DataType.UInt32, "", "Commands that exceeded their time limit"));

            var code = new ArgumentDefinition("failure_code", DataType.UInt16, "", "ST[1] failure code");
            var packetId = new ArgumentDefinition("packet_id", DataType.UInt16, "", "Packet ID of the telecommand");
            var sequence = new ArgumentDefinition("sequence_control", DataType.UInt16, "", "Sequence control of the telecommand");
            dictionary.Add(new EventDefinition(TelecommandRejected, "CMD_REJECTED", Severity.Low,
                "A telecommand was rejected at acceptance", new ArgumentDefinition[] { code, packetId, sequence }));
            dictionary.Add(new EventDefinition(MalformedTelecommand, "CMD_MALFORMED", Severity.Low,
                "A link frame was not a readable telecommand", new ArgumentDefinition[] {
                    new ArgumentDefinition("status", DataType.UInt8, "", "Packet decoder status"),
                    new ArgumentDefinition("length", DataType.UInt16, "octets", "Frame length") }));
            dictionary.Add(new EventDefinition(CommandFailed, "CMD_FAILED", Severity.Low,
                "A command failed after acceptance", new ArgumentDefinition[] { code, packetId, sequence }));
        }
    }
}
