namespace Payload.Flight.Hardware
{
    /// <summary>One chip on an SPI bus, selected by its own chip-select line.</summary>
    public interface ISpiDevice
    {
        /// <summary>Clocks <paramref name="count"/> bytes out of <paramref name="writeBuffer"/> while reading as many into <paramref name="readBuffer"/>, in one transfer with chip select held.</summary>
        void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count);
    }
}
