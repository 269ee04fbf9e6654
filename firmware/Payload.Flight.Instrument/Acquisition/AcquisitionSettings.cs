using Payload.Flight.Devices.Digitizer;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>Boot-time tunables of the acquisition loop: work bounds per frame, buffer sizes, the digitizer's boot configuration.</summary>
    /// <remarks>
    /// Set once, before the <see cref="AcquisitionController"/> is built (buffers are sized from them). What the ground
    /// may change in flight is a settable parameter instead (AcquisitionDictionary), or ACQ_CONFIGURE.
    /// </remarks>
    public sealed class AcquisitionSettings
    {
        /// <summary>Most FIFO blocks the minor-frame step reads (the DRDY edge path reads one per edge on top).</summary>
        public int MaxBlocksPerFrame = 2;

        /// <summary>Most records moved from the record ring into the pass per minor frame (3.5 kHz with split-spectrum pairs is 70 per frame).</summary>
        public int MaxRecordsPerFrame = 128;

        /// <summary>Interval of the driver's Poll (chip counters, missed-DRDY check) and of the TOA latch, µs.</summary>
        public long PollIntervalMicroseconds = 1000000;

        /// <summary>Wait between two recovery attempts of FDIR, µs.</summary>
        public long RecoveryIntervalMicroseconds = 1000000;

        /// <summary>Records the raw backlog holds, a power of two (16384 × 12 octets = 192 KiB): what the link has not yet taken.</summary>
        public int RawCapacityRecords = 16384;

        /// <summary>Records per raw message (256: a 3088-octet message, 4 ST[13] parts of 896 octets).</summary>
        public int RawChunkRecords = 256;

        /// <summary>Minor frames between two publications of the parameters (state changes publish at once).</summary>
        public int PublishIntervalFrames = 10;

        /// <summary>Boot comparator threshold, peak-code units (about 24 dB below a −25 dBm detector input).</summary>
        public int Threshold = 20000;

        /// <summary>Boot FIFO watermark, records; at most the driver's block size so one block empties it.</summary>
        public int Watermark = DigitizerDriver.DefaultBlockRecords;

        /// <summary>Boot MAX_LATENCY, ticks (800 000 = 10 ms: no record waits longer than a frame before DRDY).</summary>
        public long MaxLatencyTicks = 800000;

        /// <summary>Boot MIN_WIDTH, ticks (240 = 3 µs, below the shortest radar pulse of 5 µs).</summary>
        public int MinWidthTicks = 240;

        /// <summary>Longest message the instrument hands to the product downlink: the ST[13] sender's capacity must be at least this.</summary>
        public int MaxMessageLength
        {
            get
            {
                int length = AcquisitionMessage.RawLength(RawChunkRecords);
                if (length < AcquisitionMessage.SnapshotMaxLength)
                {
                    length = AcquisitionMessage.SnapshotMaxLength;
                }

                return length < AcquisitionMessage.ProductsLength ? AcquisitionMessage.ProductsLength : length;
            }
        }
    }
}
