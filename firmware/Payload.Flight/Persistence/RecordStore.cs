using System;
using Payload.Flight.Dictionary;
using Payload.Flight.Events;
using Payload.Flight.Hardware;
using Payload.Flight.Parameters;
using Payload.Flight.Protocol;

namespace Payload.Flight.Persistence
{
    /// <summary>
    /// Double-buffered records with a CRC on non-volatile memory: a write goes to the slot that does not hold the newest
    /// valid copy, so a power cut at any octet leaves either the old or the new value readable, never garbage.
    /// </summary>
    /// <remarks>
    /// A slot is: magic (2 octets, <see cref="Magic"/>), record id (2), generation (4), payload length (2), payload, then the
    /// CRC-16/CCITT-FALSE of all of those. A write (1) sets the first magic octet to <see cref="Invalidated"/>, (2) writes
    /// the rest of the slot in ascending order, (3) writes the first magic octet last, as the commit. Until step 3 lands the
    /// target slot cannot read as valid whatever the CRC happens to be, and the other slot is never touched, so the outcome
    /// of a cut does not rest on the 1-in-65536 odds of the CRC. Generations are u32 compared by serial-number arithmetic
    /// (the two slots always hold neighbouring generations), so the counter may wrap.
    /// Every slot is scanned when the store is created (at boot); reads re-check the CRC and fall back to the other slot
    /// when the newest has gone bad since. Reads and writes use one scratch buffer allocated here and allocate nothing.
    /// </remarks>
    public sealed class RecordStore
    {
        /// <summary>Record writes since boot.</summary>
        public const ushort WritesParameter = 750;
        /// <summary>Slots found corrupt (bad magic, header or CRC) by the boot scan.</summary>
        public const ushort CorruptSlotsParameter = 751;
        /// <summary>Slots found with a write cut short by a reset (invalidated, never committed) by the boot scan.</summary>
        public const ushort InterruptedWritesParameter = 752;
        /// <summary>Writes whose read-back did not verify.</summary>
        public const ushort WriteFailuresParameter = 753;
        /// <summary>Reads that found the newest slot gone bad since boot.</summary>
        public const ushort ReadFailuresParameter = 754;
        /// <summary>The boot scan found a corrupt slot.</summary>
        public const ushort CorruptSlotEvent = 750;
        /// <summary>A record write did not verify; the previous value is kept.</summary>
        public const ushort WriteFailedEvent = 751;

        /// <summary>The magic that opens a committed slot (first octet 0xA5, second 0xC3).</summary>
        public const ushort Magic = 0xA5C3;

        /// <summary>First octet of a slot whose write has begun but not been committed.</summary>
        public const byte Invalidated = 0x00;

        private const int Blank = 0;
        private const int Interrupted = 1;
        private const int Corrupt = 2;
        private const int Valid = 3;

        private readonly INonVolatileStore _store;
        private readonly RecordLayout _layout;
        private readonly IEventSink _events;
        private readonly ParameterTable _parameters;
        private readonly byte[] _scratch;
        private readonly byte[] _marker = new byte[1];
        private readonly int[] _newestSlot;
        private readonly long[] _newestGeneration;
        private long _examinedGeneration;
        private int _examinedLength;

        /// <summary>
        /// Opens the records of <paramref name="layout"/> on <paramref name="store"/> and scans every slot.
        /// <paramref name="events"/> and <paramref name="parameters"/> may be null (nothing is then reported).
        /// </summary>
        public RecordStore(INonVolatileStore store, RecordLayout layout, IEventSink events, ParameterTable parameters)
        {
            if (store == null) throw new ArgumentNullException(nameof(store));
            if (layout == null) throw new ArgumentNullException(nameof(layout));
            if (layout.EndAddress > store.Capacity) throw new ArgumentException("the record layout does not fit the store");
            _store = store;
            _layout = layout;
            _events = events;
            _parameters = parameters;
            _scratch = new byte[layout.LargestSlotLength];
            _newestSlot = new int[layout.Count];
            _newestGeneration = new long[layout.Count];
            for (int r = 0; r < layout.Count; r++)
            {
                Scan(r, true);
            }
            Publish();
        }

        /// <summary>Adds the store's parameters and events.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(WritesParameter, "persist.writes", DataType.UInt32, "", "Record writes since boot"));
            var corrupt = new ParameterDefinition(CorruptSlotsParameter, "persist.corrupt_slots", DataType.UInt16, "", "Corrupt record slots found at boot");
            corrupt.HighLimit = 0;
            dictionary.Add(corrupt);
            dictionary.Add(new ParameterDefinition(InterruptedWritesParameter, "persist.interrupted_writes", DataType.UInt16, "",
                "Record writes found cut short by a reset at boot"));
            var writeFailures = new ParameterDefinition(WriteFailuresParameter, "persist.write_failures", DataType.UInt32, "", "Record writes that did not verify");
            writeFailures.HighLimit = 0;
            dictionary.Add(writeFailures);
            var readFailures = new ParameterDefinition(ReadFailuresParameter, "persist.read_failures", DataType.UInt32, "", "Reads that found the newest slot gone bad since boot");
            readFailures.HighLimit = 0;
            dictionary.Add(readFailures);
            var record = new ArgumentDefinition("record", DataType.UInt16, "", "Record id");
            dictionary.Add(new EventDefinition(CorruptSlotEvent, "PERSIST_SLOT_CORRUPT", Severity.Low,
                "A record slot failed its check at boot; the other slot is used", new ArgumentDefinition[] {
                    record, new ArgumentDefinition("slot", DataType.UInt8, "", 0, 1, "0 = A, 1 = B") }));
            dictionary.Add(new EventDefinition(WriteFailedEvent, "PERSIST_WRITE_FAILED", Severity.Medium,
                "A record write did not read back correctly; the previous value is kept", new ArgumentDefinition[] { record }));
        }

        /// <summary>The slot layout.</summary>
        public RecordLayout Layout { get { return _layout; } }

        /// <summary>Record writes since boot.</summary>
        public long Writes { get; private set; }

        /// <summary>Corrupt slots (bad magic, header or CRC) seen by the boot scan.</summary>
        public int CorruptSlotsAtBoot { get; private set; }

        /// <summary>Slots seen by the boot scan with a write that was cut before its commit.</summary>
        public int InterruptedWritesAtBoot { get; private set; }

        /// <summary>Writes whose read-back did not verify.</summary>
        public long WriteFailures { get; private set; }

        /// <summary>Reads that found the newest slot gone bad since boot.</summary>
        public long ReadFailures { get; private set; }

        /// <summary>True when the record has a readable value.</summary>
        public bool Contains(ushort recordId)
        {
            return _newestSlot[RequireIndex(recordId)] >= 0;
        }

        /// <summary>Generation of the newest readable value, or -1 when the record has none.</summary>
        public long GenerationOf(ushort recordId)
        {
            int r = RequireIndex(recordId);
            return _newestSlot[r] < 0 ? -1 : _newestGeneration[r];
        }

        /// <summary>Slot (0 = A, 1 = B) of the newest readable value, or -1 when the record has none.</summary>
        public int NewestSlotOf(ushort recordId)
        {
            return _newestSlot[RequireIndex(recordId)];
        }

        /// <summary>
        /// Copies the newest valid payload of a record into <paramref name="buffer"/> at <paramref name="offset"/>;
        /// returns its length, or -1 when the record has no readable value (defaults apply).
        /// </summary>
        /// <exception cref="ArgumentException">The buffer cannot hold the record's largest payload, or the record is not laid out.</exception>
        public int Read(ushort recordId, byte[] buffer, int offset, int capacity)
        {
            int r = RequireIndex(recordId);
            if (buffer == null || offset < 0 || capacity < _layout.MaxPayloadLengthAt(r) || capacity > buffer.Length - offset)
                throw new ArgumentException("the buffer cannot hold the record's largest payload");
            // At most two tries: the newest slot, then the other one if the newest has gone bad since it was checked.
            for (int attempt = 0; attempt < 2; attempt++)
            {
                int slot = _newestSlot[r];
                if (slot < 0) return -1;
                if (Examine(r, slot) == Valid && _examinedGeneration == _newestGeneration[r])
                {
                    Array.Copy(_scratch, RecordLayout.HeaderLength, buffer, offset, _examinedLength);
                    return _examinedLength;
                }
                ReadFailures++;
                Publish();
                Scan(r, false);
            }
            return -1;
        }

        /// <summary>
        /// Writes a new value of a record into the slot that does not hold the newest one, with the next generation, and
        /// reads it back; returns false (the previous value stays the readable one) when the read-back does not verify.
        /// </summary>
        /// <exception cref="ArgumentException">The payload is longer than the record's largest, or the record is not laid out.</exception>
        public bool Write(ushort recordId, byte[] payload, int offset, int count)
        {
            int r = RequireIndex(recordId);
            if (payload == null || offset < 0 || count < 0 || count > payload.Length - offset || count > _layout.MaxPayloadLengthAt(r))
                throw new ArgumentException("the payload does not fit the record");
            int newest = _newestSlot[r];
            int target = newest == 0 ? 1 : 0;
            long generation = newest < 0 ? 1 : (_newestGeneration[r] + 1) & 0xFFFFFFFFL;

            byte[] image = _scratch;
            BigEndian.WriteUInt16(image, 0, Magic);
            BigEndian.WriteUInt16(image, 2, recordId);
            BigEndian.WriteUInt32(image, 4, generation);
            BigEndian.WriteUInt16(image, 8, count);
            Array.Copy(payload, offset, image, RecordLayout.HeaderLength, count);
            int crcOffset = RecordLayout.HeaderLength + count;
            BigEndian.WriteUInt16(image, crcOffset, Crc16Ccitt.Compute(image, 0, crcOffset));
            int length = crcOffset + RecordLayout.CrcLength;

            int address = _layout.SlotAddress(r, target);
            _marker[0] = Invalidated;
            _store.Write(address, _marker, 0, 1);
            _store.Write(address + 1, image, 1, length - 1);
            _store.Write(address, image, 0, 1);
            Writes++;

            bool verified = Examine(r, target) == Valid && _examinedGeneration == generation && _examinedLength == count;
            if (verified)
            {
                _newestSlot[r] = target;
                _newestGeneration[r] = generation;
            }
            else
            {
                WriteFailures++;
                if (_events != null) _events.Raise(WriteFailedEvent, recordId);
            }
            Publish();
            return verified;
        }

        private void Scan(int r, bool atBoot)
        {
            _newestSlot[r] = -1;
            for (int slot = 0; slot < 2; slot++)
            {
                int condition = Examine(r, slot);
                if (condition == Valid)
                {
                    if (_newestSlot[r] < 0 || IsNewer(_examinedGeneration, _newestGeneration[r]))
                    {
                        _newestSlot[r] = slot;
                        _newestGeneration[r] = _examinedGeneration;
                    }
                }
                else if (atBoot && condition == Interrupted)
                {
                    InterruptedWritesAtBoot++;
                }
                else if (atBoot && condition == Corrupt)
                {
                    CorruptSlotsAtBoot++;
                    if (_events != null) _events.Raise(CorruptSlotEvent, _layout.IdAt(r), slot);
                }
            }
        }

        /// <summary>Reads a slot into the scratch buffer and classifies it; a valid slot's generation and length are left in fields.</summary>
        private int Examine(int r, int slot)
        {
            byte[] image = _scratch;
            int address = _layout.SlotAddress(r, slot);
            _store.Read(address, image, 0, RecordLayout.HeaderLength);
            if (image[0] == 0xFF && image[1] == 0xFF) return Blank;
            if (image[0] == Invalidated) return Interrupted;
            if (BigEndian.ReadUInt16(image, 0) != Magic || BigEndian.ReadUInt16(image, 2) != _layout.IdAt(r)) return Corrupt;
            int length = BigEndian.ReadUInt16(image, 8);
            if (length > _layout.MaxPayloadLengthAt(r)) return Corrupt;
            int crcOffset = RecordLayout.HeaderLength + length;
            _store.Read(address + RecordLayout.HeaderLength, image, RecordLayout.HeaderLength, length + RecordLayout.CrcLength);
            if (BigEndian.ReadUInt16(image, crcOffset) != Crc16Ccitt.Compute(image, 0, crcOffset)) return Corrupt;
            _examinedGeneration = BigEndian.ReadUInt32(image, 4);
            _examinedLength = length;
            return Valid;
        }

        /// <summary>Serial-number comparison of u32 generations (RFC 1982), so the counter may wrap.</summary>
        private static bool IsNewer(long candidate, long reference)
        {
            long distance = (candidate - reference) & 0xFFFFFFFFL;
            return distance != 0 && distance < 0x80000000L;
        }

        private int RequireIndex(ushort recordId)
        {
            int r = _layout.IndexOf(recordId);
            if (r < 0) throw new ArgumentException("record " + recordId.ToString() + " is not laid out");
            return r;
        }

        private void Publish()
        {
            if (_parameters == null) return;
            _parameters.Set(WritesParameter, Writes);
            _parameters.Set(CorruptSlotsParameter, CorruptSlotsAtBoot);
            _parameters.Set(InterruptedWritesParameter, InterruptedWritesAtBoot);
            _parameters.Set(WriteFailuresParameter, WriteFailures);
            _parameters.Set(ReadFailuresParameter, ReadFailures);
        }
    }
}
