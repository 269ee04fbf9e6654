using Payload.Flight.Hardware;

namespace Payload.Benchmarks.Acquisition;

/// <summary>
/// A digitizer on SPI that answers every transfer with the next recorded burst, in a loop: the chip's own cost is not
/// measured, only the copy a DMA transfer would make.
/// </summary>
internal sealed class BurstReplay : ISpiDevice
{
    private readonly byte[] _bursts;
    private readonly int _burstLength;
    private readonly int _count;
    private int _next;

    /// <summary>Replays <paramref name="bursts"/>, all of the same length, from the first.</summary>
    public BurstReplay(IReadOnlyList<byte[]> bursts)
    {
        _burstLength = bursts[0].Length;
        _count = bursts.Count;
        _bursts = new byte[_count * _burstLength];
        for (int i = 0; i < _count; i++)
        {
            if (bursts[i].Length != _burstLength) throw new ArgumentException("bursts of different lengths", nameof(bursts));
            Array.Copy(bursts[i], 0, _bursts, i * _burstLength, _burstLength);
        }
    }

    /// <summary>Bursts in one pass of the replay.</summary>
    public int Count => _count;

    public void TransferFullDuplex(byte[] writeBuffer, int writeOffset, byte[] readBuffer, int readOffset, int count)
    {
        if (count != _burstLength) throw new InvalidOperationException($"the replay holds {_burstLength}-octet bursts, not {count}-octet frames");
        Array.Copy(_bursts, _next * _burstLength, readBuffer, readOffset, count);
        _next = _next + 1 == _count ? 0 : _next + 1;
    }
}
