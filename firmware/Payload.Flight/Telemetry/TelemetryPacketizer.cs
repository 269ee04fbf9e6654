using System;
using Payload.Flight.Protocol;
using Payload.Flight.Time;

namespace Payload.Flight.Telemetry
{
    /// <summary>Wraps application data in a PUS-C TM packet: the APID's sequence count, the type's message counter, destination and on-board time.</summary>
    /// <remarks>
    /// Counts are taken when a packet is built, so a packet dropped afterwards (its queue full, the store refusing it)
    /// leaves a gap in the sequence the ground can see, and the drop counters say where it went.
    /// Time reference status: <see cref="TimeFreeRunning"/> until the ground has set the time, then <see cref="TimeSynchronised"/>.
    /// </remarks>
    public sealed class TelemetryPacketizer
    {
        /// <summary>Time reference status while on-board time runs from boot, not yet set by the ground.</summary>
        public const byte TimeFreeRunning = 0;

        /// <summary>Time reference status once the ground has set the time (ST[9]).</summary>
        public const byte TimeSynchronised = 1;

        private readonly ushort _apid;
        private readonly ushort _destinationId;
        private readonly OnboardTime _time;
        private readonly MessageTypeCounters _counters;
        private ushort _sequenceCount;

        /// <summary>Creates a packetiser for telemetry of <paramref name="apid"/> to <paramref name="destinationId"/>, counting up to <paramref name="messageTypeCapacity"/> message types.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="apid"/> is above 2047.</exception>
        public TelemetryPacketizer(ushort apid, ushort destinationId, OnboardTime time, int messageTypeCapacity)
        {
            if (apid > PacketLimits.MaxApid) throw new ArgumentOutOfRangeException(nameof(apid));
            _apid = apid;
            _destinationId = destinationId;
            _time = time;
            _counters = new MessageTypeCounters(messageTypeCapacity);
        }

        /// <summary>The sequence count the next packet will carry.</summary>
        public ushort NextSequenceCount { get { return _sequenceCount; } }

        /// <summary>Builds the packet at <paramref name="destinationOffset"/> and returns its length, or 0 (counts unchanged) when the data is too long or does not fit.</summary>
        public int Encode(byte service, byte subtype, byte[] applicationData, int offset, int count, byte[] destination, int destinationOffset)
        {
            if (count < 0 || count > PacketLimits.MaxTelemetryApplicationDataLength
                || destination.Length - destinationOffset < PacketLimits.MinTelemetryLength + count)
            {
                return 0;
            }

            byte timeStatus = _time.IsSynchronised ? TimeSynchronised : TimeFreeRunning;
            int written;
            PacketStatus status = TelemetryCodec.TryEncode(_apid, _sequenceCount, timeStatus, service, subtype, _counters.Next(service, subtype),
                _destinationId, _time.Now, applicationData, offset, count, destination, destinationOffset, out written);
            if (status != PacketStatus.Ok)
            {
                // Unreachable: the APID is checked at construction and the lengths above; kept so a codec change cannot emit garbage.
                return 0;
            }

            _sequenceCount = (ushort)((_sequenceCount + 1) & PacketLimits.MaxSequenceCount);
            return written;
        }
    }
}
