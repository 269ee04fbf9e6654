using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;

namespace Payload.Flight.Commanding
{
    /// <summary>One telecommand on its way through the pipeline: its bytes, decoded arguments and verification state.</summary>
    /// <remarks>A fixed pool of these is allocated at boot; a context is reused once its command has completed.</remarks>
    public sealed class CommandContext
    {
        /// <summary>Most arguments a command may declare.</summary>
        public const int MaxArguments = 16;

        private readonly long[] _arguments = new long[MaxArguments];
        private readonly int[] _argumentOffsets = new int[MaxArguments];
        private readonly VerificationReporter _verification;

        /// <summary>Creates an empty context that reports progress through <paramref name="verification"/>.</summary>
        public CommandContext(VerificationReporter verification)
        {
            _verification = verification;
            Packet = new byte[PacketLimits.MaxPacketLength];
        }

        /// <summary>A copy of the whole telecommand packet.</summary>
        public byte[] Packet { get; }

        /// <summary>Octets of <see cref="Packet"/> in use.</summary>
        public int PacketLength { get; private set; }

        /// <summary>The dictionary entry of the command.</summary>
        public CommandDefinition Definition { get; private set; }

        /// <summary>Verification reports the sender asked for.</summary>
        public AckFlags Acknowledgements { get; private set; }

        /// <summary>Where the command came from.</summary>
        public CommandSource Source { get; private set; }

        /// <summary>Offset of the application data in <see cref="Packet"/>.</summary>
        public int ApplicationDataOffset { get; private set; }

        /// <summary>Octets of application data.</summary>
        public int ApplicationDataLength { get; private set; }

        /// <summary>Minor frames since the command started.</summary>
        public int ElapsedTicks { get; internal set; }

        /// <summary>Progress steps reported so far.</summary>
        public ushort ProgressStep { get; private set; }

        /// <summary>Why the command failed (valid after a Failed outcome).</summary>
        public FailureCode FailureCode { get; private set; }

        /// <summary>Detail for the failure report, e.g. the index of the bad argument.</summary>
        public long FailureData { get; private set; }

        /// <summary>The first two octets of the packet (version, type, flag, APID): the first half of the request ID.</summary>
        public ushort PacketId { get { return (ushort)((Packet[0] << 8) | Packet[1]); } }

        /// <summary>Octets 2–3 of the packet (sequence flags and count): the second half of the request ID.</summary>
        public ushort PacketSequenceControl { get { return (ushort)((Packet[2] << 8) | Packet[3]); } }

        /// <summary>Number of decoded arguments.</summary>
        public int ArgumentCount { get; private set; }

        /// <summary>The decoded value of argument <paramref name="index"/>; for a Bytes argument, its length.</summary>
        public long Argument(int index)
        {
            return _arguments[index];
        }

        /// <summary>Offset in <see cref="Packet"/> where argument <paramref name="index"/> is encoded.</summary>
        public int ArgumentOffset(int index)
        {
            return _argumentOffsets[index];
        }

        /// <summary>Records a failure and returns <see cref="CommandOutcome.Failed"/>, so handlers can write <c>return command.Fail(...)</c>.</summary>
        public CommandOutcome Fail(FailureCode code, long data)
        {
            FailureCode = code;
            FailureData = data;
            return CommandOutcome.Failed;
        }

        /// <summary>Reports one more progress step (ST[1,5]) when the sender asked for progress reports.</summary>
        public void ReportProgress()
        {
            ProgressStep++;
            if ((Acknowledgements & AckFlags.Progress) != 0)
            {
                _verification.ReportProgressSuccess(this, ProgressStep);
            }
        }

        /// <summary>Copies a decoded telecommand into this context and clears the previous command's state.</summary>
        internal void Load(TelecommandPacket telecommand, byte[] buffer, int offset, int count, CommandSource source)
        {
            Array.Copy(buffer, offset, Packet, 0, count);
            PacketLength = count;
            Acknowledgements = telecommand.Pus.AckFlags;
            ApplicationDataOffset = telecommand.ApplicationDataOffset - offset;
            ApplicationDataLength = telecommand.ApplicationDataLength;
            Source = source;
            Definition = null;
            ArgumentCount = 0;
            ElapsedTicks = 0;
            ProgressStep = 0;
            FailureCode = FailureCode.None;
            FailureData = 0;
        }

        /// <summary>Decodes and range-checks the application data against <paramref name="definition"/>; on failure the context holds the code.</summary>
        internal bool DecodeArguments(CommandDefinition definition)
        {
            Definition = definition;
            ArgumentDefinition[] arguments = definition.Arguments;
            if (arguments.Length > MaxArguments)
            {
                Fail(FailureCode.InternalError, arguments.Length);
                return false;
            }
            int position = ApplicationDataOffset;
            int end = ApplicationDataOffset + ApplicationDataLength;
            for (int i = 0; i < arguments.Length; i++)
            {
                ArgumentDefinition argument = arguments[i];
                long value;
                if (argument.Type == DataType.Bytes)
                {
                    // The octets run to the end of the packet; their count must match the preceding length argument.
                    value = end - position;
                    if (i == 0 || value != _arguments[i - 1])
                    {
                        Fail(FailureCode.BadArgumentLength, i);
                        return false;
                    }
                }
                else
                {
                    int size = DataTypes.SizeOf(argument.Type);
                    if (position + size > end)
                    {
                        Fail(FailureCode.BadArgumentLength, i);
                        return false;
                    }
                    value = DataTypes.Read(argument.Type, Packet, position);
                }
                if (value < argument.Minimum || value > argument.Maximum)
                {
                    Fail(FailureCode.IllegalArgument, i);
                    return false;
                }
                _arguments[i] = value;
                _argumentOffsets[i] = position;
                position += argument.Type == DataType.Bytes ? (int)value : DataTypes.SizeOf(argument.Type);
            }
            if (position != end)
            {
                Fail(FailureCode.BadArgumentLength, arguments.Length);
                return false;
            }
            ArgumentCount = arguments.Length;
            return true;
        }
    }
}
