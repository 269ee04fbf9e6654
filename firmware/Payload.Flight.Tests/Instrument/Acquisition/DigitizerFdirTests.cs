using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Protocol;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>FDIR of the digitizer: detection, reset and recovery, giving up, and what a recovery means for the pass under way.</summary>
public class DigitizerFdirTests
{
    private const long Second = 80_000_000;
    private const int Pri = 48_485;

    [Fact]
    public void Boot_brings_the_digitizer_up_with_the_boot_configuration()
    {
        var rig = new AcquisitionRig();
        Assert.Equal(DigitizerHealthState.BringUp, rig.Controller.Supervisor.State);
        Assert.Equal(0, rig.Chip.Resets);

        rig.Step();

        Assert.Equal(DigitizerHealthState.Operational, rig.Controller.Supervisor.State);
        Assert.Equal(1, rig.Chip.Resets);
        Assert.Equal((20_000, AcquisitionRig.BlockRecords, 800_000L, 240), (rig.Chip.Threshold, rig.Chip.Watermark, rig.Chip.MaxLatency, rig.Chip.MinWidth));
        Assert.Equal(3, rig.Chip.Control);
        Assert.Empty(rig.Raised(DigitizerFaultEvent));
        Assert.Equal((long)DigitizerHealthState.Operational, rig.Parameter(DigitizerStateParameter));
    }

    [Fact]
    public void A_lock_up_is_detected_reset_and_recovered_and_the_pass_goes_on_on_its_own_time_axis()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 8000, Pri, AcquisitionRig.Beam(8000, 1600)); // 4.85 s
        rig.RunSeconds(2.5);
        Assert.Equal(PassState.InPass, rig.Controller.Pass.State);

        rig.Chip.LockedUp = true; // until the next reset
        Assert.True(rig.RunUntil(() => rig.Raised(DigitizerRecoveredEvent).Count == 1, 200));

        var fault = Assert.Single(rig.Raised(DigitizerFaultEvent));
        Assert.Equal((long)DigitizerFaultReason.NotResponding, fault[0]);
        Assert.Equal([1L, 1L], rig.Raised(DigitizerRecoveredEvent)[0]);
        Assert.Equal(PassState.InPass, rig.Controller.Pass.State);
        Assert.Equal(2, rig.Chip.Resets);
        Assert.NotEqual(0, rig.Controller.ToaOffset);

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 2000));
        var products = rig.Controller.Pass.Products;
        // A locked chip releases DRDY, so the next poll (within a second) finds it silent; the pulses of that time are
        // missing as one gap, and the rest, after the reset, sit on the pass's axis.
        long lost = 8000 - products.PulseCount;
        Assert.InRange(lost, 10, 1700);
        Assert.Equal((0, 1, 0), (products.RejectedCount, products.GapCount, products.MissedPulses));
        Assert.Equal(1_649_995, products.PrfMilliHz);
        Assert.Equal(start + 7999L * Pri, products.FirstToa + products.DurationTicks);
        var chunks = rig.Downlink.OfKind(AcquisitionMessage.RawRecordsKind);
        byte[] last = chunks[^1];
        int count = BigEndian.ReadUInt16(last, 10);
        Assert.Equal(start + 7999L * Pri, PulseRecordCodec.ReadToaTicks(last, AcquisitionMessage.RawHeaderLength + (count - 1) * PulseRecord.Size));
        Assert.Equal((1L, 1L, 0L), (rig.Parameter(FaultsParameter), rig.Parameter(RecoveriesParameter), rig.Parameter(DegradedParameter)));
    }

    [Fact]
    public void A_persistent_lock_up_degrades_the_digitizer_ends_the_pass_and_acq_reset_tries_again()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 2, 8000, Pri);
        rig.RunSeconds(1.5);
        rig.Chip.LockUpAfterReset = true;
        rig.Chip.LockedUp = true;

        Assert.True(rig.RunUntil(() => rig.Controller.Supervisor.IsDegraded, 1000));

        Assert.Single(rig.Raised(DigitizerFaultEvent));
        Assert.Equal([(long)DigitizerResult.NoResponse, 3L], Assert.Single(rig.Raised(DigitizerDegradedEvent)));
        Assert.Equal(1 + 3, rig.Chip.Resets); // boot, then three attempts a second apart
        Assert.Equal((long)PassEndReason.DigitizerFault, Assert.Single(rig.Raised(PassEndedEvent))[0]);
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 100));
        Assert.True(rig.Controller.Pass.HasProducts, "the pulses before the fault still make products");
        long resets = rig.Chip.Resets;
        rig.RunSeconds(5);
        Assert.Equal(resets, rig.Chip.Resets); // FDIR stopped trying
        Assert.Equal((1L, 3L, (long)DigitizerHealthState.Degraded), (rig.Parameter(DegradedParameter), rig.Parameter(FailedRecoveriesParameter), rig.Parameter(DigitizerStateParameter)));

        rig.Chip.LockUpAfterReset = false; // repaired (power cycled by the spacecraft)
        Assert.True(rig.Execute(ResetSubtype, []).Succeeded);
        rig.Step();
        Assert.True(rig.Controller.Supervisor.IsOperational);
        Assert.Equal(2, rig.Raised(DigitizerRecoveredEvent).Single()[1] + 1);
        Assert.True(rig.Arm().Succeeded);
    }

    [Fact]
    public void Silence_while_fdir_recovers_the_digitizer_is_not_loss_of_signal()
    {
        var rig = new AcquisitionRig().Start();
        rig.Parameters.Set(MaxRecoveriesParameter, 6); // six attempts a second apart: longer than the 3 s loss of signal
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 2, 8000, Pri, AcquisitionRig.Beam(4000, 800)); // the peak is 2.4 s in
        rig.RunSeconds(4);
        rig.Chip.LockUpAfterReset = true;
        rig.Chip.LockedUp = true;

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State != PassState.InPass, 2000));

        Assert.Equal((long)PassEndReason.DigitizerFault, Assert.Single(rig.Raised(PassEndedEvent))[0]);
        Assert.Single(rig.Raised(DigitizerDegradedEvent));
    }

    [Fact]
    public void The_max_recoveries_parameter_sets_how_many_attempts_fdir_makes()
    {
        var rig = new AcquisitionRig().Start();
        rig.Parameters.Set(MaxRecoveriesParameter, 5);
        rig.Chip.LockUpAfterReset = true;
        rig.Chip.LockedUp = true;

        Assert.True(rig.RunUntil(() => rig.Controller.Supervisor.IsDegraded, 1000));

        Assert.Equal(1 + 5, rig.Chip.Resets);
    }

    [Fact]
    public void Crc_errors_above_the_limit_in_the_window_make_fdir_reset_the_chip_but_a_few_do_not()
    {
        var rig = new AcquisitionRig().Start();
        rig.Train(rig.NowTicks + Second / 10, 20_000, Pri); // 12 s of records, read in ~750 bursts
        rig.RunSeconds(1);
        Damage(rig, 8); // each damaged burst is re-read: counted, recovered, nothing lost
        Assert.Empty(rig.Raised(DigitizerFaultEvent));
        Assert.Equal(8L, rig.Parameter(CrcErrorsParameter));

        Damage(rig, 4); // 12 in the 10 s window: above the limit of 10
        rig.RunSeconds(1);

        var fault = Assert.Single(rig.Raised(DigitizerFaultEvent));
        Assert.Equal((long)DigitizerFaultReason.CrcErrors, fault[0]);
        Assert.Equal(11L, fault[1]); // acted on at the first error above the limit
        Assert.Single(rig.Raised(DigitizerRecoveredEvent));
        rig.RunSeconds(2);
        Assert.Single(rig.Raised(DigitizerFaultEvent)); // the history was forgotten with the recovery
        Assert.Equal(0L, rig.Parameter(RecordsLostParameter) + rig.Parameter(DroppedBlocksParameter));
    }

    // One damaged burst every 10 frames, so each is re-read cleanly and the driver never stops responding.
    private static void Damage(AcquisitionRig rig, int bursts)
    {
        for (int i = 0; i < bursts; i++)
        {
            rig.Chip.DamageBursts = 1;
            rig.Run(10);
            Assert.Equal(0, rig.Chip.DamageBursts);
        }
    }

    [Fact]
    public void A_chip_that_reset_itself_is_configured_again()
    {
        var rig = new AcquisitionRig().Start();
        rig.Train(rig.NowTicks + Second / 10, 2000, Pri);
        rig.RunSeconds(0.5);

        rig.Chip.SelfReset();
        rig.RunSeconds(1.2); // the next poll's frames show STATUS.ResetOccurred

        var fault = Assert.Single(rig.Raised(DigitizerFaultEvent));
        Assert.Equal((long)DigitizerFaultReason.ConfigurationLost, fault[0]);
        Assert.Equal(20_000, rig.Chip.Threshold);
        Assert.True(rig.Controller.Supervisor.IsOperational);
    }

    [Fact]
    public void A_failed_bring_up_is_a_fault_and_is_retried()
    {
        var rig = new AcquisitionRig();
        rig.Chip.WrongId = true;
        rig.Step();
        Assert.Equal(DigitizerHealthState.Recovering, rig.Controller.Supervisor.State);
        Assert.Equal([(long)DigitizerFaultReason.BringUpFailed, (long)DigitizerResult.WrongId, 1L], Assert.Single(rig.Raised(DigitizerFaultEvent)));

        rig.Chip.WrongId = false;
        rig.RunSeconds(1.1);

        Assert.True(rig.Controller.Supervisor.IsOperational);
        Assert.Single(rig.Raised(DigitizerRecoveredEvent));
    }

    [Fact]
    public void A_reset_while_armed_drops_the_start_window_and_the_pass_starts_on_the_new_axis()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        rig.Chip.LockedUp = true;
        Assert.True(rig.RunUntil(() => rig.Raised(DigitizerRecoveredEvent).Count == 1, 300));
        Assert.Equal(PassState.Armed, rig.Controller.Pass.State);
        long start = rig.NowTicks + Second / 10;
        rig.Train(start, 200, Pri);

        rig.RunSeconds(0.5);

        Assert.Equal(PassState.InPass, rig.Controller.Pass.State);
        Assert.Equal(0, rig.Controller.ToaOffset);
        var started = Assert.Single(rig.Raised(PassStartedEvent));
        Assert.True(started[1] < start / 80_000, "the chip's counter restarted at the reset");
    }
}
