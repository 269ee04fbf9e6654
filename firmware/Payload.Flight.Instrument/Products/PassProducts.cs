using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Products
{
    /// <summary>The calibration products of one pass, in integer units, and their downlink encoding.</summary>
    /// <remarks>
    /// Filled by <see cref="PassAccumulator.Compute"/>; one instance is reused pass after pass. A product whose
    /// <see cref="Validity"/> bit is clear is 0. Wire layout (format 1, big-endian, <see cref="Length"/> = 113 octets):
    /// <code>
    /// off len field                       unit
    ///   0   1 format version (1)
    ///   1   2 Validity                    ProductValidity bits
    ///   3   6 FirstToa                    ticks (u48, 80 MHz)
    ///   9   4 DurationTicks               ticks, first to last pulse
    ///  13   4 PulseCount                  accepted pulses
    ///  17   4 ExpectedCount               round(duration / PRI) + 1
    ///  21   4 MissedPulses                Σ round(ΔTOA / PRI) − 1 over 1.5 PRI &lt; ΔTOA ≤ gap
    ///  25   2 GapCount                    ΔTOA &gt; GapPriMultiple · PRI
    ///  27   4 RejectedCount               over capacity, TOA backwards, or 26.8 s after the last primary pulse
    ///  31   4 TrainPulseCount             pulses of the pattern train (the strongest PRI cluster)
    ///  35   4 AmplitudeExcludedCount      train pulses flagged out of amplitude products
    ///  39   4 WidthExcludedCount          train pulses flagged out of width products
    ///  43   1 PriClusterCount             distinct PRI clusters
    ///  44   4 PriMedianTicks              ticks, lower median ΔTOA of the pattern train
    ///  48   4 PriMeanQ4                   1/16 tick
    ///  52   4 PrfMilliHz                  mHz, 80 MHz / PriMedianTicks
    ///  56   4 PriJitterRmsQ4              1/16 tick, rms of ΔTOA − median
    ///  60   4 WidthMeanQ4                 1/16 tick
    ///  64   4 WidthStdQ4                  1/16 tick
    ///  68   2 AmplitudeSpreadMilliDb      mdB
    ///  70   6 PeakToa                     ticks (u48), vertex of the parabola
    ///  76   4 PeakCodeQ4                  1/16 ADC code, parabola vertex level
    ///  80   4 PeakMilliDbm                mdBm (i32)
    ///  84   4 BeamwidthTicks              ticks, 3 dB full width in time
    ///  88   4 BeamwidthMicroDeg           µdeg, 2·atan(v_g·half width / R0)
    ///  92   4 SidelobeLeftMilliDb         mdB relative to the peak (i32, negative)
    ///  96   4 SidelobeRightMilliDb        mdB (i32)
    /// 100   4 SidelobeAsymmetryMilliDb    mdB, left − right (i32)
    /// 104   1 FitPoints                   points of the parabola fit
    /// 105   2 GroundSpeedMps              m/s, as given to Compute
    /// 107   4 SlantRangeM                 m, as given to Compute
    /// 111   2 DetectorTemperatureCentiC   0.01 °C (i16), as given to Compute
    /// </code>
    /// </remarks>
    public sealed class PassProducts
    {
        /// <summary>Octets of the encoded products.</summary>
        public const int Length = 113;

        /// <summary>Version of the wire layout, first octet of the encoding.</summary>
        public const byte FormatVersion = 1;

        /// <summary><see cref="ProductValidity"/> bits.</summary>
        public int Validity { get; internal set; }

        /// <summary>TOA of the first pulse, ticks.</summary>
        public long FirstToa { get; internal set; }

        /// <summary>Time from the first to the last pulse, ticks.</summary>
        public long DurationTicks { get; internal set; }

        /// <summary>Pulses accepted into the pass.</summary>
        public int PulseCount { get; internal set; }

        /// <summary>Pulses the pass should hold at the train's PRI: round(duration / PRI) + 1.</summary>
        public int ExpectedCount { get; internal set; }

        /// <summary>Pulses missing from runs of the train: Σ (round(ΔTOA / PRI) − 1) over 1.5 PRI &lt; ΔTOA ≤ gap.</summary>
        public int MissedPulses { get; internal set; }

        /// <summary>Gaps longer than <see cref="ProductSettings.GapPriMultiple"/> PRIs.</summary>
        public int GapCount { get; internal set; }

        /// <summary>Pulses rejected: over capacity, TOA going backwards, or more than 2^31 ticks (26.8 s) after the last primary pulse.</summary>
        public int RejectedCount { get; internal set; }

        /// <summary>Pulses of the pattern train.</summary>
        public int TrainPulseCount { get; internal set; }

        /// <summary>Train pulses excluded from amplitude products by their flags.</summary>
        public int AmplitudeExcludedCount { get; internal set; }

        /// <summary>Train pulses excluded from width products by their flags.</summary>
        public int WidthExcludedCount { get; internal set; }

        /// <summary>Distinct PRI clusters (sub-swath PRFs) seen in the pass.</summary>
        public int PriClusterCount { get; internal set; }

        /// <summary>Lower median ΔTOA of the pattern train, ticks.</summary>
        public int PriMedianTicks { get; internal set; }

        /// <summary>Mean ΔTOA of the pattern train, 1/16 tick.</summary>
        public long PriMeanQ4 { get; internal set; }

        /// <summary>PRF from the median PRI, mHz.</summary>
        public long PrfMilliHz { get; internal set; }

        /// <summary>RMS of ΔTOA around the median PRI (jitter and dither), 1/16 tick.</summary>
        public long PriJitterRmsQ4 { get; internal set; }

        /// <summary>Mean pulse width, 1/16 tick.</summary>
        public long WidthMeanQ4 { get; internal set; }

        /// <summary>Standard deviation of the pulse width, 1/16 tick.</summary>
        public long WidthStdQ4 { get; internal set; }

        /// <summary>Pulse-to-pulse amplitude spread in the fit window: rms of successive differences / √2, mdB.</summary>
        public int AmplitudeSpreadMilliDb { get; internal set; }

        /// <summary>TOA of the pattern peak (parabola vertex), ticks.</summary>
        public long PeakToa { get; internal set; }

        /// <summary>Level of the pattern peak, 1/16 ADC code.</summary>
        public long PeakCodeQ4 { get; internal set; }

        /// <summary>Level of the pattern peak, mdBm at the detector's calibration.</summary>
        public int PeakMilliDbm { get; internal set; }

        /// <summary>3 dB (half-power) full width of the pattern in time, ticks.</summary>
        public long BeamwidthTicks { get; internal set; }

        /// <summary>3 dB full width in angle, micro-degrees.</summary>
        public long BeamwidthMicroDeg { get; internal set; }

        /// <summary>First sidelobe before the peak, mdB relative to the peak (negative).</summary>
        public int SidelobeLeftMilliDb { get; internal set; }

        /// <summary>First sidelobe after the peak, mdB relative to the peak (negative).</summary>
        public int SidelobeRightMilliDb { get; internal set; }

        /// <summary>Left minus right first-sidelobe level, mdB (when both are valid).</summary>
        public int SidelobeAsymmetryMilliDb { get; internal set; }

        /// <summary>Points of the parabola fit.</summary>
        public int FitPoints { get; internal set; }

        /// <summary>Ground speed used for the angle conversion, m/s.</summary>
        public int GroundSpeedMps { get; internal set; }

        /// <summary>Slant range at closest approach used for the angle conversion, m.</summary>
        public int SlantRangeM { get; internal set; }

        /// <summary>Detector temperature during the pass, 0.01 °C.</summary>
        public int DetectorTemperatureCentiC { get; internal set; }

        /// <summary>Writes the <see cref="Length"/>-octet encoding at offset; returns the octets written, or 0 when the buffer is too short.</summary>
        public int Encode(byte[] buffer, int offset)
        {
            if (buffer == null || offset < 0 || buffer.Length - offset < Length)
            {
                return 0;
            }

            buffer[offset] = FormatVersion;
            BigEndian.WriteUInt16(buffer, offset + 1, Validity);
            BigEndian.WriteUInt48(buffer, offset + 3, FirstToa);
            BigEndian.WriteUInt32(buffer, offset + 9, DurationTicks);
            BigEndian.WriteUInt32(buffer, offset + 13, PulseCount);
            BigEndian.WriteUInt32(buffer, offset + 17, ExpectedCount);
            BigEndian.WriteUInt32(buffer, offset + 21, MissedPulses);
            BigEndian.WriteUInt16(buffer, offset + 25, GapCount > 0xFFFF ? 0xFFFF : GapCount);
            BigEndian.WriteUInt32(buffer, offset + 27, RejectedCount);
            BigEndian.WriteUInt32(buffer, offset + 31, TrainPulseCount);
            BigEndian.WriteUInt32(buffer, offset + 35, AmplitudeExcludedCount);
            BigEndian.WriteUInt32(buffer, offset + 39, WidthExcludedCount);
            buffer[offset + 43] = (byte)(PriClusterCount > 255 ? 255 : PriClusterCount);
            BigEndian.WriteUInt32(buffer, offset + 44, PriMedianTicks);
            BigEndian.WriteUInt32(buffer, offset + 48, PriMeanQ4);
            BigEndian.WriteUInt32(buffer, offset + 52, PrfMilliHz);
            BigEndian.WriteUInt32(buffer, offset + 56, PriJitterRmsQ4);
            BigEndian.WriteUInt32(buffer, offset + 60, WidthMeanQ4);
            BigEndian.WriteUInt32(buffer, offset + 64, WidthStdQ4);
            BigEndian.WriteUInt16(buffer, offset + 68, AmplitudeSpreadMilliDb > 0xFFFF ? 0xFFFF : AmplitudeSpreadMilliDb);
            BigEndian.WriteUInt48(buffer, offset + 70, PeakToa);
            BigEndian.WriteUInt32(buffer, offset + 76, PeakCodeQ4);
            BigEndian.WriteUInt32(buffer, offset + 80, PeakMilliDbm);
            BigEndian.WriteUInt32(buffer, offset + 84, BeamwidthTicks);
            BigEndian.WriteUInt32(buffer, offset + 88, BeamwidthMicroDeg);
            BigEndian.WriteUInt32(buffer, offset + 92, SidelobeLeftMilliDb);
            BigEndian.WriteUInt32(buffer, offset + 96, SidelobeRightMilliDb);
            BigEndian.WriteUInt32(buffer, offset + 100, SidelobeAsymmetryMilliDb);
            buffer[offset + 104] = (byte)FitPoints;
            BigEndian.WriteUInt16(buffer, offset + 105, GroundSpeedMps);
            BigEndian.WriteUInt32(buffer, offset + 107, SlantRangeM);
            BigEndian.WriteUInt16(buffer, offset + 111, DetectorTemperatureCentiC);
            return Length;
        }

        /// <summary>Sets every product to 0 and no validity bit.</summary>
        internal void Clear()
        {
            Validity = 0;
            FirstToa = 0;
            DurationTicks = 0;
            PulseCount = 0;
            ExpectedCount = 0;
            MissedPulses = 0;
            GapCount = 0;
            RejectedCount = 0;
            TrainPulseCount = 0;
            AmplitudeExcludedCount = 0;
            WidthExcludedCount = 0;
            PriClusterCount = 0;
            PriMedianTicks = 0;
            PriMeanQ4 = 0;
            PrfMilliHz = 0;
            PriJitterRmsQ4 = 0;
            WidthMeanQ4 = 0;
            WidthStdQ4 = 0;
            AmplitudeSpreadMilliDb = 0;
            PeakToa = 0;
            PeakCodeQ4 = 0;
            PeakMilliDbm = 0;
            BeamwidthTicks = 0;
            BeamwidthMicroDeg = 0;
            SidelobeLeftMilliDb = 0;
            SidelobeRightMilliDb = 0;
            SidelobeAsymmetryMilliDb = 0;
            FitPoints = 0;
            GroundSpeedMps = 0;
            SlantRangeM = 0;
            DetectorTemperatureCentiC = 0;
        }
    }
}
