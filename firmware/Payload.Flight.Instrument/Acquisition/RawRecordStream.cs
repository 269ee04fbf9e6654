using System;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Every Nth pulse record of a pass on its way to the ground: a pre-allocated backlog cut into raw-records messages.</summary>
    /// <remarks>
    /// <para>Why a backlog and chunks rather than a copy of the whole pass: the record ring is reused as soon as the pass
    /// has read it, so raw records need their own storage, and the ST[13] sender copies each message it starts. A copy of
    /// the largest pass (50 000 records, 600 KB) plus the sender's copy of it would cost 1.2 MB of PSRAM; chunks of
    /// <see cref="ChunkRecords"/> that go down during the pass cost the backlog (capacity × 12 octets, 192 KiB by default)
    /// plus one chunk in the sender. The link drains the backlog while the pass runs (115 200 baud: about 950 records/s),
    /// so it holds what the link is behind by; at decimation 1 a 1650 Hz NISAR pass peaks near 7 000 records.</para>
    /// <para>Nothing is lost silently: a record the full backlog refuses is counted in <see cref="Dropped"/>, which each
    /// chunk header and the products trailer carry. A decimation of 0 keeps nothing and sends no message.</para>
    /// </remarks>
    public sealed class RawRecordStream
    {
        private readonly PulseRecordRing _backlog;
        private readonly int _chunkRecords;
        private int _passNumber;
        private int _decimation;
        private long _ordinal;
        private long _kept;
        private long _dropped;
        private int _chunks;
        private bool _active;
        private bool _finishing;
        private bool _finished = true;

        /// <summary>Creates an idle stream with a backlog of <paramref name="capacityRecords"/> records (a power of two) cut into chunks of <paramref name="chunkRecords"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The chunk is not 1..capacity records, or the capacity is not a power of two.</exception>
        public RawRecordStream(int capacityRecords, int chunkRecords)
        {
            if (chunkRecords < 1 || chunkRecords > capacityRecords || chunkRecords > 0xFFFF)
            {
                throw new ArgumentOutOfRangeException(nameof(chunkRecords));
            }

            _backlog = new PulseRecordRing(capacityRecords);
            _chunkRecords = chunkRecords;
        }

        /// <summary>Records per full chunk.</summary>
        public int ChunkRecords { get { return _chunkRecords; } }

        /// <summary>Octets of the longest message <see cref="TryTakeChunk"/> writes.</summary>
        public int MaxChunkLength { get { return AcquisitionMessage.RawLength(_chunkRecords); } }

        /// <summary>Records waiting in the backlog.</summary>
        public int Queued { get { return _backlog.Count; } }

        /// <summary>Records kept for the ground in the present or last pass.</summary>
        public long Kept { get { return _kept; } }

        /// <summary>Records the full backlog refused in the present or last pass.</summary>
        public long Dropped { get { return _dropped; } }

        /// <summary>Chunks taken in the present or last pass.</summary>
        public int Chunks { get { return _chunks; } }

        /// <summary>The decimation of the present or last pass (0: no raw records).</summary>
        public int Decimation { get { return _decimation; } }

        /// <summary>True when the pass's last chunk has been taken, or there is none to take.</summary>
        public bool IsFinished { get { return _finished; } }

        /// <summary>Starts the raw records of pass <paramref name="passNumber"/>, keeping every <paramref name="decimation"/>-th record (0: none).</summary>
        public void Begin(int passNumber, int decimation)
        {
            _backlog.Discard(_backlog.Count);
            _passNumber = passNumber;
            _decimation = decimation < 0 ? 0 : decimation;
            _ordinal = 0;
            _kept = 0;
            _dropped = 0;
            _chunks = 0;
            _active = _decimation > 0;
            _finishing = false;
            _finished = !_active;
        }

        /// <summary>Offers the pass's next record (at <paramref name="offset"/>, PulseRecord layout); kept when its ordinal is a multiple of the decimation.</summary>
        public void Offer(byte[] buffer, int offset)
        {
            if (!_active || _finishing)
            {
                return;
            }

            if (_ordinal % _decimation == 0)
            {
                if (_backlog.Append(buffer, offset, 1) == 1)
                {
                    _kept++;
                }
                else
                {
                    _dropped++;
                }
            }

            _ordinal++;
        }

        /// <summary>The pass ended: what is left goes down, in a last chunk that may be short or empty.</summary>
        public void Finish()
        {
            if (_active)
            {
                _finishing = true;
            }
        }

        /// <summary>Forgets the backlog and sends nothing more of this pass (ACQ_RESET).</summary>
        public void Cancel()
        {
            _backlog.Discard(_backlog.Count);
            _active = false;
            _finishing = false;
            _finished = true;
        }

        /// <summary>Writes the next chunk, if one is due, into <paramref name="message"/> at <paramref name="offset"/> and returns its length; 0 when none is due.</summary>
        /// <remarks>During the pass a chunk is due when a full one is waiting; after <see cref="Finish"/> the rest is due, then the last (flagged) chunk.</remarks>
        public int TryTakeChunk(byte[] message, int offset)
        {
            if (!_active || _finished)
            {
                return 0;
            }

            int count = _backlog.Count;
            if (count >= _chunkRecords)
            {
                count = _chunkRecords;
            }
            else if (!_finishing)
            {
                return 0;
            }

            bool last = _finishing && _backlog.Count == count;
            AcquisitionMessage.WriteHeader(message, offset, AcquisitionMessage.RawRecordsKind, _passNumber);
            BigEndian.WriteUInt16(message, offset + 4, _chunks);
            BigEndian.WriteUInt16(message, offset + 6, _decimation);
            message[offset + 8] = last ? AcquisitionMessage.LastChunkFlag : (byte)0;
            message[offset + 9] = 0;
            BigEndian.WriteUInt16(message, offset + 10, count);
            BigEndian.WriteUInt32(message, offset + 12, AcquisitionMessage.ClampU32(_dropped));
            _backlog.Read(message, offset + AcquisitionMessage.RawHeaderLength, count);
            _chunks++;
            if (last)
            {
                _finished = true;
            }

            return AcquisitionMessage.RawLength(count);
        }
    }
}
