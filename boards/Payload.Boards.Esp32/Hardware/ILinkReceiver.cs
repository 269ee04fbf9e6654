namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>Where the link delivers the bytes it received (the serialised flight software).</summary>
    public interface ILinkReceiver
    {
        /// <summary>Bytes arrived from the link, in any chunking; the buffer is reused after the call returns.</summary>
        void OnLinkBytes(byte[] buffer, int offset, int count);
    }
}
