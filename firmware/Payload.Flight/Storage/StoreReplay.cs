using Payload.Flight.Telemetry;

namespace Payload.Flight.Storage
{
    /// <summary>
    /// One replay of the packet store: walks the records held when it started, in storage order, and queues those in
    /// its range, unchanged, into the Bulk class, as fast as that queue has room — so the arbiter paces it behind
    /// urgent and routine telemetry and nothing is copied but into the queue's slot.
    /// </summary>
    /// <remarks>
    /// Packets stored after the start are not part of the replay (a store-always class would otherwise feed it for
    /// ever). Packets overwritten or deleted before the cursor reached them are skipped; the store has counted them.
    /// Each step examines at most a given number of records, so a sparse range over a large store costs a bounded
    /// amount of time per frame.
    /// </remarks>
    public sealed class StoreReplay
    {
        private readonly PacketStore _store;
        private readonly IDownlinkQueue _downlink;
        private long _cursor;
        private long _end;
        private bool _bySequence;
        private long _from;
        private long _to;

        /// <summary>Creates an idle replay of <paramref name="store"/> into <paramref name="downlink"/>.</summary>
        public StoreReplay(PacketStore store, IDownlinkQueue downlink)
        {
            _store = store;
            _downlink = downlink;
        }

        /// <summary>True from a start until every record in the range has been queued or skipped.</summary>
        public bool IsActive { get; private set; }

        /// <summary>Packets queued by the present (or last) replay.</summary>
        public long Queued { get; private set; }

        /// <summary>Starts a replay of the packets stamped from <paramref name="fromMicroseconds"/> to <paramref name="toMicroseconds"/> inclusive (mission time).</summary>
        public void StartByTime(long fromMicroseconds, long toMicroseconds)
        {
            Start(false, fromMicroseconds, toMicroseconds);
        }

        /// <summary>Starts a replay of the packets whose sequence count runs from <paramref name="from"/> to <paramref name="to"/>, wrapping past 16383 when from is above to.</summary>
        public void StartBySequence(int from, int to)
        {
            Start(true, from, to);
        }

        /// <summary>Queues matching packets until the Bulk queue is full or <paramref name="scanBudget"/> records have been examined.</summary>
        public void Step(int scanBudget)
        {
            int scanned = 0;
            while (IsActive && scanned < scanBudget)
            {
                if (_cursor < _store.FirstRecord)
                {
                    _cursor = _store.FirstRecord;
                }

                if (_cursor >= _end)
                {
                    IsActive = false;
                    break;
                }

                if (Matches(_cursor))
                {
                    if (!_downlink.TryQueuePacket(TelemetryClass.Bulk, _store.Data, _store.OffsetOf(_cursor), _store.LengthOf(_cursor)))
                    {
                        break;
                    }

                    Queued++;
                }

                _cursor++;
                scanned++;
            }
        }

        /// <summary>Abandons the replay (its command timed out or was aborted).</summary>
        public void Cancel()
        {
            IsActive = false;
        }

        private void Start(bool bySequence, long from, long to)
        {
            _bySequence = bySequence;
            _from = from;
            _to = to;
            _cursor = _store.FirstRecord;
            _end = _store.NextRecord;
            Queued = 0;
            IsActive = true;
        }

        private bool Matches(long record)
        {
            long key = _bySequence ? _store.SequenceCountOf(record) : _store.MissionMicrosecondsOf(record);
            if (_from <= _to)
            {
                return key >= _from && key <= _to;
            }

            // Only sequence ranges wrap; the service refuses time ranges that run backwards.
            return key >= _from || key <= _to;
        }
    }
}
