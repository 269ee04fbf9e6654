using System;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Flag bits of a pulse record (octet 10 of <see cref="PulseRecord"/>).</summary>
    /// <remarks>
    /// <para><b>Saturated</b> (bit 0): the envelope reached the ADC's top code (65535) during the pulse, so the peak code
    /// is a lower bound of the received power.</para>
    /// <para><b>Truncated</b> (bit 1): the pulse lasted longer than 65535 ticks (819.2 µs); the width field holds 65535.</para>
    /// <para><b>Overlapping</b> (bit 2): the pulse's leading edge came before the previous pulse's trailing edge, so the
    /// two may have merged in the detector and width and peak describe the pair.</para>
    /// <para><b>AfterOverflow</b> (bit 3): the first record written after the FIFO overflowed: one or more pulses were
    /// lost just before this one (the sequence octet says how many, modulo 256).</para>
    /// <para><b>SnapshotCaptured</b> (bit 4): this pulse's envelope is the one captured in the snapshot buffer.</para>
    /// Bits 7..5 are reserved and sent as 0.
    /// </remarks>
    [Flags]
    public enum PulseFlags : byte
    {
        /// <summary>A clean pulse.</summary>
        None = 0x00,

        /// <summary>The envelope reached full scale; the peak is a lower bound.</summary>
        Saturated = 0x01,

        /// <summary>The width counter saturated at 65535 ticks.</summary>
        Truncated = 0x02,

        /// <summary>The pulse began before the previous one ended.</summary>
        Overlapping = 0x04,

        /// <summary>Pulses were lost to a full FIFO just before this one.</summary>
        AfterOverflow = 0x08,

        /// <summary>This pulse is the one held in the snapshot buffer.</summary>
        SnapshotCaptured = 0x10,

        /// <summary>The bits a record may carry; the others are reserved.</summary>
        Defined = Saturated | Truncated | Overlapping | AfterOverflow | SnapshotCaptured,
    }
}
