namespace Payload.Flight.Hardware
{
    /// <summary>Byte-addressed non-volatile memory (a flash partition on the ESP32) that keeps its content across resets.</summary>
    /// <remarks>A write may be cut by a power loss after any byte: the record store above it is built to survive that.</remarks>
    public interface INonVolatileStore
    {
        /// <summary>Size of the store in bytes.</summary>
        int Capacity { get; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="address"/>.</summary>
        void Read(int address, byte[] buffer, int offset, int count);

        /// <summary>Writes <paramref name="count"/> bytes at <paramref name="address"/>, byte by byte in ascending order.</summary>
        void Write(int address, byte[] buffer, int offset, int count);
    }
}
