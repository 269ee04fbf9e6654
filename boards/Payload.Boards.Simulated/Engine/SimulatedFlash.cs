using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// The ESP32 flash partition: starts erased (0xFF), keeps its content across resets, writes byte by byte in ascending
/// order, and can have its power cut after the next N octets written (the octet at the cut may land corrupted).
/// </summary>
/// <remarks>
/// A cut is not an exception: flight code that catches everything would swallow it. The flash goes dead (later writes
/// are lost), <see cref="PowerCut"/> tells the board, and the board silences the CPU's outputs and resets it.
/// </remarks>
public sealed class SimulatedFlash(int capacity) : INonVolatileStore
{
    private long _budget = -1;
    private byte? _corruptOctet;

    /// <summary>The memory, for inspection and fault planting.</summary>
    public byte[] Bytes { get; } = Enumerable.Repeat((byte)0xFF, capacity).ToArray();

    public int Capacity => Bytes.Length;

    /// <summary>Octets written since the simulation started.</summary>
    public long OctetsWritten { get; private set; }

    /// <summary>Power cuts that happened during a write.</summary>
    public int PowerCuts { get; private set; }

    /// <summary>Raised at the instant power is cut.</summary>
    public event Action? PowerCut;

    /// <summary>True from a cut until the board powers on again.</summary>
    public bool IsDead { get; private set; }

    /// <summary>Power is back (the board is booting).</summary>
    public void PowerOn() => IsDead = false;

    /// <summary>Cuts power after <paramref name="octets"/> more octets; with <paramref name="corruptOctet"/>, the octet at the cut lands as that value.</summary>
    public void CutPowerAfter(long octets, byte? corruptOctet = null)
    {
        _budget = octets;
        _corruptOctet = corruptOctet;
    }

    public void Read(int address, byte[] buffer, int offset, int count) => Array.Copy(Bytes, address, buffer, offset, count);

    public void Write(int address, byte[] buffer, int offset, int count)
    {
        for (var i = 0; i < count && !IsDead; i++)
        {
            if (_budget == 0)
            {
                _budget = -1;
                PowerCuts++;
                if (_corruptOctet is { } corrupt) Bytes[address + i] = corrupt;
                IsDead = true;
                PowerCut?.Invoke();
                return;
            }
            if (_budget > 0) _budget--;
            Bytes[address + i] = buffer[offset + i];
            OctetsWritten++;
        }
    }
}
