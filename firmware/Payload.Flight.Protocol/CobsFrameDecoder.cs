using System;

namespace Payload.Flight.Protocol
{
    /// <summary>Streaming COBS frame decoder: takes link octets in any chunking and hands each complete frame to an <see cref="IFrameSink"/>.</summary>
    /// <remarks>
    /// Decodes on the fly into one buffer allocated by the constructor; <see cref="Push"/> allocates nothing.
    /// Every 0x00 ends the frame in progress, so after garbage, a truncated frame or an oversize frame the decoder
    /// is back in step at the next delimiter. It starts (and restarts after <see cref="Reset"/>) as if a delimiter had
    /// just been seen. Garbage that happens to be valid COBS is delivered like any frame: rejecting it is the
    /// packet layer's job (header checks and CRC). A frame truncated without its delimiter runs into the next frame,
    /// and both are lost unless the sender also puts a delimiter before each frame; empty frames are ignored for
    /// that reason (see <see cref="FrameDiscardReason.Empty"/>).
    /// Never throws on any octet content. Not thread-safe: one link thread pushes.
    /// </remarks>
    public sealed class CobsFrameDecoder
    {
        private readonly IFrameSink _sink;
        private readonly byte[] _frame;
        private readonly int _maxFrameLength;

        private int _length;          // decoded octets of the frame in progress
        private int _encodedLength;   // encoded octets of the frame in progress (for BytesDiscarded)
        private int _code;            // code octet of the current block; 0 before the first block of a frame
        private int _blockRemaining;  // data octets still due in the current block
        private bool _skipping;       // an oversize frame is being skipped up to the next delimiter

        private long _framesDelivered;
        private long _oversize;
        private long _malformed;
        private long _empty;
        private long _truncated;
        private long _bytesDiscarded;

        /// <summary>Creates a decoder that delivers frames of up to <paramref name="maxFrameLength"/> decoded octets to <paramref name="sink"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxFrameLength"/> is less than 1.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="sink"/> is null.</exception>
        public CobsFrameDecoder(int maxFrameLength, IFrameSink sink)
        {
            if (maxFrameLength < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(maxFrameLength));
            }

            if (sink == null)
            {
                throw new ArgumentNullException(nameof(sink));
            }

            _maxFrameLength = maxFrameLength;
            _sink = sink;
            _frame = new byte[maxFrameLength];
        }

        /// <summary>The largest decoded frame delivered; longer frames are discarded as <see cref="FrameDiscardReason.Oversize"/>.</summary>
        public int MaxFrameLength
        {
            get { return _maxFrameLength; }
        }

        /// <summary>Frames handed to the sink since construction or <see cref="Reset"/>.</summary>
        public long FramesDelivered
        {
            get { return _framesDelivered; }
        }

        /// <summary>Encoded octets (delimiters excluded) of frames discarded as oversize, malformed or truncated.</summary>
        public long BytesDiscarded
        {
            get { return _bytesDiscarded; }
        }

        /// <summary>Frames discarded as oversize, malformed or truncated; empty frames (idle fill) are not included.</summary>
        public long TotalDiscarded
        {
            get { return _oversize + _malformed + _truncated; }
        }

        /// <summary>True while octets of an unfinished frame are held (or an oversize frame is being skipped).</summary>
        public bool HasPartialFrame
        {
            get { return _encodedLength != 0 || _skipping; }
        }

        /// <summary>Frames not delivered for <paramref name="reason"/>; 0 for a value that is not a defined reason.</summary>
        public long DiscardedCount(FrameDiscardReason reason)
        {
            switch (reason)
            {
                case FrameDiscardReason.Oversize:
                    return _oversize;
                case FrameDiscardReason.MalformedCobs:
                    return _malformed;
                case FrameDiscardReason.Empty:
                    return _empty;
                case FrameDiscardReason.Truncated:
                    return _truncated;
                default:
                    return 0;
            }
        }

        /// <summary>Returns to the constructed state: drops any partial frame (uncounted) and zeroes every counter.</summary>
        public void Reset()
        {
            ClearFrame();
            _skipping = false;
            _framesDelivered = 0;
            _oversize = 0;
            _malformed = 0;
            _empty = 0;
            _truncated = 0;
            _bytesDiscarded = 0;
        }

        /// <summary>Drops the frame in progress, counted as <see cref="FrameDiscardReason.Truncated"/>; use after a link timeout so the next octet starts a frame.</summary>
        public void DiscardPartialFrame()
        {
            if (_skipping)
            {
                // The oversize frame was counted when it overflowed.
                _skipping = false;
                return;
            }

            if (_encodedLength != 0)
            {
                _truncated++;
                _bytesDiscarded += _encodedLength;
                ClearFrame();
            }
        }

        /// <summary>Decodes <paramref name="count"/> link octets from <paramref name="offset"/>, delivering every frame they complete.</summary>
        /// <remarks>Any chunking is accepted: a frame may span many calls and one call may complete many frames.</remarks>
        /// <exception cref="ArgumentNullException"><paramref name="data"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The range is not inside <paramref name="data"/>.</exception>
        public void Push(byte[] data, int offset, int count)
        {
            if (data == null)
            {
                throw new ArgumentNullException(nameof(data));
            }

            if (offset < 0 || count < 0 || count > data.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }

            byte[] frame = _frame;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                byte value = data[i];
                if (value == Cobs.Delimiter)
                {
                    i++;
                    EndFrame();
                    continue;
                }

                if (_skipping)
                {
                    // Skip the whole run up to the next delimiter in one tight loop.
                    int j = i + 1;
                    while (j < end && data[j] != Cobs.Delimiter)
                    {
                        j++;
                    }

                    _bytesDiscarded += j - i;
                    i = j;
                    continue;
                }

                if (_blockRemaining == 0)
                {
                    // A code octet. The previous block, if short, stood for a zero that is now known not to end the frame.
                    if (_code != 0 && _code != 0xFF)
                    {
                        if (_length == _maxFrameLength)
                        {
                            Overflow();
                            i++;
                            continue;
                        }

                        frame[_length++] = 0;
                    }

                    _code = value;
                    _blockRemaining = value - 1;
                    _encodedLength++;
                    i++;
                    continue;
                }

                // Data octets of the current block: copy the run in one tight loop.
                int room = _maxFrameLength - _length;
                if (room == 0)
                {
                    Overflow();
                    i++;
                    continue;
                }

                int run = _blockRemaining;
                if (run > end - i)
                {
                    run = end - i;
                }

                if (run > room)
                {
                    run = room;
                }

                int stop = i + run;
                int start = i;
                int length = _length;
                while (i < stop)
                {
                    byte octet = data[i];
                    if (octet == Cobs.Delimiter)
                    {
                        break;
                    }

                    frame[length++] = octet;
                    i++;
                }

                int copied = i - start;
                _length = length;
                _blockRemaining -= copied;
                _encodedLength += copied;
            }
        }

        private void EndFrame()
        {
            if (_skipping)
            {
                _skipping = false;
                return;
            }

            if (_blockRemaining != 0)
            {
                // The last code promised more octets than arrived before the delimiter.
                _malformed++;
                _bytesDiscarded += _encodedLength;
                ClearFrame();
                return;
            }

            int length = _length;
            ClearFrame();
            if (length == 0)
            {
                _empty++;
                return;
            }

            // State is clean before the call, so a sink that throws leaves the decoder consistent.
            _framesDelivered++;
            _sink.OnFrame(_frame, 0, length);
        }

        private void Overflow()
        {
            // Counts the octet that did not fit as well: it belongs to the discarded frame.
            _oversize++;
            _bytesDiscarded += _encodedLength + 1;
            ClearFrame();
            _skipping = true;
        }

        private void ClearFrame()
        {
            _length = 0;
            _encodedLength = 0;
            _code = 0;
            _blockRemaining = 0;
        }
    }
}
