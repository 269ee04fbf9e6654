using Payload.Flight.Hardware;

namespace Payload.Boards.Simulated.Engine;

/// <summary>
/// The spacecraft link as a UART at a fixed baud rate (8N1: ten bit times per octet), both ways: what the board
/// transmits reaches the ground when its last bit has left the wire, and what the ground sends reaches the board the
/// same way. Octets queue behind each other in each direction; a link outage loses what is on the wire.
/// </summary>
public sealed class SimulatedUart : ILinkTransmitter
{
    private readonly EventScheduler _scheduler;
    private long _downlinkBusyUntil;
    private long _uplinkBusyUntil;
    private long _generation;

    /// <summary>Creates the link at <paramref name="baudRate"/>.</summary>
    public SimulatedUart(EventScheduler scheduler, int baudRate)
    {
        _scheduler = scheduler;
        BaudRate = baudRate;
        MicrosecondsPerOctet = 10_000_000.0 / baudRate;
    }

    public int BaudRate { get; }

    public double MicrosecondsPerOctet { get; }

    /// <summary>False while the link is cut: octets sent either way are lost.</summary>
    public bool IsUp { get; private set; } = true;

    /// <summary>Probability that an octet is corrupted (one bit flipped) on its way, each direction; 0 by default.</summary>
    public double CorruptionProbability { get; set; }

    /// <summary>Octets corrupted so far.</summary>
    public long OctetsCorrupted { get; private set; }

    /// <summary>The seeded source of corruption, so a faulty run repeats exactly.</summary>
    public Random Random { get; set; } = new(1);

    /// <summary>Octets the board handed to the link.</summary>
    public long OctetsDownlinked { get; private set; }

    /// <summary>Octets lost to outages.</summary>
    public long OctetsLost { get; private set; }

    /// <summary>The ground side: receives what the board sent, in order, when it arrives.</summary>
    public event Action<byte[], int, int>? GroundReceived;

    /// <summary>The board side: receives what the ground sent, when it arrives (set by the board).</summary>
    internal Action<byte[], int, int>? BoardReceived { get; set; }

    /// <summary>Cuts or restores the link; whatever is still on the wire when it is cut is lost.</summary>
    public void SetUp(bool up)
    {
        if (up == IsUp) return;
        IsUp = up;
        _generation++;
        _downlinkBusyUntil = _scheduler.NowMicroseconds;
        _uplinkBusyUntil = _scheduler.NowMicroseconds;
    }

    /// <summary>False while the board has no power: what its CPU still "sends" never reaches the wire.</summary>
    public Func<bool> TransmitterPowered { get; set; } = () => true;

    /// <summary>The board transmits (never blocks; the octets queue in the UART's FIFO).</summary>
    public void Transmit(byte[] buffer, int offset, int count)
    {
        if (!TransmitterPowered()) return;
        OctetsDownlinked += count;
        Send(buffer, offset, count, ref _downlinkBusyUntil, (b, o, c) => GroundReceived?.Invoke(b, o, c));
    }

    /// <summary>The ground transmits to the board.</summary>
    public void SendFromGround(byte[] buffer, int offset, int count) =>
        Send(buffer, offset, count, ref _uplinkBusyUntil, (b, o, c) => BoardReceived?.Invoke(b, o, c));

    /// <summary>When the octets queued now towards the ground will have arrived.</summary>
    public long DownlinkIdleAtMicroseconds => Math.Max(_downlinkBusyUntil, _scheduler.NowMicroseconds);

    private void Send(byte[] buffer, int offset, int count, ref long busyUntil, Action<byte[], int, int> deliver)
    {
        if (!IsUp)
        {
            OctetsLost += count;
            return;
        }
        var copy = buffer.AsSpan(offset, count).ToArray();
        if (CorruptionProbability > 0)
        {
            for (var i = 0; i < copy.Length; i++)
            {
                if (Random.NextDouble() >= CorruptionProbability) continue;
                copy[i] ^= (byte)(1 << Random.Next(8));
                OctetsCorrupted++;
            }
        }
        var start = Math.Max(busyUntil, _scheduler.NowMicroseconds);
        busyUntil = start + (long)Math.Ceiling(count * MicrosecondsPerOctet);
        var generation = _generation;
        _scheduler.At(busyUntil, () =>
        {
            if (generation != _generation)
            {
                OctetsLost += copy.Length;
                return;
            }
            deliver(copy, 0, copy.Length);
        });
    }
}
