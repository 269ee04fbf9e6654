namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Register addresses of the pulse digitizer (SARCAL-1 capture core), the second octet of every SPI frame.</summary>
    /// <remarks>
    /// Every register holds 32 bits, sent most significant octet first; bits a register does not use read as 0 and
    /// are ignored on write. Addresses 0x00-0x13 are single registers (read and write frames); 0x40-0x42 are burst
    /// windows, reached only by burst frames. Any other address, or a frame of the wrong kind for an address, is
    /// rejected and counted in <see cref="CommandErrors"/>. Reset values are in <see cref="DigitizerChip"/> and in
    /// boards/datasheets/pulse-digitizer.md, which is the reference for every field.
    /// </remarks>
    public enum DigitizerRegister : byte
    {
        /// <summary>R: chip identity, <see cref="DigitizerChip.Id"/> (part 0x5044 "PD", major, minor version).</summary>
        Id = 0x00,

        /// <summary>R/W: <see cref="DigitizerControlBits"/>; Flush and ClearCounters clear themselves and read as 0.</summary>
        Control = 0x01,

        /// <summary>R, W1C: <see cref="DigitizerStatusBits"/>; writing 1 clears the sticky bits. Its low octet leads every frame.</summary>
        Status = 0x02,

        /// <summary>R/W: comparator threshold in peak-code units (0..65535); a pulse is detected while its envelope code is at or above it.</summary>
        Threshold = 0x03,

        /// <summary>R/W: FIFO level (1..1024 records) at which DRDY asserts.</summary>
        Watermark = 0x04,

        /// <summary>R/W: age of the oldest FIFO record, in TOA ticks (12.5 ns), at which DRDY asserts whatever the level; 0 disables.</summary>
        MaxLatency = 0x05,

        /// <summary>R/W: minimum pulse width in TOA ticks (0..65535); narrower crossings are rejected and counted in <see cref="RejectCount"/>.</summary>
        MinWidth = 0x06,

        /// <summary>R: records in the FIFO (0..1024).</summary>
        FifoLevel = 0x07,

        /// <summary>R: overflow episodes: times a pulse found the FIFO full after the previous record had been written.</summary>
        OverflowCount = 0x08,

        /// <summary>R: records discarded inside the chip without being read: pulses that found the FIFO full, and records emptied by a flush.</summary>
        LostCount = 0x09,

        /// <summary>R: pulses accepted by the threshold and width filters since reset (records made, including those then lost).</summary>
        PulseCount = 0x0A,

        /// <summary>R: threshold crossings narrower than <see cref="MinWidth"/>.</summary>
        RejectCount = 0x0B,

        /// <summary>R: frames the chip rejected (unknown command or address, wrong frame kind, bad write CRC, read-only register, value out of range).</summary>
        CommandErrors = 0x0C,

        /// <summary>W: any value latches the free-running TOA counter; R: bits 47..32 of the latched value.</summary>
        ToaLatch = 0x0D,

        /// <summary>R: bits 31..0 of the latched TOA counter.</summary>
        ToaLatchLow = 0x0E,

        /// <summary>R/W: 32 bits with no effect, for bus self-tests.</summary>
        Scratch = 0x0F,

        /// <summary>R/W: arms a snapshot: the value is how many accepted pulses to skip first (0 = the next one); reads the skips still to go.</summary>
        SnapshotArm = 0x10,

        /// <summary>R: snapshot state (bits 1..0, <see cref="SnapshotState"/>), capture number (bits 15..8), samples held (bits 31..16).</summary>
        SnapshotStatus = 0x11,

        /// <summary>R: bits 47..32 of the TOA of the pulse held in the snapshot.</summary>
        SnapshotToaHigh = 0x12,

        /// <summary>R: bits 31..0 of the TOA of the pulse held in the snapshot.</summary>
        SnapshotToaLow = 0x13,

        /// <summary>Burst: pops up to MAX records from the FIFO (committed when the frame completes).</summary>
        FifoData = 0x40,

        /// <summary>Burst: sends the last committed FIFO block again, byte for byte, without popping anything.</summary>
        FifoRepeat = 0x41,

        /// <summary>Burst: the snapshot's 16-bit envelope samples; reading does not consume them.</summary>
        SnapshotData = 0x42,
    }
}
