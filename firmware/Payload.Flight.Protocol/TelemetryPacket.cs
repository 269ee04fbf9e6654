namespace Payload.Flight.Protocol
{
    /// <summary>A decoded PUS-C telemetry packet: its headers plus where its application data sits in the caller's buffer (no copy).</summary>
    /// <remarks>Valid only while the buffer it views is unchanged; copy the application data to keep it.</remarks>
    public struct TelemetryPacket
    {
        /// <summary>The space packet primary header.</summary>
        public SpacePacketHeader Primary;

        /// <summary>The PUS-C TM secondary header.</summary>
        public PusTmHeader Pus;

        /// <summary>The buffer holding the packet.</summary>
        public byte[] Buffer;

        /// <summary>Offset in <see cref="Buffer"/> of the first octet of the packet (its primary header).</summary>
        public int PacketOffset;

        /// <summary>Octets in the whole packet, headers and packet error control included.</summary>
        public int PacketLength;

        /// <summary>Offset in <see cref="Buffer"/> of the first application data octet.</summary>
        public int ApplicationDataOffset;

        /// <summary>Octets of application data (may be 0).</summary>
        public int ApplicationDataLength;

        /// <summary>The source APID.</summary>
        public ushort Apid
        {
            get { return Primary.Apid; }
        }

        /// <summary>The packet sequence count.</summary>
        public ushort SequenceCount
        {
            get { return Primary.SequenceCount; }
        }

        /// <summary>The service type ID.</summary>
        public byte ServiceType
        {
            get { return Pus.ServiceType; }
        }

        /// <summary>The message subtype ID.</summary>
        public byte ServiceSubtype
        {
            get { return Pus.ServiceSubtype; }
        }

        /// <summary>When the report was generated.</summary>
        public CucTime Time
        {
            get { return Pus.Time; }
        }
    }
}
