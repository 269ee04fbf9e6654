namespace Payload.Flight.Protocol
{
    /// <summary>The 2-bit sequence flags of the CCSDS space packet primary header.</summary>
    /// <remarks>PUS-C packets are stand-alone, so the codecs write <see cref="Unsegmented"/>; readers accept every value.</remarks>
    public enum SequenceFlags
    {
        /// <summary>A continuation segment of user data (00).</summary>
        Continuation = 0,

        /// <summary>The first segment of user data (01).</summary>
        First = 1,

        /// <summary>The last segment of user data (10).</summary>
        Last = 2,

        /// <summary>Unsegmented user data: a stand-alone packet (11).</summary>
        Unsegmented = 3,
    }
}
