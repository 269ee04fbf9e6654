using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Boards.Simulated.Scene;
using Payload.Flight.Commanding;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Hardware;
using Payload.Flight.Instrument.Acquisition;
using Xunit.Abstractions;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Boards.Simulated.Tests.Instrument;

/// <summary>Digitizer FDIR against the chip model's faults during a NISAR pass: lock-up and recovery, persistent lock-up and degraded mode, a noisy bus.</summary>
public class DigitizerFdirAgainstModelTests(ITestOutputHelper output)
{
    /// <summary>nRESET as wired to a chip that locks up again as soon as it leaves reset (a latched fault reset cannot clear).</summary>
    private sealed class RelockingReset(DigitizerModel chip) : IOutputPin
    {
        public bool Armed { get; set; }

        public void Write(bool high)
        {
            chip.ResetPin.Write(high);
            if (high && Armed) chip.LockUp();
        }
    }

    [Fact]
    public void A_lock_up_before_the_pattern_peak_is_reset_and_the_pass_goes_on_without_the_lock_up_pulses()
    {
        var bench = new AcquisitionBench(20_000).Start();
        bench.Arm();
        var pass = bench.FlyPass(RadarProfile.NisarL());
        bench.RunSeconds(1 + 4.0);
        Assert.Equal(PassState.InPass, bench.Controller.Pass.State);

        bench.Chip.LockUp();
        Assert.True(bench.RunUntilIdleWithProducts(20));

        var products = bench.Controller.Pass.Products;
        int detectable = pass.Pulses.Count(p => !p.IsDropped && p.ComparatorCode >= bench.Settings.Threshold);
        output.WriteLine($"pulses {products.PulseCount} of {detectable}; gaps {products.GapCount}, missed {products.MissedPulses}, peak {(products.PeakToa - pass.Truth.PeakToaTicks) / 80e3:F1} ms off");
        var fault = Assert.Single(bench.Log.Of(DigitizerFaultEvent));
        Assert.Equal((long)DigitizerFaultReason.NotResponding, fault[0]);
        Assert.Single(bench.Log.Of(DigitizerRecoveredEvent));
        Assert.Empty(bench.Log.Of(DigitizerDegradedEvent));
        Assert.Equal(PassEndReason.LossOfSignal, bench.Controller.Pass.LastEndReason);
        // Only the pulses of the lock-up are missing (a poll finds a silent chip within a second), and none is rejected
        // for going back in time: the records after the reset are on the pass's axis.
        Assert.Equal(0, products.RejectedCount);
        Assert.InRange(detectable - products.PulseCount, 1, 1650);
        Assert.InRange(products.PrfMilliHz, 1_640_000, 1_660_000);
        Assert.InRange((products.PeakToa - pass.Truth.PeakToaTicks) / 80e6, -0.1, 0.1);
        // The last record on the pass's axis is the scene's last detected pulse: the reset was placed exactly.
        long lastDetected = pass.Pulses.Last(p => !p.IsDropped && p.ComparatorCode >= bench.Settings.Threshold).ToaTicks;
        Assert.InRange(products.FirstToa + products.DurationTicks - lastDetected, -80, 80);
    }

    [Fact]
    public void A_persistent_lock_up_degrades_the_digitizer_and_ends_the_pass_with_its_products()
    {
        RelockingReset? relock = null;
        var bench = new AcquisitionBench(20_000, resetPin: chip => relock = new RelockingReset(chip)).Start();
        var chip = bench.Chip;
        bench.Arm();
        bench.FlyPass(RadarProfile.NisarL());
        bench.RunSeconds(1 + 4.0);

        relock!.Armed = true;
        chip.LockUp();
        Assert.True(bench.RunUntilIdleWithProducts(10));

        Assert.True(bench.Controller.Supervisor.IsDegraded);
        Assert.Equal([(long)DigitizerResult.NoResponse, 3L], Assert.Single(bench.Log.Of(DigitizerDegradedEvent)));
        Assert.Equal(PassEndReason.DigitizerFault, bench.Controller.Pass.LastEndReason);
        Assert.Equal(1L, bench.Parameters.Get(DegradedParameter));
        Assert.True(bench.Controller.Pass.Products.PulseCount > 5000, "the pulses before the fault make products");
        Assert.Single(bench.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(FailureCode.Disabled, bench.Arm().Code);

        relock.Armed = false;
        bench.Controller.ResetAcquisition();
        bench.RunFrame();
        Assert.True(bench.Controller.Supervisor.IsOperational);
    }

    [Fact]
    public void On_a_noisy_bus_every_record_is_in_the_pass_or_counted_lost_and_fdir_stays_quiet()
    {
        var bench = new AcquisitionBench(20_000, seed: 5).Start();
        bench.Parameters.Set(CrcLimitParameter, 1000);
        bench.Chip.BitErrorRate = 2e-5;
        bench.Arm();
        bench.FlyPass(RadarProfile.NisarL());

        Assert.True(bench.RunUntilIdleWithProducts(20));

        var driver = bench.Driver;
        output.WriteLine($"crc {driver.CrcErrors}, frame {driver.FrameErrors}, re-reads {driver.ReReads}, recovered {driver.Recovered}, dropped {driver.DroppedBlocks}, lost {driver.RecordsLost}");
        Assert.True(driver.CrcErrors + driver.FrameErrors > 5, "the bus was noisy");
        Assert.Equal(bench.Chip.PulseCount - bench.Chip.FifoLevel, bench.Controller.Pass.Pulses + bench.Controller.Pass.RecordsOutsidePass + driver.RecordsLost);
        var message = Assert.Single(bench.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(driver.RecordsLost, Payload.Flight.Protocol.BigEndian.ReadUInt32(message, AcquisitionMessage.ProductsTrailerOffset + 4));
        Assert.Empty(bench.Log.Of(DigitizerDegradedEvent));
    }
}
