namespace Payload.Flight.Protocol
{
    /// <summary>Big-endian (network order) integer access on byte arrays: the one place the wire byte order lives.</summary>
    /// <remarks>
    /// These are raw accessors for code that has already checked the remaining length: they do no range checks
    /// of their own (an index outside the array fails in the runtime) and write only the low bits of the value.
    /// Values are int/long based because nanoFramework code is cheaper and clearer without unsigned juggling.
    /// </remarks>
    public static class BigEndian
    {
        /// <summary>Writes the low 16 bits of <paramref name="value"/> at <paramref name="offset"/>, most significant octet first.</summary>
        public static void WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)(value >> 8);
            buffer[offset + 1] = (byte)value;
        }

        /// <summary>Reads an unsigned 16-bit value (0..65535) stored most significant octet first.</summary>
        public static int ReadUInt16(byte[] buffer, int offset)
        {
            return (buffer[offset] << 8) | buffer[offset + 1];
        }

        /// <summary>Writes the low 32 bits of <paramref name="value"/> at <paramref name="offset"/>, most significant octet first.</summary>
        public static void WriteUInt32(byte[] buffer, int offset, long value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }

        /// <summary>Reads an unsigned 32-bit value (0..4294967295) stored most significant octet first.</summary>
        public static long ReadUInt32(byte[] buffer, int offset)
        {
            // Assemble in int (cheap on the interpreter) and widen once; the mask undoes sign extension.
            int value = (buffer[offset] << 24) | (buffer[offset + 1] << 16) | (buffer[offset + 2] << 8) | buffer[offset + 3];
            return value & 0xFFFFFFFFL;
        }

        /// <summary>Writes the low 48 bits of <paramref name="value"/> at <paramref name="offset"/>, most significant octet first.</summary>
        public static void WriteUInt48(byte[] buffer, int offset, long value)
        {
            WriteUInt16(buffer, offset, (int)(value >> 32));
            WriteUInt32(buffer, offset + 2, value);
        }

        /// <summary>Reads an unsigned 48-bit value (0..2^48-1) stored most significant octet first.</summary>
        public static long ReadUInt48(byte[] buffer, int offset)
        {
            return ((long)ReadUInt16(buffer, offset) << 32) | ReadUInt32(buffer, offset + 2);
        }
    }
}
