namespace Payload.Flight.Dictionary
{
    /// <summary>Wire type of a command argument, telemetry parameter or event argument (big-endian on the link).</summary>
    public enum DataType : byte
    {
        /// <summary>One octet, 0 or 1.</summary>
        Boolean = 0,
        /// <summary>Unsigned 8-bit integer.</summary>
        UInt8 = 1,
        /// <summary>Unsigned 16-bit integer.</summary>
        UInt16 = 2,
        /// <summary>Unsigned 32-bit integer.</summary>
        UInt32 = 3,
        /// <summary>Signed 8-bit integer.</summary>
        Int8 = 4,
        /// <summary>Signed 16-bit integer.</summary>
        Int16 = 5,
        /// <summary>Signed 32-bit integer.</summary>
        Int32 = 6,
        /// <summary>Variable-length octets whose length is given by the preceding argument (command arguments only).</summary>
        Bytes = 7,
    }
}
