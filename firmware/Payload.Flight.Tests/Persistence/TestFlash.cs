using Payload.Flight.Hardware;

namespace Payload.Flight.Tests.Persistence;

/// <summary>Thrown by <see cref="TestFlash"/> when power is cut: the code that was writing stops there, as a real CPU would.</summary>
public sealed class PowerLostException : Exception
{
    public PowerLostException() : base("power lost during a flash write") { }
}

/// <summary>
/// Byte-addressed non-volatile memory for tests: starts erased (0xFF), can cut power after the next N written octets
/// (the rest of that write and every later one are lost, and the octet being written at the cut may land corrupted),
/// can make octets stuck (writes to them do not land), and allocates nothing on Read/Write.
/// </summary>
public sealed class TestFlash : INonVolatileStore
{
    private long _budget = -1;
    private Func<byte, byte, byte>? _corruptCutOctet;
    private readonly HashSet<int> _stuck = new();

    public TestFlash(int capacity)
    {
        Bytes = new byte[capacity];
        Array.Fill(Bytes, (byte)0xFF);
    }

    /// <summary>The memory itself, for inspection and for planting faults.</summary>
    public byte[] Bytes { get; }

    public int Capacity => Bytes.Length;

    /// <summary>True after a cut, until <see cref="PowerOn"/>.</summary>
    public bool PoweredOff { get; private set; }

    /// <summary>Octets written since creation.</summary>
    public long OctetsWritten { get; private set; }

    /// <summary>
    /// Arms a cut: the next <paramref name="octets"/> written octets land; the one after is replaced by
    /// <paramref name="corrupt"/>(old, intended) when given (else not written at all); then power is lost.
    /// </summary>
    public void CutPowerAfter(long octets, Func<byte, byte, byte>? corrupt = null)
    {
        _budget = octets;
        _corruptCutOctet = corrupt;
    }

    /// <summary>Restores power ("reboot"): the memory keeps whatever landed.</summary>
    public void PowerOn()
    {
        PoweredOff = false;
        _budget = -1;
        _corruptCutOctet = null;
    }

    /// <summary>Makes writes to <paramref name="address"/> not land (a worn-out or stuck cell).</summary>
    public void Stick(int address) => _stuck.Add(address);

    public void Read(int address, byte[] buffer, int offset, int count)
    {
        if (PoweredOff) throw new PowerLostException();
        CheckRange(address, count);
        Array.Copy(Bytes, address, buffer, offset, count);
    }

    public void Write(int address, byte[] buffer, int offset, int count)
    {
        if (PoweredOff) throw new PowerLostException();
        CheckRange(address, count);
        for (int i = 0; i < count; i++)
        {
            if (_budget == 0)
            {
                if (_corruptCutOctet != null) Bytes[address + i] = _corruptCutOctet(Bytes[address + i], buffer[offset + i]);
                PoweredOff = true;
                throw new PowerLostException();
            }
            if (_budget > 0) _budget--;
            if (_stuck.Count == 0 || !_stuck.Contains(address + i)) Bytes[address + i] = buffer[offset + i];
            OctetsWritten++;
        }
    }

    private void CheckRange(int address, int count)
    {
        if (address < 0 || count < 0 || address + count > Bytes.Length)
            throw new ArgumentOutOfRangeException(nameof(address), $"{address}+{count} outside {Bytes.Length}");
    }
}
