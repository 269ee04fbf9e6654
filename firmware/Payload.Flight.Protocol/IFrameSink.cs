namespace Payload.Flight.Protocol
{
    /// <summary>Receives each frame a <see cref="CobsFrameDecoder"/> decodes.</summary>
    public interface IFrameSink
    {
        /// <summary>Called once per decoded, non-empty frame; the octets are a view into the decoder's own buffer, valid only during the call.</summary>
        /// <remarks>
        /// Copy what must outlive the call. Do not call back into the decoder (Push or Reset) from here, and do not
        /// throw: an exception propagates out of Push and the rest of that chunk is not decoded.
        /// </remarks>
        void OnFrame(byte[] buffer, int offset, int count);
    }
}
