using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Modes;
using Payload.Flight.Protocol;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>The pass state machine driven through the controller on a fake digitizer: start, every way a pass ends, products and raw records to ST[13].</summary>
public class PassStateMachineTests
{
    private const long Second = 80_000_000;
    private const int Pri = 48_485;

    [Fact]
    public void A_pass_starts_on_its_first_pulses_and_ends_by_loss_of_signal_after_the_main_lobe()
    {
        var rig = new AcquisitionRig().Start();
        Assert.True(rig.Arm().Succeeded);
        Assert.Equal(PassState.Armed, rig.Controller.Pass.State);
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 2000, Pri, AcquisitionRig.Beam(2000, 400));

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.InPass, 200));
        var started = Assert.Single(rig.Raised(PassStartedEvent));
        Assert.Equal((1L, start / 80_000), (started[0], started[1]));

        long lastPulseEnd = start + 1999L * Pri + 1600;
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State != PassState.InPass, 600));
        // Loss of signal: 3 s (acq.los_timeout_ms) after the frame that drained the last pulse.
        Assert.InRange(rig.NowTicks - lastPulseEnd, 3 * Second, 3 * Second + 3 * AcquisitionRig.TicksPerFrame);
        var ended = Assert.Single(rig.Raised(PassEndedEvent));
        Assert.Equal((long)PassEndReason.LossOfSignal, ended[0]);
        Assert.Equal(2000, ended[1]);
        Assert.Equal(1999L * Pri / 80_000, ended[2]);

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 100));
        var products = Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(AcquisitionMessage.ProductsLength, products.Length);
        Assert.Equal(1, BigEndian.ReadUInt16(products, 2));
        Assert.Equal(2000, (int)BigEndian.ReadUInt32(products, AcquisitionMessage.ProductsOffset + 13)); // PulseCount
        Assert.Equal((byte)PassEndReason.LossOfSignal, products[AcquisitionMessage.ProductsTrailerOffset]);
        Assert.Equal(0, (int)BigEndian.ReadUInt32(products, AcquisitionMessage.ProductsTrailerOffset + 4)); // nothing lost

        var ready = Assert.Single(rig.Raised(ProductsReadyEvent));
        Assert.Equal(rig.Controller.Delivery.ProductsTransaction, ready[0]);
        Assert.Equal(2000, ready[1]);
        PassProducts p = rig.Controller.Pass.Products;
        Assert.Equal(1_649_995, p.PrfMilliHz);
        Assert.InRange(p.PeakToa, start + 999L * Pri - Pri * 20, start + 1000L * Pri + Pri * 20);
        Assert.Equal(p.PrfMilliHz, rig.Parameter(LastPrfParameter));
        Assert.Equal(2000, rig.Parameter(LastPulsesParameter));
        Assert.Equal(p.PeakToa / 80_000, rig.Parameter(LastPeakToaParameter));
    }

    [Fact]
    public void Raw_records_go_down_in_chunks_with_every_record_once_and_the_last_chunk_flagged()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 1000, Pri, AcquisitionRig.Beam(1000, 200));

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 1000));

        var chunks = rig.Downlink.OfKind(AcquisitionMessage.RawRecordsKind);
        Assert.Equal(1000 / 64 + 1, chunks.Count);
        var toas = new List<long>();
        for (int k = 0; k < chunks.Count; k++)
        {
            byte[] chunk = chunks[k];
            int count = BigEndian.ReadUInt16(chunk, 10);
            Assert.Equal(k, BigEndian.ReadUInt16(chunk, 4));
            Assert.Equal(1, BigEndian.ReadUInt16(chunk, 6));
            Assert.Equal(k == chunks.Count - 1 ? 1 : 0, chunk[8]);
            Assert.Equal(AcquisitionMessage.RawLength(count), chunk.Length);
            for (int i = 0; i < count; i++) toas.Add(PulseRecordCodec.ReadToaTicks(chunk, AcquisitionMessage.RawHeaderLength + i * PulseRecord.Size));
        }

        Assert.Equal(Enumerable.Range(0, 1000).Select(i => start + (long)i * Pri), toas);
    }

    [Fact]
    public void Decimation_keeps_every_nth_record_and_zero_sends_none()
    {
        var rig = new AcquisitionRig().Start();
        Assert.True(rig.Execute(SetRawDecimationSubtype, AcquisitionRig.U16(10)).Succeeded);
        rig.Arm();
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 1000, Pri, AcquisitionRig.Beam(1000, 200));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 1000));

        var chunks = rig.Downlink.OfKind(AcquisitionMessage.RawRecordsKind);
        Assert.Equal(100, chunks.Sum(c => BigEndian.ReadUInt16(c, 10)));
        Assert.Equal(start + 10L * Pri, PulseRecordCodec.ReadToaTicks(chunks[0], AcquisitionMessage.RawHeaderLength + PulseRecord.Size));
        Assert.Equal(10, BigEndian.ReadUInt16(chunks[0], 6));

        Assert.True(rig.Execute(SetRawDecimationSubtype, AcquisitionRig.U16(0)).Succeeded);
        int before = rig.Downlink.Started.Count;
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 2, 500, Pri, AcquisitionRig.Beam(500, 100));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.ProductReady, 1000));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 1000));
        var after = rig.Downlink.Started.Skip(before).Select(s => s.Message[0]).ToList();
        Assert.Equal([AcquisitionMessage.ProductsKind], after);
    }

    [Fact]
    public void Isolated_pulses_do_not_start_a_pass_and_max_wait_ends_the_arming_with_no_signal()
    {
        var rig = new AcquisitionRig().Start();
        Assert.True(rig.Arm(maxWaitS: 3).Succeeded);
        for (int i = 0; i < 40; i++) rig.Chip.AddPulse(rig.NowTicks + Second / 10 + i * (Second / 20)); // 20 Hz: noise, not a radar

        rig.RunSeconds(2.9);
        Assert.Equal(PassState.Armed, rig.Controller.Pass.State);
        rig.RunSeconds(0.2);

        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        var ended = Assert.Single(rig.Raised(PassEndedEvent));
        Assert.Equal([(long)PassEndReason.NoSignal, 0, 0], ended);
        Assert.Empty(rig.Raised(PassStartedEvent));
        Assert.Empty(rig.Downlink.Started);
        Assert.True(rig.Parameter(OutsidePassParameter) >= 40 - 16);
    }

    [Fact]
    public void The_pass_timeout_ends_a_pass_that_is_still_hearing_the_radar()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm(timeoutS: 2);
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 10_000, Pri); // 6 s of constant signal

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.ProductReady, 1000));
        var ended = Assert.Single(rig.Raised(PassEndedEvent));
        Assert.Equal((long)PassEndReason.Timeout, ended[0]);
        Assert.InRange(rig.NowTicks - start, 2 * Second, 2 * Second + 4 * AcquisitionRig.TicksPerFrame);
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 100));
        Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
    }

    [Fact]
    public void A_gap_before_the_main_lobe_does_not_end_the_pass()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm(timeoutS: 10);
        long start = rig.NowTicks + Second / 2;
        rig.Train(start, 300, Pri, i => 30_000 + 20 * i); // rising only: the main lobe is still ahead
        rig.Train(start + 300L * Pri + 4 * Second, 300, Pri, i => 36_000 + 10 * i); // back after a 4 s gap

        rig.RunSeconds(6);
        Assert.Equal(PassState.InPass, rig.Controller.Pass.State);
        Assert.Equal(600, rig.Controller.Pass.Pulses);
    }

    [Fact]
    public void Acq_stop_ends_a_pass_with_products_and_disarms_an_armed_acquisition()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        Assert.True(rig.Execute(StopSubtype, []).Succeeded);
        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        Assert.Equal([(long)PassEndReason.Stopped, 0, 0], Assert.Single(rig.Raised(PassEndedEvent)));

        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 5000, Pri);
        rig.RunSeconds(1);
        Assert.Equal(PassState.InPass, rig.Controller.Pass.State);
        Assert.True(rig.Execute(StopSubtype, []).Succeeded);
        Assert.Equal((long)PassEndReason.Stopped, rig.Raised(PassEndedEvent)[1][0]);
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 100));
        Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.True(rig.Execute(StopSubtype, []).Succeeded, "a stop with nothing to stop is harmless");
    }

    [Fact]
    public void Leaving_acquire_ends_the_pass_with_reason_mode_exit()
    {
        var rig = new AcquisitionRig().Start();
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 5000, Pri);
        rig.RunSeconds(1);

        Assert.True(rig.Modes.TryEnter(Mode.Standby));
        rig.Step();

        Assert.Equal(PassState.ProductReady, rig.Controller.Pass.State);
        Assert.Equal((long)PassEndReason.ModeExit, Assert.Single(rig.Raised(PassEndedEvent))[0]);
    }

    [Fact]
    public void Acq_reset_discards_the_pass_and_its_products()
    {
        var rig = new AcquisitionRig().Start();
        rig.Downlink.HeldBusy = true;
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 300, Pri, AcquisitionRig.Beam(300, 60));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.HasProducts, 1000));
        Assert.Equal(PassState.ProductReady, rig.Controller.Pass.State);
        Assert.True(rig.Controller.Delivery.ProductsPending);

        Assert.True(rig.Execute(ResetSubtype, []).Succeeded);
        rig.Downlink.HeldBusy = false;
        rig.Run(10);

        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        Assert.Empty(rig.Downlink.Started);
        Assert.True(rig.Arm().Succeeded, "idle again: a new pass can be armed");
    }

    [Fact]
    public void Products_wait_for_a_busy_downlink_and_a_refusing_one_cannot_hold_the_pass()
    {
        var rig = new AcquisitionRig().Start();
        rig.Downlink.FramesPerTransfer = 30;
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 640, Pri, AcquisitionRig.Beam(640, 120));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 3000));
        // Products go first once the pass ends: the chunk under way finishes, then the products, then the rest of the raw records.
        var kinds = rig.Downlink.Started.Select(s => s.Message[0]).ToList();
        Assert.Equal(AcquisitionMessage.ProductsKind, kinds.SkipWhile(k => k == AcquisitionMessage.RawRecordsKind).First());
        Assert.Equal(640, rig.Downlink.OfKind(AcquisitionMessage.RawRecordsKind).Sum(c => BigEndian.ReadUInt16(c, 10)));

        rig.Downlink.RefuseAll = true;
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 300, Pri, AcquisitionRig.Beam(300, 60));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.ProductReady, 1000));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle, 100));
        Assert.Contains(rig.Raised(DownlinkRefusedEvent), e => e[0] == AcquisitionMessage.ProductsKind);
        Assert.True(rig.Parameter(DownlinkRefusedParameter) >= 1);
    }

    private sealed class ThrowingOnceDownlink(RecordingProductDownlink inner) : IProductDownlink
    {
        public int Throws = 1;
        public bool IsBusy => inner.IsBusy;

        public bool TryStart(ushort transactionId, byte[] source, int offset, int length)
        {
            if (Throws-- > 0) throw new InvalidOperationException("sender fault");
            return inner.TryStart(transactionId, source, offset, length);
        }
    }

    [Fact]
    public void A_downlink_that_throws_never_takes_the_step_down_and_the_message_is_offered_again()
    {
        var inner = new RecordingProductDownlink();
        var rig = new AcquisitionRig(downlink: new ThrowingOnceDownlink(inner)).Start();
        rig.Execute(SetRawDecimationSubtype, AcquisitionRig.U16(0));
        rig.Arm();
        rig.Train(rig.NowTicks + Second / 10, 300, Pri, AcquisitionRig.Beam(300, 60));

        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 1000));

        Assert.Single(inner.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Single(rig.Raised(ProductsReadyEvent));
    }

    [Fact]
    public void Records_arriving_while_idle_are_counted_and_discarded()
    {
        var rig = new AcquisitionRig().Start();
        rig.Train(rig.NowTicks + Second / 10, 200, Pri);
        rig.RunSeconds(1);

        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        Assert.Equal(200, rig.Parameter(OutsidePassParameter));
        Assert.Equal(200, rig.Parameter(RecordsReadParameter));
    }
}
