namespace Payload.Flight.Dictionary
{
    /// <summary>Sizes, ranges and big-endian encoding of <see cref="DataType"/> values, shared by commands, telemetry and events.</summary>
    public static class DataTypes
    {
        /// <summary>Encoded size in octets; 0 for <see cref="DataType.Bytes"/>, whose size is carried by another argument.</summary>
        public static int SizeOf(DataType type)
        {
            switch (type)
            {
                case DataType.Boolean:
                case DataType.UInt8:
                case DataType.Int8:
                    return 1;
                case DataType.UInt16:
                case DataType.Int16:
                    return 2;
                case DataType.UInt32:
                case DataType.Int32:
                    return 4;
                default:
                    return 0;
            }
        }

        /// <summary>Smallest value the type can carry.</summary>
        public static long MinimumOf(DataType type)
        {
            switch (type)
            {
                case DataType.Int8: return -128;
                case DataType.Int16: return -32768;
                case DataType.Int32: return -2147483648L;
                default: return 0;
            }
        }

        /// <summary>Largest value the type can carry.</summary>
        public static long MaximumOf(DataType type)
        {
            switch (type)
            {
                case DataType.Boolean: return 1;
                case DataType.UInt8: return 255;
                case DataType.Int8: return 127;
                case DataType.UInt16: return 65535;
                case DataType.Int16: return 32767;
                case DataType.UInt32: return 4294967295L;
                case DataType.Int32: return 2147483647L;
                default: return 0;
            }
        }

        /// <summary>True for the signed integer types.</summary>
        public static bool IsSigned(DataType type)
        {
            return type == DataType.Int8 || type == DataType.Int16 || type == DataType.Int32;
        }

        /// <summary>Writes <paramref name="value"/> big-endian in the type's size; returns the octets written.</summary>
        public static int Write(DataType type, long value, byte[] buffer, int offset)
        {
            int size = SizeOf(type);
            for (int i = size - 1; i >= 0; i--)
            {
                buffer[offset + i] = (byte)value;
                value >>= 8;
            }
            return size;
        }

        /// <summary>Reads a big-endian value of the type's size, sign-extending the signed types.</summary>
        public static long Read(DataType type, byte[] buffer, int offset)
        {
            int size = SizeOf(type);
            long value = 0;
            for (int i = 0; i < size; i++)
            {
                value = (value << 8) | buffer[offset + i];
            }
            if (IsSigned(type) && size > 0)
            {
                int shift = 64 - 8 * size;
                value = (value << shift) >> shift;
            }
            return value;
        }
    }
}
