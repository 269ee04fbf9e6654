using Payload.Flight.Commanding;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using Payload.Flight.Verification;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>TC[130,*] through the real command pipeline: modes, argument ranges, what only the controller can refuse, and the digitizer's answers.</summary>
public class AcquisitionCommandTests
{
    private const long Second = 80_000_000;

    [Theory]
    [InlineData(Mode.Safe)]
    [InlineData(Mode.Standby)]
    public void Arm_and_snapshot_are_refused_outside_acquire(Mode mode)
    {
        var rig = new AcquisitionRig().Start(mode);

        var arm = rig.Arm();
        var snapshot = rig.Execute(SnapshotSubtype, AcquisitionRig.U16(0));

        Assert.Equal((false, VerificationReporter.AcceptanceFailure, FailureCode.WrongMode), (arm.Succeeded, arm.ReportSubtype, arm.Code));
        Assert.Equal((false, FailureCode.WrongMode), (snapshot.Succeeded, snapshot.Code));
        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
    }

    [Fact]
    public void Configure_and_self_test_are_refused_in_safe_and_run_in_standby()
    {
        var rig = new AcquisitionRig().Start(Mode.Safe);
        Assert.Equal(FailureCode.WrongMode, rig.Execute(SelfTestSubtype, []).Code);
        Assert.Equal(FailureCode.WrongMode, rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, 16, 400_000, 400)).Code);

        Assert.True(rig.Modes.TryEnter(Mode.Standby));
        Assert.True(rig.Execute(SelfTestSubtype, []).Succeeded);
        Assert.True(rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, 8, 400_000, 400)).Succeeded);

        Assert.Equal((25_000, 8, 400_000L, 400), (rig.Chip.Threshold, rig.Chip.Watermark, rig.Chip.MaxLatency, rig.Chip.MinWidth));
        Assert.Equal((25_000L, 8L, 400_000L, 400L), (rig.Parameter(ThresholdParameter), rig.Parameter(WatermarkParameter),
            rig.Parameter(MaxLatencyParameter), rig.Parameter(MinWidthParameter)));
    }

    [Theory]
    [InlineData(25_000, 0, 400_000, 400, 1)]        // watermark below 1
    [InlineData(25_000, 2000, 400_000, 400, 1)]     // above the FIFO
    [InlineData(25_000, 16, 100, 400, 2)]           // max latency below 100 µs
    [InlineData(25_000, 16, 90_000_000, 400, 2)]    // above 1 s
    public void Configure_arguments_out_of_their_declared_range_are_refused_at_acceptance(int threshold, int watermark, long latency, int width, int argument)
    {
        var rig = new AcquisitionRig().Start();

        var result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(threshold, watermark, latency, width));

        Assert.Equal((false, VerificationReporter.AcceptanceFailure, FailureCode.IllegalArgument, (long)argument),
            (result.Succeeded, result.ReportSubtype, result.Code, result.Data));
        Assert.Equal(20_000, rig.Chip.Threshold);
    }

    [Fact]
    public void Configure_refuses_a_watermark_above_the_block_and_any_change_during_a_pass()
    {
        var rig = new AcquisitionRig().Start();

        var result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, AcquisitionRig.BlockRecords + 1, 400_000, 400));
        Assert.Equal((false, VerificationReporter.CompletionFailure, FailureCode.IllegalArgument, 1L), (result.Succeeded, result.ReportSubtype, result.Code, result.Data));

        rig.Arm();
        result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, 8, 400_000, 400));
        Assert.Equal((FailureCode.Busy, (long)PassState.Armed), (result.Code, result.Data));
        Assert.Equal(FailureCode.Busy, rig.Execute(SelfTestSubtype, []).Code);
        Assert.Equal(20_000, rig.Chip.Threshold);
    }

    [Fact]
    public void A_configuration_the_chip_does_not_take_fails_with_its_result_and_the_previous_one_is_written_back()
    {
        var rig = new AcquisitionRig().Start();
        rig.Chip.RefuseThreshold = true;

        var result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, 8, 400_000, 400));

        Assert.Equal((false, FailureCode.ExecutionError, (long)DigitizerResult.VerifyFailed), (result.Succeeded, result.Code, result.Data));
        Assert.Equal(rig.Settings.Watermark, rig.Chip.Watermark); // the threshold failed first; nothing else changed
        Assert.Equal(20_000L, rig.Parameter(ThresholdParameter));
        Assert.Equal((long)DigitizerResult.VerifyFailed, rig.Parameter(LastResultParameter));
    }

    [Fact]
    public void A_self_test_failure_is_a_completion_failure_with_the_result_code()
    {
        var rig = new AcquisitionRig().Start();
        rig.Chip.WrongId = true;

        var result = rig.Execute(SelfTestSubtype, []);

        Assert.Equal((false, VerificationReporter.CompletionFailure, FailureCode.ExecutionError, (long)DigitizerResult.WrongId),
            (result.Succeeded, result.ReportSubtype, result.Code, result.Data));
    }

    [Fact]
    public void Arm_refuses_a_prf_hint_below_100_hz_and_a_second_arm()
    {
        var rig = new AcquisitionRig().Start();

        var hint = rig.Arm(prfHintHz: 50);
        Assert.Equal((FailureCode.IllegalArgument, 3L), (hint.Code, hint.Data));
        var range = rig.Arm(timeoutS: 4000);
        Assert.Equal((VerificationReporter.AcceptanceFailure, FailureCode.IllegalArgument, 1L), (range.ReportSubtype, range.Code, range.Data));

        Assert.True(rig.Arm(prfHintHz: 1717).Succeeded);
        var again = rig.Arm();
        Assert.Equal((FailureCode.Busy, (long)PassState.Armed), (again.Code, again.Data));
        Assert.Equal([1L, (long)ExpectedRadar.Nisar, 60L], Assert.Single(rig.Raised(ArmedEvent)));
    }

    [Fact]
    public void A_prf_hint_sizes_the_start_window()
    {
        // 16 pulses at 500 Hz span 30 ms: too slow for NISAR's window (16 × 1.5 / 1650 Hz = 14.5 ms), inside a 500 Hz hint's.
        var nominal = new AcquisitionRig().Start();
        nominal.Arm(maxWaitS: 2);
        nominal.Train(nominal.NowTicks + Second / 10, 100, 160_000);
        nominal.RunSeconds(1);
        Assert.Equal(PassState.Armed, nominal.Controller.Pass.State);

        var hinted = new AcquisitionRig().Start();
        hinted.Arm(prfHintHz: 500);
        hinted.Train(hinted.NowTicks + Second / 10, 100, 160_000);
        hinted.RunSeconds(1);
        Assert.Equal(PassState.InPass, hinted.Controller.Pass.State);
    }

    [Fact]
    public void A_snapshot_runs_until_the_pulse_is_captured_and_its_transfer_started()
    {
        var rig = new AcquisitionRig().Start();
        var command = rig.Submit(Service, SnapshotSubtype, AcquisitionRig.U16(3));
        rig.Run(20);
        Assert.Null(rig.Outcome(command));
        long start = rig.NowTicks + Second / 10;
        rig.Train(start, 50, 48_485);

        Assert.True(rig.RunUntil(() => rig.Outcome(command) is not null, 100));

        Assert.True(rig.Outcome(command)!.Succeeded);
        byte[] message = Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.SnapshotKind));
        Assert.Equal(AcquisitionMessage.SnapshotMaxLength, message.Length);
        Assert.Equal(start + 3 * 48_485L, BigEndian.ReadUInt48(message, 4)); // pulses 0..2 skipped; the chip epoch is 0
        Assert.Equal((1, 64, 512, 3), (BigEndian.ReadUInt16(message, 10), BigEndian.ReadUInt16(message, 12),
            BigEndian.ReadUInt16(message, 14), BigEndian.ReadUInt16(message, 16)));
        var captured = Assert.Single(rig.Raised(SnapshotCapturedEvent));
        Assert.Equal(rig.Downlink.Started.Single(s => s.Message[0] == AcquisitionMessage.SnapshotKind).Transaction, captured[0]);
        Assert.Equal(1L, rig.Parameter(SnapshotsParameter));
    }

    [Fact]
    public void A_snapshot_whose_pulse_never_comes_times_out_and_a_second_one_can_run()
    {
        var rig = new AcquisitionRig().Start();
        var command = rig.Submit(Service, SnapshotSubtype, AcquisitionRig.U16(0));

        rig.Run(SnapshotTimeoutTicks + 5);

        var outcome = rig.Outcome(command)!;
        Assert.Equal((false, FailureCode.Timeout), (outcome.Succeeded, outcome.Code));
        Assert.False(rig.Controller.Snapshot.IsBusy);
        var second = rig.Submit(Service, SnapshotSubtype, AcquisitionRig.U16(0));
        rig.Train(rig.NowTicks + Second / 10, 20, 48_485);
        Assert.True(rig.RunUntil(() => rig.Outcome(second) is not null, 100));
        Assert.True(rig.Outcome(second)!.Succeeded);
    }

    [Fact]
    public void A_second_snapshot_while_one_runs_is_busy()
    {
        var rig = new AcquisitionRig().Start();
        rig.Submit(Service, SnapshotSubtype, AcquisitionRig.U16(0));
        rig.Step();

        Assert.Equal(FailureCode.Busy, rig.Execute(SnapshotSubtype, AcquisitionRig.U16(0)).Code);
    }

    [Fact]
    public void Set_raw_decimation_sets_the_parameter_in_any_mode_within_its_range()
    {
        var rig = new AcquisitionRig().Start(Mode.Safe);

        Assert.True(rig.Execute(SetRawDecimationSubtype, AcquisitionRig.U16(7)).Succeeded);
        Assert.Equal(7L, rig.Parameter(RawDecimationParameter));
        var result = rig.Execute(SetRawDecimationSubtype, AcquisitionRig.U16(MaxDecimation + 1));
        Assert.Equal((VerificationReporter.AcceptanceFailure, FailureCode.IllegalArgument), (result.ReportSubtype, result.Code));
        Assert.Equal(7L, rig.Parameter(RawDecimationParameter));
    }

    [Fact]
    public void Commands_that_need_the_digitizer_are_disabled_while_it_is_degraded()
    {
        var rig = new AcquisitionRig().Start();
        rig.Chip.LockUpAfterReset = true;
        rig.Chip.LockedUp = true;
        Assert.True(rig.RunUntil(() => rig.Controller.Supervisor.IsDegraded, 1000));

        var arm = rig.Arm();
        Assert.Equal((FailureCode.Disabled, (long)DigitizerHealthState.Degraded), (arm.Code, arm.Data));
        Assert.Equal(FailureCode.Disabled, rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(25_000, 8, 400_000, 400)).Code);
        Assert.Equal(FailureCode.Disabled, rig.Execute(SnapshotSubtype, AcquisitionRig.U16(0)).Code);
        var test = rig.Execute(SelfTestSubtype, []);
        Assert.Equal((FailureCode.ExecutionError, (long)DigitizerResult.NoResponse), (test.Code, test.Data));
    }

    [Theory]
    [InlineData(0, 128, 10)]
    [InlineData(2, 0, 10)]
    [InlineData(2, 128, 0)]
    public void Work_bounds_below_one_are_refused_at_boot(int blocks, int records, int publish)
    {
        var settings = new AcquisitionSettings { MaxBlocksPerFrame = blocks, MaxRecordsPerFrame = records, PublishIntervalFrames = publish };

        Assert.Throws<ArgumentOutOfRangeException>(() => new AcquisitionRig(settings: settings));
    }

    [Fact]
    public void The_dictionary_is_well_formed_and_in_its_blocks()
    {
        var rig = new AcquisitionRig();
        var acquisition = rig.Dictionary.Commands.Where(c => c.Service == Service).ToList();
        Assert.Equal(7, acquisition.Count);
        Assert.All(acquisition, c => Assert.StartsWith("ACQ_", c.Mnemonic));
        var parameters = rig.Dictionary.Parameters.Where(p => p.Name.StartsWith("acq.")).ToList();
        Assert.All(parameters, p => Assert.InRange(p.Id, 1000, 1099));
        var events = rig.Dictionary.Events.Where(e => e.Name.StartsWith("ACQ_")).ToList();
        Assert.Equal(11, events.Count);
        Assert.All(events, e => Assert.InRange(e.Id, 1000, 1099));
        Assert.All(parameters.Where(p => p.Settable), p => Assert.InRange(p.DefaultValue, p.Minimum, p.Maximum));
        Assert.Equal(Payload.Flight.Dictionary.Severity.High, events.Single(e => e.Id == DigitizerDegradedEvent).Severity);

        var structure = HousekeepingStructure(21, 100);
        Assert.All(structure.ParameterIds, id => Assert.Contains(parameters, p => p.Id == id));
        Assert.True(new AcquisitionSettings().MaxMessageLength >= AcquisitionMessage.RawLength(256));
    }
}
