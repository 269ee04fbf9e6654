using System;

namespace Payload.Flight.Protocol
{
    /// <summary>The 4-bit acknowledgement flags of a PUS-C telecommand: which ST[1] verification successes the sender wants reported.</summary>
    /// <remarks>
    /// ECSS-E-ST-70-41C 7.4.3.1: the field's last (least significant) bit requests acceptance, then start, then
    /// progress, and its first (most significant) bit completion of execution. Failures are reported regardless.
    /// Values are the field's bits as they sit in the low nibble of the secondary header's first octet.
    /// </remarks>
    [Flags]
    public enum AckFlags
    {
        /// <summary>No success reports requested.</summary>
        None = 0x0,

        /// <summary>Report successful acceptance (TM[1,1]).</summary>
        Acceptance = 0x1,

        /// <summary>Report successful start of execution (TM[1,3]).</summary>
        Start = 0x2,

        /// <summary>Report successful progress of execution (TM[1,5]).</summary>
        Progress = 0x4,

        /// <summary>Report successful completion of execution (TM[1,7]).</summary>
        Completion = 0x8,

        /// <summary>Report every stage.</summary>
        All = 0xF,
    }
}
