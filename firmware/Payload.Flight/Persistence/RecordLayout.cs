using System;

namespace Payload.Flight.Persistence
{
    /// <summary>
    /// Where each record's two slots (A and B) live in non-volatile memory, computed at boot from a table of record
    /// identifiers and largest payload sizes, in table order from a base address.
    /// </summary>
    /// <remarks>
    /// Addresses follow from the table, so a new record must be appended at its end: reordering or resizing an entry moves
    /// the slots after it, and the records there read as absent (their header names another record or fails its CRC)
    /// until they are written again — never as another record's data.
    /// A slot is <see cref="HeaderLength"/> octets of header, the payload, then <see cref="CrcLength"/> octets of CRC.
    /// </remarks>
    public sealed class RecordLayout
    {
        /// <summary>Octets of slot header: magic (2), record id (2), generation (4), payload length (2).</summary>
        public const int HeaderLength = 10;

        /// <summary>Octets of CRC after the payload.</summary>
        public const int CrcLength = 2;

        /// <summary>Largest payload a record may declare (its length field is 16 bits).</summary>
        public const int MaxPayloadLength = 65535;

        private readonly ushort[] _ids;
        private readonly int[] _maxPayloadLengths;
        private readonly int[] _addresses;

        /// <summary>
        /// Lays out <paramref name="recordIds"/> from <paramref name="baseAddress"/>, each slot starting on a multiple of
        /// <paramref name="slotAlignment"/> (a flash sector, so that a board store that erases a sector never touches the other slot).
        /// </summary>
        public RecordLayout(int baseAddress, ushort[] recordIds, int[] maxPayloadLengths, int slotAlignment)
        {
            if (recordIds == null || maxPayloadLengths == null || recordIds.Length != maxPayloadLengths.Length)
                throw new ArgumentException("one largest payload length per record id");
            if (baseAddress < 0) throw new ArgumentOutOfRangeException(nameof(baseAddress));
            if (slotAlignment < 1) throw new ArgumentOutOfRangeException(nameof(slotAlignment));
            int count = recordIds.Length;
            _ids = new ushort[count];
            _maxPayloadLengths = new int[count];
            _addresses = new int[2 * count];
            int address = baseAddress;
            for (int i = 0; i < count; i++)
            {
                for (int j = 0; j < i; j++)
                {
                    if (_ids[j] == recordIds[i]) throw new ArgumentException("duplicate record id " + recordIds[i].ToString());
                }
                if (maxPayloadLengths[i] < 0 || maxPayloadLengths[i] > MaxPayloadLength)
                    throw new ArgumentOutOfRangeException(nameof(maxPayloadLengths));
                _ids[i] = recordIds[i];
                _maxPayloadLengths[i] = maxPayloadLengths[i];
                int slotLength = SlotLengthFor(maxPayloadLengths[i]);
                for (int slot = 0; slot < 2; slot++)
                {
                    address = AlignUp(address, slotAlignment);
                    _addresses[2 * i + slot] = address;
                    address += slotLength;
                    if (slotLength > LargestSlotLength) LargestSlotLength = slotLength;
                }
            }
            BaseAddress = baseAddress;
            EndAddress = address;
        }

        /// <summary>Number of records.</summary>
        public int Count { get { return _ids.Length; } }

        /// <summary>First octet used.</summary>
        public int BaseAddress { get; }

        /// <summary>First octet after the last slot: the store must hold at least this many octets.</summary>
        public int EndAddress { get; }

        /// <summary>Octets of the largest slot, the size of a scratch buffer that holds any slot image.</summary>
        public int LargestSlotLength { get; }

        /// <summary>Octets of a slot whose payload may reach <paramref name="maxPayloadLength"/>.</summary>
        public static int SlotLengthFor(int maxPayloadLength)
        {
            return HeaderLength + maxPayloadLength + CrcLength;
        }

        /// <summary>The position of a record in the table, or -1 when the identifier is not laid out.</summary>
        public int IndexOf(ushort recordId)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_ids[i] == recordId) return i;
            }
            return -1;
        }

        /// <summary>The record identifier at a position.</summary>
        public ushort IdAt(int index)
        {
            return _ids[index];
        }

        /// <summary>The largest payload of the record at a position.</summary>
        public int MaxPayloadLengthAt(int index)
        {
            return _maxPayloadLengths[index];
        }

        /// <summary>Address of slot 0 (A) or 1 (B) of the record at a position.</summary>
        public int SlotAddress(int index, int slot)
        {
            return _addresses[2 * index + slot];
        }

        private static int AlignUp(int address, int alignment)
        {
            int remainder = address % alignment;
            return remainder == 0 ? address : address + alignment - remainder;
        }
    }
}
