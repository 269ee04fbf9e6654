using System;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Bits of the STATUS register (<see cref="DigitizerRegister.Status"/>), whose value the chip also shifts out as octet 0 of every frame.</summary>
    /// <remarks>
    /// The octet 0 copy is latched when chip select falls, so it describes the chip before the frame it leads.
    /// <para><b>DataReady</b> (bit 0): the DRDY condition holds (FIFO level at or above WATERMARK, or the oldest record
    /// older than MAX_LATENCY); the DRDY pin is its inverse, gated by CONTROL.DrdyEnable.</para>
    /// <para><b>FifoEmpty</b> (bit 1): the FIFO holds no record.</para>
    /// <para><b>FifoFull</b> (bit 2): the FIFO holds 1024 records; the next pulse will be lost.</para>
    /// <para><b>Overflow</b> (bit 3, sticky, write 1 to clear): at least one pulse found the FIFO full since the bit was
    /// last cleared. OVERFLOW_COUNT and LOST_COUNT say how often and how many.</para>
    /// <para><b>SnapshotReady</b> (bit 4): a completed snapshot is held and can be read through SNAPSHOT_DATA.</para>
    /// <para><b>CommandError</b> (bit 5): the previous frame was rejected (it changed nothing). Not sticky: every frame
    /// updates it, so the status octet of the frame after a write acknowledges that write.</para>
    /// <para><b>ResetOccurred</b> (bit 6, sticky, write 1 to clear): set by every reset (RESET pin, power-up). Seeing it
    /// after configuration means the chip reset itself and lost its configuration and FIFO.</para>
    /// <para><b>SnapshotArmed</b> (bit 7): a snapshot is armed or capturing.</para>
    /// A locked-up or absent chip leaves MISO high, so this octet reads 0xFF: every bit at once, which a working chip
    /// never reports (FifoEmpty and FifoFull exclude each other).
    /// </remarks>
    [Flags]
    public enum DigitizerStatusBits : byte
    {
        /// <summary>No bit set.</summary>
        None = 0x00,

        /// <summary>The DRDY condition holds.</summary>
        DataReady = 0x01,

        /// <summary>The FIFO is empty.</summary>
        FifoEmpty = 0x02,

        /// <summary>The FIFO is full.</summary>
        FifoFull = 0x04,

        /// <summary>Sticky: a pulse was lost to a full FIFO.</summary>
        Overflow = 0x08,

        /// <summary>A completed snapshot is held.</summary>
        SnapshotReady = 0x10,

        /// <summary>The previous frame was rejected.</summary>
        CommandError = 0x20,

        /// <summary>Sticky: the chip has been reset.</summary>
        ResetOccurred = 0x40,

        /// <summary>A snapshot is armed or capturing.</summary>
        SnapshotArmed = 0x80,

        /// <summary>The sticky bits, cleared by writing this value to STATUS.</summary>
        Sticky = Overflow | ResetOccurred,
    }
}
