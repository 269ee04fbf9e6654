using Payload.GroundStation.Telemetry;

namespace Payload.Hil;

/// <summary>A received ST[3,25] housekeeping report: structure name and parameters by name (<c>hk["mode.current"] == 1</c>).</summary>
public sealed class HousekeepingView : ReceivedPacket
{
    internal HousekeepingView(HousekeepingReport report, long receivedAtMicroseconds, bool isReplay, int index)
        : base(report, receivedAtMicroseconds, isReplay, index)
    {
        Housekeeping = report;
    }

    /// <summary>The decoded housekeeping report.</summary>
    public HousekeepingReport Housekeeping { get; }

    /// <summary>The structure's name ("HK_CORE").</summary>
    public string Name => Housekeeping.Structure.Name;

    /// <summary>The parameter named <paramref name="parameter"/>.</summary>
    /// <exception cref="KeyNotFoundException">The structure does not hold it (an invariant then does not apply to this packet).</exception>
    public TmValue this[string parameter] => TmValue.Of(Housekeeping[parameter]);

    /// <summary>True when the structure holds <paramref name="parameter"/>.</summary>
    public bool Holds(string parameter) => Housekeeping.Find(parameter) is not null;

    /// <summary>Every value in report order.</summary>
    public IEnumerable<TmValue> Values => Housekeeping.Values.Select(TmValue.Of);
}
