namespace Payload.Flight.Protocol
{
    /// <summary>A decoded PUS-C telecommand: its headers plus where its application data sits in the caller's buffer (no copy).</summary>
    /// <remarks>Valid only while the buffer it views is unchanged; copy the application data to keep it.</remarks>
    public struct TelecommandPacket
    {
        /// <summary>The space packet primary header.</summary>
        public SpacePacketHeader Primary;

        /// <summary>The PUS-C TC secondary header.</summary>
        public PusTcHeader Pus;

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

        /// <summary>The destination APID.</summary>
        public ushort Apid
        {
            get { return Primary.Apid; }
        }

        /// <summary>The packet sequence count (packet name) the sender gave it.</summary>
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

        /// <summary>Which successful verification stages to report.</summary>
        public AckFlags AckFlags
        {
            get { return Pus.AckFlags; }
        }
    }
}
