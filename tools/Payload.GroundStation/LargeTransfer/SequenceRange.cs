using System.Globalization;

namespace Payload.GroundStation.LargeTransfer;

/// <summary>An inclusive range of packet sequence counts, wrapping past 16383 when <see cref="From"/> &gt; <see cref="To"/>: the arguments of STORE_DOWNLINK_SEQ.</summary>
public readonly record struct SequenceRange(int From, int To)
{
    /// <summary>"from-to".</summary>
    public override string ToString() => From == To
        ? From.ToString(CultureInfo.InvariantCulture)
        : $"{From.ToString(CultureInfo.InvariantCulture)}-{To.ToString(CultureInfo.InvariantCulture)}";
}
