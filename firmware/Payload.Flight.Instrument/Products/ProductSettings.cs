using Payload.Flight.Devices.Digitizer;

namespace Payload.Flight.Instrument.Products
{
    /// <summary>Tunables of the pass products: capacities, bin size, detector scale, and the thresholds of each algorithm.</summary>
    /// <remarks>
    /// Set once at boot, before the <see cref="PassAccumulator"/> is built; the ground analysis reads the same values
    /// (tools/Payload.Analysis AnalysisSettings.FromFlight) so both sides run the same algorithm definition.
    /// Units: ticks of the 80 MHz TOA counter, detector ADC codes, milli-dB (mdB).
    /// </remarks>
    public sealed class ProductSettings
    {
        /// <summary>Frequency of the digitizer's TOA and width counter (80 MHz: one tick is 12.5 ns).</summary>
        public const long TicksPerSecond = 80000000;

        /// <summary>Most pulses one pass can hold (NISAR: 3.5 kHz × 10 s = 35 000, with margin); 9 bytes each.</summary>
        public int PulseCapacity = 50000;

        /// <summary>Most pattern bins (pass length / bin length: 6000 × 10 ms = 60 s); 12 bytes each.</summary>
        public int BinCapacity = 6000;

        /// <summary>Length of one pattern bin, ticks (10 ms: 16–35 pulses of one radar per bin); at most one second.</summary>
        public int BinTicks = 800000;

        /// <summary>Detector scale, ADC codes per dB × 1000 (AD8318 −25 mV/dB into 16 bits over 2.5 V: 655.36 codes/dB); codes rise with power.</summary>
        public int MilliCodesPerDb = 655360;

        /// <summary>Input level, mdBm, that code 0 stands for: level = this + code / codes-per-dB.</summary>
        public int CodeZeroMilliDbm = -80000;

        /// <summary>Shortest PRI that forms a PRI cluster, ticks (16 000 = 5 kHz).</summary>
        public int MinPriTicks = 16000;

        /// <summary>Longest PRI that forms a PRI cluster, ticks (80 000 = 1 kHz).</summary>
        public int MaxPriTicks = 80000;

        /// <summary>Width of one bucket of the PRI histogram, ticks (128 = 1.6 µs: S-1's closest sub-swath PRIs are 866 ticks apart).</summary>
        public int PriBucketTicks = 128;

        /// <summary>A ΔTOA above this many PRIs is a gap in the pulse train (burst switch, signal below threshold), not missed pulses.</summary>
        public int GapPriMultiple = 16;

        /// <summary>The parabola is fitted on the bins within this many mdB of the smoothed maximum (3.5 dB: unbiased 3 dB width for sinc²).</summary>
        public int FitWindowMilliDb = 3500;

        /// <summary>Half width, in bins, of the running window that smooths bin levels for the peak and sidelobe searches.</summary>
        public int SmoothingHalfWidth = 2;

        /// <summary>Fewest pulses in a smoothing window for its level to count (fewer: the bin is empty).</summary>
        public int MinSmoothedCount = 4;

        /// <summary>
        /// Most consecutive empty bins the fit-window and sidelobe walks cross: 80 × 10 ms crosses a null below threshold
        /// (NISAR with the threshold 24 dB below the peak: 0.36 s) but not a burst gap (S-1 IW: 1.8 s between IW2 bursts).
        /// </summary>
        public int MaxGapBins = 80;

        /// <summary>Rise above the lowest level after the main lobe that marks the first null, mdB (3 dB: no noise bump passes for one).</summary>
        public int SidelobeHysteresisMilliDb = 3000;

        /// <summary>Fall below the highest level after the null that confirms the sidelobe peak, mdB (1 dB: inside a 10 s NISAR pass).</summary>
        public int SidelobeConfirmMilliDb = 1000;

        /// <summary>Pulse flags that exclude a pulse from amplitude products: saturated (the peak is a lower bound), overlapping.</summary>
        public int AmplitudeExcludeFlags = (int)(PulseFlags.Saturated | PulseFlags.Overlapping);

        /// <summary>Pulse flags that exclude a pulse from width products: truncated (width saturated), overlapping.</summary>
        public int WidthExcludeFlags = (int)(PulseFlags.Truncated | PulseFlags.Overlapping);

        /// <summary>Converts a code difference in Q4 (1/16 code) to mdB.</summary>
        public long MilliDbFromCodesQ4(long codesQ4)
        {
            // codesQ4 / 16 codes · 1000 mdB / (MilliCodesPerDb / 1000 codes per dB).
            return FixedPoint.MulDiv(codesQ4, 62500, MilliCodesPerDb);
        }

        /// <summary>Converts mdB to a code difference in Q4 (1/16 code).</summary>
        public long CodesQ4FromMilliDb(long milliDb)
        {
            return FixedPoint.MulDiv(milliDb, MilliCodesPerDb, 62500);
        }
    }
}
