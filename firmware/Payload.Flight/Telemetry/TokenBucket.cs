using System;

namespace Payload.Flight.Telemetry
{
    /// <summary>A byte budget refilled at a fixed rate from elapsed time, capped above, that a release may overdraw by a bounded amount.</summary>
    /// <remarks>
    /// Integer arithmetic only: the fraction of a byte earned in a step is carried to the next one (in millionths of a
    /// byte), so the bytes granted from the first refill to any instant t are exactly floor(rate × elapsed) and never drift.
    /// Tokens reaching the cap drop that fraction, because a link that has gone idle starts afresh when it resumes.
    /// Releases are allowed while the tokens are above minus the overdraft, so after a release the tokens are at least
    /// -(overdraft + the released size): bytes released up to t never exceed rate × t + cap + overdraft + one release.
    /// </remarks>
    public sealed class TokenBucket
    {
        private const long MicrosecondsPerSecond = 1000000;

        private readonly long _bytesPerSecond;
        private readonly long _capacity;
        private readonly long _overdraft;
        private long _tokens;
        private long _fraction;
        private long _lastMicroseconds;
        private bool _started;

        /// <summary>Creates a full bucket (tokens at <paramref name="capacityBytes"/>) that earns <paramref name="bytesPerSecond"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The rate is not positive, or the capacity or overdraft is negative.</exception>
        public TokenBucket(long bytesPerSecond, long capacityBytes, long overdraftBytes)
        {
            if (bytesPerSecond <= 0) throw new ArgumentOutOfRangeException(nameof(bytesPerSecond));
            if (capacityBytes < 0) throw new ArgumentOutOfRangeException(nameof(capacityBytes));
            if (overdraftBytes < 0) throw new ArgumentOutOfRangeException(nameof(overdraftBytes));
            _bytesPerSecond = bytesPerSecond;
            _capacity = capacityBytes;
            _overdraft = overdraftBytes;
            _tokens = capacityBytes;
        }

        /// <summary>Bytes earned per second.</summary>
        public long BytesPerSecond { get { return _bytesPerSecond; } }

        /// <summary>Present tokens in bytes; negative while overdrawn.</summary>
        public long Tokens { get { return _tokens; } }

        /// <summary>How far below zero the tokens may be for a release to be allowed.</summary>
        public long Overdraft { get { return _overdraft; } }

        /// <summary>True while a release is allowed: the tokens are above minus the overdraft.</summary>
        public bool MayRelease { get { return _tokens > -_overdraft; } }

        /// <summary>Earns the bytes due since the previous refill; the first call only starts the clock.</summary>
        public void Refill(long nowMicroseconds)
        {
            if (!_started)
            {
                _started = true;
                _lastMicroseconds = nowMicroseconds;
                return;
            }

            long elapsed = nowMicroseconds - _lastMicroseconds;
            if (elapsed <= 0)
            {
                return;
            }

            _lastMicroseconds = nowMicroseconds;
            // Whole seconds apart so that rate × elapsed cannot overflow however long the gap.
            long seconds = elapsed / MicrosecondsPerSecond;
            long credit = ((elapsed - (seconds * MicrosecondsPerSecond)) * _bytesPerSecond) + _fraction;
            long whole = credit / MicrosecondsPerSecond;
            _fraction = credit - (whole * MicrosecondsPerSecond);
            long earned = (seconds * _bytesPerSecond) + whole;
            if (earned >= _capacity - _tokens)
            {
                _tokens = _capacity;
                _fraction = 0;
                return;
            }

            _tokens += earned;
        }

        /// <summary>Takes <paramref name="bytes"/> for a release (the caller checked <see cref="MayRelease"/>).</summary>
        public void Spend(int bytes)
        {
            _tokens -= bytes;
        }
    }
}
