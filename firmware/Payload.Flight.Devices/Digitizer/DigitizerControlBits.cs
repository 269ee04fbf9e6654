using System;

namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>Bits of the CONTROL register (<see cref="DigitizerRegister.Control"/>).</summary>
    /// <remarks>
    /// <para><b>Enable</b> (bit 0): the capture core records pulses into the FIFO. Clear at reset, so a chip that reset
    /// itself stops producing records until the driver configures it again (and STATUS.ResetOccurred says why).</para>
    /// <para><b>DrdyEnable</b> (bit 1): the chip drives DRDY; while clear DRDY is released (high) whatever the FIFO holds.</para>
    /// <para><b>Flush</b> (bit 2, self-clearing): empties the FIFO and the repeat buffer; the records emptied are counted
    /// in LOST_COUNT, so a flush is never silent.</para>
    /// <para><b>ClearCounters</b> (bit 3, self-clearing): zeroes OVERFLOW_COUNT, LOST_COUNT, PULSE_COUNT, REJECT_COUNT
    /// and COMMAND_ERRORS.</para>
    /// Bits 31..4 are reserved: written as 0, read as 0.
    /// </remarks>
    [Flags]
    public enum DigitizerControlBits : byte
    {
        /// <summary>No bit set: capture stopped, DRDY released.</summary>
        None = 0x00,

        /// <summary>Record pulses into the FIFO.</summary>
        Enable = 0x01,

        /// <summary>Drive the DRDY line.</summary>
        DrdyEnable = 0x02,

        /// <summary>Self-clearing: empty the FIFO and the repeat buffer (counted in LOST_COUNT).</summary>
        Flush = 0x04,

        /// <summary>Self-clearing: zero the event counters.</summary>
        ClearCounters = 0x08,
    }
}
