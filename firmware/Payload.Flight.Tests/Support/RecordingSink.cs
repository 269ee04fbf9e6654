using Payload.Flight.Protocol;

namespace Payload.Flight.Tests.Support;

/// <summary>An <see cref="IFrameSink"/> that keeps a copy of every frame it is given.</summary>
internal sealed class RecordingSink : IFrameSink
{
    public List<byte[]> Frames { get; } = new();

    public void OnFrame(byte[] buffer, int offset, int count) => Frames.Add(buffer.AsSpan(offset, count).ToArray());
}
