using Payload.Flight.Verification;

namespace Payload.Flight.Commanding
{
    /// <summary>A bounded FIFO of accepted commands over a fixed pool of contexts, so queueing never allocates.</summary>
    public sealed class CommandQueue
    {
        private readonly CommandContext[] _free;
        private int _freeCount;
        private readonly CommandContext[] _fifo;
        private int _head;
        private int _count;

        /// <summary>Creates a queue of <paramref name="capacity"/> waiting commands over a pool that also covers <paramref name="maxRunning"/> running ones and one being received.</summary>
        public CommandQueue(int capacity, int maxRunning, VerificationReporter verification)
        {
            _fifo = new CommandContext[capacity];
            _free = new CommandContext[capacity + maxRunning + 1];
            for (int i = 0; i < _free.Length; i++)
            {
                _free[i] = new CommandContext(verification);
            }
            _freeCount = _free.Length;
        }

        /// <summary>Commands waiting to be dispatched.</summary>
        public int Count { get { return _count; } }

        /// <summary>Most commands that may wait.</summary>
        public int Capacity { get { return _fifo.Length; } }

        /// <summary>A free context to receive into, or null when every one is in use.</summary>
        public CommandContext Rent()
        {
            if (_freeCount == 0) return null;
            _freeCount--;
            CommandContext context = _free[_freeCount];
            _free[_freeCount] = null;
            return context;
        }

        /// <summary>Returns a context whose command has completed or was rejected.</summary>
        public void Return(CommandContext context)
        {
            _free[_freeCount++] = context;
        }

        /// <summary>Appends an accepted command; false when the queue is full (the caller still owns the context).</summary>
        public bool TryEnqueue(CommandContext context)
        {
            if (_count == _fifo.Length) return false;
            _fifo[(_head + _count) % _fifo.Length] = context;
            _count++;
            return true;
        }

        /// <summary>The oldest waiting command, or null.</summary>
        public CommandContext Dequeue()
        {
            if (_count == 0) return null;
            CommandContext context = _fifo[_head];
            _fifo[_head] = null;
            _head = (_head + 1) % _fifo.Length;
            _count--;
            return context;
        }
    }
}
