using Payload.Boards.Simulated.Scene;
using Payload.Flight.Devices.Digitizer;

namespace Payload.Analysis.Tests;

/// <summary>Pulse records of a simulated-board scene pass, captured as the digitizer's capture core would.</summary>
public static class ScenePulses
{
    /// <summary>Comparator threshold used here: −50 dBm at the detector input, 24 dB under the −26 dBm peak, 10 dB over the floor.</summary>
    public const double ThresholdDbm = -50.0;

    /// <summary>
    /// The pass's delivered pulses whose comparator code reaches the threshold, as records (TOA ticks, width, peak code,
    /// flags), with the flag rules of the digitizer model's capture (saturated, truncated at 65535 ticks, overlapping).
    /// </summary>
    public static List<(long Toa, int Width, int PeakCode, int Flags)> Capture(RadarPass pass)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var detector = pass.Options.Detector;
        int threshold = detector.PeakCode(ThresholdDbm);
        var source = pass.CreateSource();
        var records = new List<(long, int, int, int)>();
        long lastEnd = long.MinValue;
        while (source.TryPeek(out var pulse))
        {
            source.Next();
            if (pulse.ComparatorCode < threshold)
            {
                continue;
            }

            var flags = PulseFlags.None;
            if (pulse.Saturated || pulse.PeakCode >= PulseRecord.MaxField16)
            {
                flags |= PulseFlags.Saturated;
            }

            int width = pulse.WidthTicks;
            if (width > PulseRecord.MaxField16)
            {
                width = PulseRecord.MaxField16;
                flags |= PulseFlags.Truncated;
            }

            if (pulse.ToaTicks < lastEnd)
            {
                flags |= PulseFlags.Overlapping;
            }

            lastEnd = Math.Max(lastEnd, pulse.ToaTicks + pulse.WidthTicks);
            records.Add((pulse.ToaTicks & DigitizerChip.ToaMask, width, pulse.PeakCode, (int)flags));
        }

        return records;
    }
}
