using Payload.Flight.Dictionary;
using Payload.Flight.Modes;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>The acquisition's commands (PUS service 130), parameters and events (identifiers 1000–1099), declared once.</summary>
    public static class AcquisitionDictionary
    {
        /// <summary>Mission-specific PUS service of the acquisition commands.</summary>
        public const byte Service = 130;

        /// <summary>TC[130,1] ACQ_ARM.</summary>
        public const byte ArmSubtype = 1;
        /// <summary>TC[130,2] ACQ_STOP.</summary>
        public const byte StopSubtype = 2;
        /// <summary>TC[130,3] ACQ_RESET.</summary>
        public const byte ResetSubtype = 3;
        /// <summary>TC[130,4] ACQ_CONFIGURE.</summary>
        public const byte ConfigureSubtype = 4;
        /// <summary>TC[130,5] ACQ_SELF_TEST.</summary>
        public const byte SelfTestSubtype = 5;
        /// <summary>TC[130,6] ACQ_SNAPSHOT.</summary>
        public const byte SnapshotSubtype = 6;
        /// <summary>TC[130,7] ACQ_SET_RAW_DECIMATION.</summary>
        public const byte SetRawDecimationSubtype = 7;

        /// <summary>Minor frames ACQ_SNAPSHOT may run: 30 s for the pulse to come and the message to start.</summary>
        public const int SnapshotTimeoutTicks = 3000;

        /// <summary>Largest ACQ_SET_RAW_DECIMATION and acq.raw_decimation.</summary>
        public const int MaxDecimation = 1000;

        /// <summary>Smallest non-zero PRF hint of ACQ_ARM, Hz.</summary>
        public const int MinPrfHintHz = 100;

        // Parameters: the loop.
        /// <summary>PassState.</summary>
        public const ushort StateParameter = 1000;
        /// <summary>Passes armed since boot.</summary>
        public const ushort PassNumberParameter = 1001;
        /// <summary>Pulses of the present or last pass.</summary>
        public const ushort PassPulsesParameter = 1002;
        /// <summary>FIFO blocks read.</summary>
        public const ushort BlocksReadParameter = 1003;
        /// <summary>Records read.</summary>
        public const ushort RecordsReadParameter = 1004;
        /// <summary>CRC errors.</summary>
        public const ushort CrcErrorsParameter = 1005;
        /// <summary>Frame errors (echo, count).</summary>
        public const ushort FrameErrorsParameter = 1006;
        /// <summary>Re-reads.</summary>
        public const ushort ReReadsParameter = 1007;
        /// <summary>Dropped blocks.</summary>
        public const ushort DroppedBlocksParameter = 1008;
        /// <summary>Records lost by dropped blocks.</summary>
        public const ushort RecordsLostParameter = 1009;
        /// <summary>Records refused by the full ring.</summary>
        public const ushort RingOverflowsParameter = 1010;
        /// <summary>Chip FIFO overflow episodes.</summary>
        public const ushort ChipOverflowsParameter = 1011;
        /// <summary>Records lost in the chip.</summary>
        public const ushort ChipLostParameter = 1012;
        /// <summary>Missed DRDY.</summary>
        public const ushort MissedDataReadyParameter = 1013;
        /// <summary>Blocks read from DRDY edges.</summary>
        public const ushort EdgeReadsParameter = 1014;
        /// <summary>Blocks read by the minor-frame step.</summary>
        public const ushort FrameReadsParameter = 1015;
        /// <summary>Ring high-water mark.</summary>
        public const ushort RingHighWaterParameter = 1016;
        /// <summary>Records outside a pass.</summary>
        public const ushort OutsidePassParameter = 1017;
        /// <summary>DRDY edges that found DRDY already released.</summary>
        public const ushort EdgesSkippedParameter = 1018;

        // Parameters: FDIR.
        /// <summary>DigitizerHealthState.</summary>
        public const ushort DigitizerStateParameter = 1020;
        /// <summary>1 while degraded.</summary>
        public const ushort DegradedParameter = 1021;
        /// <summary>Faults detected.</summary>
        public const ushort FaultsParameter = 1022;
        /// <summary>Successful recoveries.</summary>
        public const ushort RecoveriesParameter = 1023;
        /// <summary>Failed recovery attempts.</summary>
        public const ushort FailedRecoveriesParameter = 1024;
        /// <summary>Resets pulsed.</summary>
        public const ushort ResetsParameter = 1025;
        /// <summary>Resets the chip did by itself.</summary>
        public const ushort UnexpectedResetsParameter = 1026;
        /// <summary>Last DigitizerResult.</summary>
        public const ushort LastResultParameter = 1027;
        /// <summary>Configured and applied THRESHOLD (persisted, written by ACQ_CONFIGURE only).</summary>
        public const ushort ThresholdParameter = 1028;
        /// <summary>Configured and applied WATERMARK (persisted, written by ACQ_CONFIGURE only).</summary>
        public const ushort WatermarkParameter = 1029;
        /// <summary>Configured and applied MAX_LATENCY (persisted, written by ACQ_CONFIGURE only).</summary>
        public const ushort MaxLatencyParameter = 1030;
        /// <summary>Configured and applied MIN_WIDTH (persisted, written by ACQ_CONFIGURE only).</summary>
        public const ushort MinWidthParameter = 1031;
        /// <summary>No-response frames.</summary>
        public const ushort NoResponsesParameter = 1032;

        // Parameters: settable tunables.
        /// <summary>Raw decimation N (settable).</summary>
        public const ushort RawDecimationParameter = 1035;
        /// <summary>K of the start window (settable).</summary>
        public const ushort StartPulsesParameter = 1036;
        /// <summary>Loss of signal, ms (settable).</summary>
        public const ushort LossOfSignalParameter = 1037;
        /// <summary>Main-lobe drop, mdB (settable).</summary>
        public const ushort MainLobeDropParameter = 1038;
        /// <summary>CRC errors allowed per window (settable).</summary>
        public const ushort CrcLimitParameter = 1039;
        /// <summary>CRC window, s (settable).</summary>
        public const ushort CrcWindowParameter = 1040;
        /// <summary>Failed recoveries before degraded (settable).</summary>
        public const ushort MaxRecoveriesParameter = 1041;

        // Parameters: downlink.
        /// <summary>Raw records waiting.</summary>
        public const ushort RawQueuedParameter = 1045;
        /// <summary>Raw records dropped this pass.</summary>
        public const ushort RawDroppedParameter = 1046;
        /// <summary>Raw chunks started.</summary>
        public const ushort RawChunksParameter = 1047;
        /// <summary>Messages refused by the downlink.</summary>
        public const ushort DownlinkRefusedParameter = 1048;
        /// <summary>Last transaction started.</summary>
        public const ushort LastTransactionParameter = 1049;

        // Parameters: last pass summary.
        /// <summary>PassEndReason of the last pass.</summary>
        public const ushort LastEndReasonParameter = 1050;
        /// <summary>Pulses in the last products.</summary>
        public const ushort LastPulsesParameter = 1051;
        /// <summary>ProductValidity of the last products.</summary>
        public const ushort LastValidityParameter = 1052;
        /// <summary>Peak TOA, ms.</summary>
        public const ushort LastPeakToaParameter = 1053;
        /// <summary>Beamwidth, mdeg.</summary>
        public const ushort LastBeamwidthParameter = 1054;
        /// <summary>PRF, mHz.</summary>
        public const ushort LastPrfParameter = 1055;
        /// <summary>Missed pulses.</summary>
        public const ushort LastMissedPulsesParameter = 1056;
        /// <summary>Transaction of the last products.</summary>
        public const ushort LastProductsTransactionParameter = 1057;
        /// <summary>Peak level, mdBm.</summary>
        public const ushort LastPeakLevelParameter = 1058;

        // Parameters: snapshots.
        /// <summary>Snapshots queued.</summary>
        public const ushort SnapshotsParameter = 1060;
        /// <summary>Capture number of the last snapshot.</summary>
        public const ushort SnapshotCaptureParameter = 1061;

        // Events.
        /// <summary>ACQ_ARMED.</summary>
        public const ushort ArmedEvent = 1000;
        /// <summary>ACQ_PASS_STARTED.</summary>
        public const ushort PassStartedEvent = 1001;
        /// <summary>ACQ_PASS_ENDED.</summary>
        public const ushort PassEndedEvent = 1002;
        /// <summary>ACQ_PRODUCTS_READY.</summary>
        public const ushort ProductsReadyEvent = 1003;
        /// <summary>ACQ_OVERFLOW.</summary>
        public const ushort OverflowEvent = 1004;
        /// <summary>ACQ_DIGITIZER_FAULT.</summary>
        public const ushort DigitizerFaultEvent = 1005;
        /// <summary>ACQ_DIGITIZER_RECOVERED.</summary>
        public const ushort DigitizerRecoveredEvent = 1006;
        /// <summary>ACQ_DIGITIZER_DEGRADED.</summary>
        public const ushort DigitizerDegradedEvent = 1007;
        /// <summary>ACQ_SNAPSHOT_CAPTURED.</summary>
        public const ushort SnapshotCapturedEvent = 1008;
        /// <summary>ACQ_DOWNLINK_REFUSED.</summary>
        public const ushort DownlinkRefusedEvent = 1009;
        /// <summary>ACQ_CONFIG_REFUSED: the persisted configuration was invalid at boot; the build's defaults apply.</summary>
        public const ushort ConfigurationRefusedEvent = 1010;

        /// <summary>ACQ_CONFIGURE's failure data when the verified settings could not be saved (the previous ones were written back); above every DigitizerResult.</summary>
        public const long NotSavedData = 256;

        /// <summary>Source of ACQ_OVERFLOW: the flight record ring.</summary>
        public const int RingOverflowSource = 1;

        /// <summary>Source of ACQ_OVERFLOW: the chip's FIFO.</summary>
        public const int ChipOverflowSource = 2;

        /// <summary>Adds the acquisition's commands, parameters and events.</summary>
        public static void Declare(DictionaryBuilder dictionary)
        {
            DeclareCommands(dictionary);
            DeclareLoopParameters(dictionary);
            DeclareFdirParameters(dictionary);
            DeclareSettableParameters(dictionary);
            DeclareSummaryParameters(dictionary);
            DeclareEvents(dictionary);
        }

        /// <summary>The suggested ST[3] structure of the acquisition, every second, enabled at boot.</summary>
        public static HousekeepingStructureDefinition HousekeepingStructure(byte id, int intervalTicks)
        {
            return new HousekeepingStructureDefinition(id, "HK_ACQUISITION", new ushort[]
            {
                StateParameter, PassNumberParameter, PassPulsesParameter, BlocksReadParameter, RecordsReadParameter,
                CrcErrorsParameter, ReReadsParameter, DroppedBlocksParameter, RecordsLostParameter, RingOverflowsParameter,
                ChipOverflowsParameter, ChipLostParameter, MissedDataReadyParameter, RingHighWaterParameter,
                DigitizerStateParameter, DegradedParameter, FaultsParameter, RecoveriesParameter,
                RawQueuedParameter, RawDroppedParameter,
                LastEndReasonParameter, LastPulsesParameter, LastPeakToaParameter, LastBeamwidthParameter, LastPrfParameter,
                LastMissedPulsesParameter,
            }, intervalTicks, true, "Acquisition loop, digitizer health and the last pass's products");
        }

        private static void DeclareCommands(DictionaryBuilder dictionary)
        {
            var radar = new ArgumentDefinition("radar", DataType.UInt8, "", 0, 2, "Expected radar: sets the start window and the beam geometry");
            radar.EnumerationLabels = RadarLabels();
            dictionary.Add(new CommandDefinition("ACQ_ARM", Service, ArmSubtype,
                "Arms the acquisition of one radar pass; the pass starts at the first run of pulses like the expected radar's",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("max_wait_s", DataType.UInt16, "s", 1, 65535, "Longest wait for the pass to start"),
                    new ArgumentDefinition("pass_timeout_s", DataType.UInt16, "s", 1, 3600, "Longest pass, from its first pulse"),
                    radar,
                    new ArgumentDefinition("prf_hint_hz", DataType.UInt16, "Hz", 0, 10000, "PRF that sizes the start window; 0: the radar's nominal, else at least 100"),
                    new ArgumentDefinition("slant_range_km", DataType.UInt16, "km", 0, 2000, "Slant range at closest approach for the beam angle; 0: the radar's nominal"),
                }, ModeMask.Acquire, 1));
            dictionary.Add(new CommandDefinition("ACQ_STOP", Service, StopSubtype,
                "Ends the pass under way (its products are computed) or disarms; does nothing when idle",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("ACQ_RESET", Service, ResetSubtype,
                "Back to idle at once: discards the pass, its products, raw records and snapshot; gives a degraded digitizer a new bring-up",
                new ArgumentDefinition[0], ModeMask.Any, 1));
            dictionary.Add(new CommandDefinition("ACQ_CONFIGURE", Service, ConfigureSubtype,
                "Writes the digitizer's acquisition settings, verifies them by read-back and keeps them across resets; not while armed or in a pass",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("threshold", DataType.UInt16, "code", 0, AcquisitionConfiguration.MaxThreshold, "Comparator threshold in peak-code units"),
                    new ArgumentDefinition("watermark", DataType.UInt16, "records", AcquisitionConfiguration.MinWatermark, AcquisitionConfiguration.MaxWatermark,
                        "FIFO level that raises DRDY, at most the driver's block size"),
                    new ArgumentDefinition("max_latency_ticks", DataType.UInt32, "ticks", AcquisitionConfiguration.MinMaxLatencyTicks, AcquisitionConfiguration.MaxMaxLatencyTicks,
                        "Age of the oldest FIFO record that raises DRDY (100 us to 1 s)"),
                    new ArgumentDefinition("min_width_ticks", DataType.UInt16, "ticks", 0, AcquisitionConfiguration.MaxMinWidthTicks, "Narrowest pulse recorded, 12.5 ns ticks"),
                }, ModeMask.Operational, 1));
            dictionary.Add(new CommandDefinition("ACQ_SELF_TEST", Service, SelfTestSubtype,
                "Reads the digitizer's ID and drives every data bit through SCRATCH; fails with the result code",
                new ArgumentDefinition[0], ModeMask.Operational, 1));
            dictionary.Add(new CommandDefinition("ACQ_SNAPSHOT", Service, SnapshotSubtype,
                "Captures the envelope of a coming pulse and sends it by ST[13]; completes when the transfer has started",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("pulse_index", DataType.UInt16, "", "Accepted pulses to skip first (0: the next one)"),
                }, ModeMask.Acquire, SnapshotTimeoutTicks));
            dictionary.Add(new CommandDefinition("ACQ_SET_RAW_DECIMATION", Service, SetRawDecimationSubtype,
                "Sets N: every Nth pulse record of the next passes goes down raw (0: none)",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("decimation", DataType.UInt16, "", 0, MaxDecimation, "N, 0 to switch raw records off"),
                }, ModeMask.Any, 1));
        }

        private static void DeclareLoopParameters(DictionaryBuilder dictionary)
        {
            dictionary.Add(Enumerated(StateParameter, "acq.state", PassStateLabels(), "Pass state"));
            dictionary.Add(new ParameterDefinition(PassNumberParameter, "acq.pass_number", DataType.UInt16, "", "Passes armed since boot; the present or last pass's number"));
            dictionary.Add(new ParameterDefinition(PassPulsesParameter, "acq.pass_pulses", DataType.UInt32, "", "Pulses of the present or last pass"));
            dictionary.Add(new ParameterDefinition(BlocksReadParameter, "acq.blocks_read", DataType.UInt32, "", "Digitizer FIFO blocks read since boot"));
            dictionary.Add(new ParameterDefinition(RecordsReadParameter, "acq.records_read", DataType.UInt32, "", "Pulse records read since boot"));
            dictionary.Add(Counter(CrcErrorsParameter, "acq.crc_errors", "Digitizer frames with a bad CRC since boot"));
            dictionary.Add(Counter(FrameErrorsParameter, "acq.frame_errors", "Digitizer frames with a wrong echo or count since boot"));
            dictionary.Add(new ParameterDefinition(ReReadsParameter, "acq.re_reads", DataType.UInt32, "", "FIFO blocks read again after a damaged burst"));
            dictionary.Add(Counter(DroppedBlocksParameter, "acq.dropped_blocks", "FIFO blocks damaged twice and dropped"));
            dictionary.Add(Counter(RecordsLostParameter, "acq.records_lost", "Records lost with dropped blocks"));
            dictionary.Add(Counter(RingOverflowsParameter, "acq.ring_overflows", "Records refused by the full flight record ring"));
            dictionary.Add(Counter(ChipOverflowsParameter, "acq.chip_overflows", "Overflow episodes of the digitizer's FIFO"));
            dictionary.Add(Counter(ChipLostParameter, "acq.chip_lost", "Records the digitizer discarded (FIFO full)"));
            dictionary.Add(Counter(MissedDataReadyParameter, "acq.missed_drdy", "Polls that found records DRDY should have announced"));
            dictionary.Add(new ParameterDefinition(EdgeReadsParameter, "acq.edge_reads", DataType.UInt32, "", "Blocks read on DRDY falling edges"));
            dictionary.Add(new ParameterDefinition(FrameReadsParameter, "acq.frame_reads", DataType.UInt32, "", "Blocks read by the minor-frame step while DRDY stayed asserted"));
            dictionary.Add(new ParameterDefinition(RingHighWaterParameter, "acq.ring_high_water", DataType.UInt32, "records", "Most records waiting in the flight record ring"));
            dictionary.Add(new ParameterDefinition(OutsidePassParameter, "acq.outside_pass", DataType.UInt32, "", "Records that arrived outside a pass and were discarded"));
            dictionary.Add(new ParameterDefinition(EdgesSkippedParameter, "acq.edges_skipped", DataType.UInt32, "", "DRDY edges that arrived after the frame step had emptied the FIFO"));
        }

        private static void DeclareFdirParameters(DictionaryBuilder dictionary)
        {
            dictionary.Add(Enumerated(DigitizerStateParameter, "acq.dig.state", DigitizerHealthLabels(), "Digitizer health as FDIR sees it"));
            var degraded = new ParameterDefinition(DegradedParameter, "acq.dig.degraded", DataType.Boolean, "", "1 when FDIR gave up on the digitizer");
            degraded.HighLimit = 0;
            dictionary.Add(degraded);
            dictionary.Add(Counter(FaultsParameter, "acq.dig.faults", "Digitizer faults detected since boot"));
            dictionary.Add(new ParameterDefinition(RecoveriesParameter, "acq.dig.recoveries", DataType.UInt32, "", "Digitizer recoveries that succeeded"));
            dictionary.Add(Counter(FailedRecoveriesParameter, "acq.dig.failed_recoveries", "Digitizer bring-up or recovery attempts that failed"));
            dictionary.Add(new ParameterDefinition(ResetsParameter, "acq.dig.resets", DataType.UInt32, "", "Resets pulsed on the digitizer's nRESET"));
            dictionary.Add(Counter(UnexpectedResetsParameter, "acq.dig.unexpected_resets", "Resets the digitizer went through by itself"));
            dictionary.Add(Enumerated(LastResultParameter, "acq.dig.last_result", DigitizerResultLabels(),
                "Last bring-up, recovery, configuration or self-test result"));
            dictionary.Add(Configured(ThresholdParameter, "acq.cfg.threshold", DataType.UInt16, "code", "Comparator threshold configured and applied"));
            dictionary.Add(Configured(WatermarkParameter, "acq.cfg.watermark", DataType.UInt16, "records", "FIFO watermark configured and applied"));
            dictionary.Add(Configured(MaxLatencyParameter, "acq.cfg.max_latency_ticks", DataType.UInt32, "ticks", "MAX_LATENCY configured and applied"));
            dictionary.Add(Configured(MinWidthParameter, "acq.cfg.min_width_ticks", DataType.UInt16, "ticks", "MIN_WIDTH configured and applied"));
            dictionary.Add(Counter(NoResponsesParameter, "acq.dig.no_responses", "Digitizer frames answered with MISO held"));
        }

        private static void DeclareSettableParameters(DictionaryBuilder dictionary)
        {
            dictionary.Add(Settable(RawDecimationParameter, "acq.raw_decimation", DataType.UInt16, "", 1, 0, MaxDecimation,
                "Every Nth pulse record of a pass goes down raw (0: none); latched at ACQ_ARM"));
            dictionary.Add(Settable(StartPulsesParameter, "acq.start_pulses", DataType.UInt8, "", 16, 2, PassStateMachine.MaxStartPulses,
                "Pulses within 1.5 PRI each that start a pass; latched at ACQ_ARM"));
            dictionary.Add(Settable(LossOfSignalParameter, "acq.los_timeout_ms", DataType.UInt16, "ms", 3000, 100, 60000,
                "No pulse for this long after the main lobe ends the pass; longer than any silence before the peak"));
            dictionary.Add(Settable(MainLobeDropParameter, "acq.main_lobe_drop_mdb", DataType.UInt16, "mdB", 3000, 500, 30000,
                "Fall of the mean pulse level below its maximum that marks the main lobe as passed"));
            dictionary.Add(Settable(CrcLimitParameter, "acq.fdir.crc_limit", DataType.UInt16, "", 10, 1, 10000,
                "Digitizer CRC errors within the window that make FDIR reset it"));
            dictionary.Add(Settable(CrcWindowParameter, "acq.fdir.crc_window_s", DataType.UInt8, "s", 10, 1, DigitizerSupervisor.MaxCrcWindowSeconds,
                "Window of the CRC error limit"));
            dictionary.Add(Settable(MaxRecoveriesParameter, "acq.fdir.max_recoveries", DataType.UInt8, "", 3, 1, 20,
                "Failed digitizer recoveries in a row after which FDIR gives up (degraded)"));
        }

        private static void DeclareSummaryParameters(DictionaryBuilder dictionary)
        {
            dictionary.Add(new ParameterDefinition(RawQueuedParameter, "acq.raw.queued", DataType.UInt32, "records", "Raw records waiting for the downlink"));
            dictionary.Add(Counter(RawDroppedParameter, "acq.raw.dropped", "Raw records of the present or last pass the full backlog refused"));
            dictionary.Add(new ParameterDefinition(RawChunksParameter, "acq.raw.chunks", DataType.UInt32, "", "Raw record messages started on ST[13] since boot"));
            dictionary.Add(Counter(DownlinkRefusedParameter, "acq.downlink_refused", "Messages the ST[13] downlink refused for good"));
            dictionary.Add(new ParameterDefinition(LastTransactionParameter, "acq.last_message_transaction", DataType.UInt16, "", "Transaction of the last message started on ST[13]"));
            dictionary.Add(Enumerated(LastEndReasonParameter, "acq.last.end_reason", PassEndReasonLabels(), "Why the last pass ended"));
            dictionary.Add(new ParameterDefinition(LastPulsesParameter, "acq.last.pulses", DataType.UInt32, "", "Pulses in the last pass's products"));
            dictionary.Add(new ParameterDefinition(LastValidityParameter, "acq.last.validity", DataType.UInt16, "", "ProductValidity bits of the last products"));
            dictionary.Add(new ParameterDefinition(LastPeakToaParameter, "acq.last.peak_toa_ms", DataType.UInt32, "ms", "Pattern peak of the last pass on the TOA axis"));
            dictionary.Add(new ParameterDefinition(LastBeamwidthParameter, "acq.last.beamwidth_mdeg", DataType.UInt32, "mdeg", "3 dB beamwidth of the last pass"));
            dictionary.Add(new ParameterDefinition(LastPrfParameter, "acq.last.prf_mhz", DataType.UInt32, "mHz", "PRF of the last pass"));
            dictionary.Add(new ParameterDefinition(LastMissedPulsesParameter, "acq.last.missed_pulses", DataType.UInt32, "", "Missed pulses in the last pass"));
            dictionary.Add(new ParameterDefinition(LastProductsTransactionParameter, "acq.last.products_transaction", DataType.UInt16, "", "ST[13] transaction of the last products"));
            dictionary.Add(new ParameterDefinition(LastPeakLevelParameter, "acq.last.peak_mdbm", DataType.Int32, "mdBm", "Pattern peak level of the last pass at the detector"));
            dictionary.Add(new ParameterDefinition(SnapshotsParameter, "acq.snap.captures", DataType.UInt16, "", "Snapshots sent since boot"));
            dictionary.Add(new ParameterDefinition(SnapshotCaptureParameter, "acq.snap.capture_number", DataType.UInt16, "", "The chip's capture number of the last snapshot"));
        }

        private static void DeclareEvents(DictionaryBuilder dictionary)
        {
            var reason = new ArgumentDefinition("reason", DataType.UInt8, "", 0, 7, "Why it ended");
            reason.EnumerationLabels = PassEndReasonLabels();
            var radar = new ArgumentDefinition("radar", DataType.UInt8, "", 0, 2, "Expected radar");
            radar.EnumerationLabels = RadarLabels();
            var faultReason = new ArgumentDefinition("reason", DataType.UInt8, "", 1, 6, "What FDIR saw");
            faultReason.EnumerationLabels = new string[] { "NOT_RESPONDING", "CRC_ERRORS", "CONFIGURATION_LOST", "STUCK_DATA_READY", "BUS_EXCEPTION", "BRING_UP_FAILED" };
            var source = new ArgumentDefinition("source", DataType.UInt8, "", 1, 2, "Where records were lost");
            source.EnumerationLabels = new string[] { "RING", "CHIP" };
            var kind = new ArgumentDefinition("kind", DataType.UInt8, "", 1, 3, "Message kind");
            kind.EnumerationLabels = new string[] { "PRODUCTS", "RAW_RECORDS", "SNAPSHOT" };

            dictionary.Add(new EventDefinition(ArmedEvent, "ACQ_ARMED", Severity.Informative, "A pass acquisition was armed",
                new ArgumentDefinition[] { PassArgument(), radar, new ArgumentDefinition("max_wait_s", DataType.UInt16, "s", "Longest wait for the pass") }));
            dictionary.Add(new EventDefinition(PassStartedEvent, "ACQ_PASS_STARTED", Severity.Informative, "The first pulses of the pass arrived",
                new ArgumentDefinition[] { PassArgument(), new ArgumentDefinition("first_toa_ms", DataType.UInt32, "ms", "TOA of the first pulse") }));
            dictionary.Add(new EventDefinition(PassEndedEvent, "ACQ_PASS_ENDED", Severity.Informative, "The pass (or the arming) ended",
                new ArgumentDefinition[]
                {
                    reason,
                    new ArgumentDefinition("pulses", DataType.UInt32, "", "Pulses of the pass"),
                    new ArgumentDefinition("duration_ms", DataType.UInt32, "ms", "First to last pulse"),
                }));
            dictionary.Add(new EventDefinition(ProductsReadyEvent, "ACQ_PRODUCTS_READY", Severity.Informative, "The pass products started down by ST[13]",
                new ArgumentDefinition[]
                {
                    TransactionArgument(),
                    new ArgumentDefinition("pulses", DataType.UInt32, "", "Pulses of the pass"),
                    new ArgumentDefinition("peak_toa_ms", DataType.UInt32, "ms", "Pattern peak on the TOA axis"),
                }));
            dictionary.Add(new EventDefinition(OverflowEvent, "ACQ_OVERFLOW", Severity.Low, "Pulse records were lost to a full buffer",
                new ArgumentDefinition[]
                {
                    source,
                    new ArgumentDefinition("lost", DataType.UInt32, "", "Records lost since the last poll"),
                    new ArgumentDefinition("total", DataType.UInt32, "", "Records lost there since boot"),
                }));
            dictionary.Add(new EventDefinition(DigitizerFaultEvent, "ACQ_DIGITIZER_FAULT", Severity.Medium, "FDIR found the digitizer faulty and resets it",
                new ArgumentDefinition[]
                {
                    faultReason,
                    new ArgumentDefinition("detail", DataType.UInt32, "", "Failed frames in a row, CRC errors in the window, unexpected resets, empty reads, or the result code"),
                    new ArgumentDefinition("faults", DataType.UInt32, "", "Faults since boot"),
                }));
            dictionary.Add(new EventDefinition(DigitizerRecoveredEvent, "ACQ_DIGITIZER_RECOVERED", Severity.Informative, "A reset, self-test and configuration brought the digitizer back",
                new ArgumentDefinition[]
                {
                    new ArgumentDefinition("attempts", DataType.UInt8, "", "Attempts this recovery took"),
                    new ArgumentDefinition("recoveries", DataType.UInt32, "", "Recoveries since boot"),
                }));
            dictionary.Add(new EventDefinition(DigitizerDegradedEvent, "ACQ_DIGITIZER_DEGRADED", Severity.High, "FDIR gave up on the digitizer: no acquisition until ACQ_RESET",
                new ArgumentDefinition[]
                {
                    DigitizerResultArgument(),
                    new ArgumentDefinition("attempts", DataType.UInt8, "", "Failed attempts in a row"),
                }));
            dictionary.Add(new EventDefinition(SnapshotCapturedEvent, "ACQ_SNAPSHOT_CAPTURED", Severity.Informative, "A pulse snapshot started down by ST[13]",
                new ArgumentDefinition[]
                {
                    TransactionArgument(),
                    new ArgumentDefinition("capture_number", DataType.UInt16, "", "The chip's capture number"),
                    new ArgumentDefinition("toa_ms", DataType.UInt32, "ms", "TOA of the captured pulse"),
                }));
            var field = new ArgumentDefinition("field", DataType.UInt8, "", 0, 3, "The first setting out of range (ACQ_CONFIGURE's argument index)");
            field.EnumerationLabels = new string[] { "THRESHOLD", "WATERMARK", "MAX_LATENCY", "MIN_WIDTH" };
            dictionary.Add(new EventDefinition(ConfigurationRefusedEvent, "ACQ_CONFIG_REFUSED", Severity.Medium,
                "The persisted digitizer configuration is invalid for this build: the default configuration is applied instead; send ACQ_CONFIGURE",
                new ArgumentDefinition[] { field, new ArgumentDefinition("value", DataType.UInt32, "", "The stored value of that setting") }));
            dictionary.Add(new EventDefinition(DownlinkRefusedEvent, "ACQ_DOWNLINK_REFUSED", Severity.Low, "The ST[13] downlink refused a message; it was dropped",
                new ArgumentDefinition[] { kind, TransactionArgument(), new ArgumentDefinition("length", DataType.UInt32, "octets", "Message length") }));
        }

        private static ParameterDefinition Counter(ushort id, string name, string description)
        {
            // Every one of these stays at 0 on a healthy board: the limit flags the first occurrence.
            var parameter = new ParameterDefinition(id, name, DataType.UInt32, "", description);
            parameter.HighLimit = 0;
            return parameter;
        }

        private static ParameterDefinition Settable(ushort id, string name, DataType type, string unit, long defaultValue, long minimum, long maximum, string description)
        {
            var parameter = new ParameterDefinition(id, name, type, unit, description);
            parameter.Settable = true;
            parameter.Persisted = true;
            parameter.DefaultValue = defaultValue;
            parameter.Minimum = minimum;
            parameter.Maximum = maximum;
            return parameter;
        }

        // Persisted but not settable: ST[20] cannot set them, because a configuration must pass ACQ_CONFIGURE's checks (the
        // block size, no pass under way) and the digitizer's read-back before it is kept, and PARAM_SET can do neither.
        // Default 0 (no watermark is 0) means "never configured": the build's AcquisitionSettings apply. Their range is
        // the type's, so the restore takes any stored value and the controller judges the set as a whole at boot.
        private static ParameterDefinition Configured(ushort id, string name, DataType type, string unit, string description)
        {
            var parameter = new ParameterDefinition(id, name, type, unit, description);
            parameter.Persisted = true;
            return parameter;
        }

        private static ParameterDefinition Enumerated(ushort id, string name, string[] labels, string description)
        {
            var parameter = new ParameterDefinition(id, name, DataType.UInt8, "", description);
            parameter.EnumerationLabels = labels;
            return parameter;
        }

        private static ArgumentDefinition DigitizerResultArgument()
        {
            var result = new ArgumentDefinition("result", DataType.UInt8, "", "Result of the last attempt");
            result.EnumerationLabels = DigitizerResultLabels();
            return result;
        }

        // Label i names value i of the enum; a host test compares them with the enum's member names so they cannot drift.
        private static string[] PassStateLabels()
        {
            return new string[] { "IDLE", "ARMED", "IN_PASS", "PRODUCT_READY" };
        }

        private static string[] DigitizerHealthLabels()
        {
            return new string[] { "BRING_UP", "OPERATIONAL", "RECOVERING", "DEGRADED" };
        }

        private static string[] DigitizerResultLabels()
        {
            return new string[] { "OK", "NO_RESPONSE", "CRC_ERROR", "FRAME_ERROR", "WRONG_ID", "SCRATCH_MISMATCH", "VERIFY_FAILED", "REJECTED" };
        }

        private static string[] PassEndReasonLabels()
        {
            return new string[] { "TIMEOUT", "LOSS_OF_SIGNAL", "STOPPED", "DIGITIZER_FAULT", "MODE_EXIT", "NO_SIGNAL", "CAPACITY", "RESET" };
        }

        private static ArgumentDefinition PassArgument()
        {
            return new ArgumentDefinition("pass_number", DataType.UInt16, "", "Passes armed since boot");
        }

        private static ArgumentDefinition TransactionArgument()
        {
            return new ArgumentDefinition("transaction_id", DataType.UInt16, "", "ST[13] large message transaction");
        }

        private static string[] RadarLabels()
        {
            return new string[] { "NISAR", "SENTINEL1", "OTHER" };
        }
    }
}
