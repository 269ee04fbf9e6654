namespace Payload.Flight.Protocol
{
    /// <summary>Why a <see cref="CobsFrameDecoder"/> did not deliver a frame; each reason has its own counter.</summary>
    public enum FrameDiscardReason
    {
        /// <summary>The decoded frame grew past the decoder's maximum length; everything up to the next delimiter was skipped.</summary>
        Oversize = 0,

        /// <summary>The octets before a delimiter were not valid COBS: the last block's code ran past the delimiter (typically a truncated frame).</summary>
        MalformedCobs = 1,

        /// <summary>A frame with no content: a lone delimiter, or 0x01 0x00 (an encoded empty frame).</summary>
        /// <remarks>
        /// Treated as idle fill, not as an error: senders may put a delimiter before each frame as well as after it,
        /// so that a frame truncated by a link drop cannot corrupt the next one. Empty frames are counted here only
        /// for visibility; they add nothing to <see cref="CobsFrameDecoder.BytesDiscarded"/> or <see cref="CobsFrameDecoder.TotalDiscarded"/>.
        /// </remarks>
        Empty = 2,

        /// <summary>A partial frame dropped by <see cref="CobsFrameDecoder.DiscardPartialFrame"/> (for example after a link timeout).</summary>
        Truncated = 3,
    }
}
