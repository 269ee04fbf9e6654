using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;

namespace Payload.Benchmarks.Acquisition;

/// <summary>Sits between the flight driver and the chip model on SPI and keeps a copy of every FIFO_DATA burst response.</summary>
internal sealed class BurstRecorder(ISpiDevice chip) : ISpiDevice
{
    /// <summary>The FIFO_DATA responses in the order the chip gave them.</summary>
    public List<byte[]> Bursts { get; } = [];

    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        chip.TransferFullDuplex(writeBuffer, writeOffset, readBuffer, readOffset, count);
        if (count > DigitizerFrame.AddressOffset
            && writeBuffer[writeOffset + DigitizerFrame.CommandOffset] == (byte)DigitizerCommand.Burst
            && writeBuffer[writeOffset + DigitizerFrame.AddressOffset] == (byte)DigitizerRegister.FifoData)
        {
            Bursts.Add(readBuffer.AsSpan(readOffset, count).ToArray());
        }
    }
}
