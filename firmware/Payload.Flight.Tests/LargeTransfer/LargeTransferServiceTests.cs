using Payload.Flight.Commanding;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;
using Payload.Flight.Verification;

namespace Payload.Flight.Tests.LargeTransfer;

public class LargeTransferServiceTests
{
    private const int PartSize = LargePacketSender.DefaultPartSize;

    [Fact]
    public void The_dictionary_declares_abort_and_resend_and_one_handler_takes_the_whole_service()
    {
        var rig = new LargeTransferRig();
        var abort = rig.Dictionary.Commands.Single(c => c.Mnemonic == "LARGE_TRANSFER_ABORT");
        var resend = rig.Dictionary.Commands.Single(c => c.Mnemonic == "LARGE_TRANSFER_RESEND");
        Assert.Equal((LargePacketSender.Service, LargePacketSender.AbortSubtype), (abort.Service, abort.Subtype));
        Assert.Equal((LargePacketSender.Service, LargePacketSender.ResendSubtype), (resend.Service, resend.Subtype));
        Assert.Equal(new[] { "transaction_id", "first_part", "last_part" }, resend.Arguments.Select(a => a.Name));
        Assert.Equal(2, rig.Dictionary.Commands.Count(c => c.Service == LargePacketSender.Service));
    }

    [Fact]
    public void LARGE_TRANSFER_ABORT_stops_the_transfer_and_fails_for_a_transaction_not_under_way()
    {
        var rig = new LargeTransferRig();
        rig.Sender.TryStart(300, new byte[40 * PartSize], 0, 40 * PartSize);
        rig.RunFrames(20);

        var unknown = rig.Abort(301);
        var abort = rig.Abort(300);
        rig.Submit(unknown);
        rig.Submit(abort);
        rig.Drain();

        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.UnknownIdentifier, 301L), rig.FinalReport(unknown));
        Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(abort).Subtype);
        Assert.False(rig.Sender.IsActive);
        Assert.Equal(1, rig.RecordedEvents.Count(LargePacketSender.AbortedEvent));
        Assert.True(rig.PartsOnWire().Count < 40);
    }

    [Fact]
    public void LARGE_TRANSFER_RESEND_recovers_the_parts_the_ground_lost()
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(64 * 1024, seed: 129);
        rig.Sender.TryStart(0x0D0D, message, 0, message.Length);
        rig.Drain();

        // The ground lost parts 3, 17 to 19 and the last one on the way.
        int parts = LargePacketSender.PartsFor(message.Length, PartSize);
        var lost = new HashSet<int> { 3, 17, 18, 19, parts };
        var ground = new LargeMessageReassembler();
        foreach (var tm in rig.PartsOnWire().Where(t => !lost.Contains(PacketFields.U16(t, 2)))) ground.Accept(tm);
        Assert.False(ground.IsComplete(0x0D0D));
        Assert.Equal(new List<(int, int)> { (3, 3), (17, 19) }, ground.MissingRanges(0x0D0D));

        int seen = rig.Uart.Frames.Count;
        var resends = new List<byte[]> { rig.Resend(0x0D0D, 3, 3), rig.Resend(0x0D0D, 17, 19), rig.Resend(0x0D0D, (ushort)parts, (ushort)parts) };
        foreach (var resend in resends)
        {
            rig.Submit(resend);
            rig.Drain();
            Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(resend).Subtype);
        }

        var again = rig.Uart.Frames.Skip(seen).Select(f => f.Telemetry).Where(t => t.ServiceType == LargePacketSender.Service).ToList();
        Assert.Equal(lost.Order(), again.Select(t => PacketFields.U16(t, 2)));
        Assert.Equal(LargePacketSender.LastPartSubtype, again[^1].ServiceSubtype);
        ground.AcceptAll(again);
        Assert.Equal(message, ground.Message(0x0D0D));
        Assert.Equal(4, ground.Count(PartOutcome.OutOfOrder));
        Assert.Equal(5, rig.Parameters.Get(LargePacketSender.PartsResentParameter));
    }

    [Fact]
    public void A_resend_during_the_transfer_goes_ahead_of_the_remaining_parts()
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(60 * PartSize, seed: 4);
        rig.Sender.TryStart(8, message, 0, message.Length);
        rig.RunFrames(150);
        Assert.True(rig.Sender.IsActive && rig.Sender.PartsQueued > 5);

        int seen = rig.Uart.Frames.Count;
        var resend = rig.Resend(8, 2, 3);
        rig.Submit(resend);
        rig.Drain();

        Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(resend).Subtype);
        var after = rig.Uart.Frames.Skip(seen).Select(f => f.Telemetry).Where(t => t.ServiceType == LargePacketSender.Service)
            .Select(t => PacketFields.U16(t, 2)).ToList();
        // Parts already in the bulk queue go first, then the resent ones, then the rest of the transfer.
        int two = after.IndexOf(2);
        Assert.True(two >= 0 && after[two + 1] == 3);
        Assert.All(after.Take(two), p => Assert.True(p > 3));
        Assert.True(after.Skip(two + 2).SequenceEqual(Enumerable.Range(after[two - 1] + 1, 60 - after[two - 1])));
        var ground = new LargeMessageReassembler();
        ground.AcceptAll(rig.Received());
        Assert.Equal(message, ground.Message(8));
        Assert.Equal(2, ground.Count(PartOutcome.Duplicate));
    }

    [Fact]
    public void LARGE_TRANSFER_RESEND_refuses_what_it_cannot_send()
    {
        var rig = new LargeTransferRig(bulk: 2);
        rig.Sender.TryStart(50, new byte[60 * PartSize], 0, 60 * PartSize);
        rig.RunFrames(30);
        int queued = rig.Sender.PartsQueued;
        Assert.InRange(queued, 3, 50);

        var unknown = rig.Resend(51, 1, 1);
        var backwards = rig.Resend(50, 3, 2);
        var notYetSent = rig.Resend(50, 1, (ushort)(queued + 5));
        var long1 = rig.Resend(50, 1, (ushort)queued);
        var busy = rig.Resend(50, 1, 1);
        foreach (var tc in new[] { unknown, backwards, notYetSent, long1, busy }) rig.Submit(tc);
        rig.Drain();

        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.UnknownIdentifier, 51L), rig.FinalReport(unknown));
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.IllegalArgument, 2L), rig.FinalReport(backwards));
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.IllegalArgument, 2L), rig.FinalReport(notYetSent));
        Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(long1).Subtype);
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.Busy, 0L), rig.FinalReport(busy));

        // A later transfer replaces the held message: the earlier one can only come back from the packet store.
        rig.Sender.TryStart(52, new byte[10], 0, 10);
        var gone = rig.Resend(50, 1, 1);
        rig.Submit(gone);
        rig.Drain();
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.UnknownIdentifier, 50L), rig.FinalReport(gone));
    }

    [Fact]
    public void No_transfer_starts_while_a_resend_reads_the_held_message_and_an_abort_fails_the_resend()
    {
        var rig = new LargeTransferRig(bulk: 1);
        var message = LargeTransferRig.Message(30 * PartSize, seed: 6);
        rig.Sender.TryStart(60, message, 0, message.Length);
        rig.Drain();

        var resend = rig.Resend(60, 1, 30);
        rig.Submit(resend);
        rig.RunFrames(3);
        Assert.True(rig.Sender.IsResending);
        Assert.Equal(TransferStatus.Busy, rig.Sender.TryStart(61, message, 0, 10));

        var abort = rig.Abort(60);
        rig.Submit(abort);
        rig.Drain();

        Assert.Equal(VerificationReporter.CompletionSuccess, rig.FinalReport(abort).Subtype);
        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.ExecutionError, 0L), rig.FinalReport(resend));
        Assert.False(rig.Sender.IsHolding);
        // The transfer had completed: the abort stopped only the resend, so no LARGE_TRANSFER_ABORTED.
        Assert.Equal(0, rig.RecordedEvents.Count(LargePacketSender.AbortedEvent));
        Assert.Equal(TransferStatus.Started, rig.Sender.TryStart(61, message, 0, 10));
    }

    [Fact]
    public void A_resend_that_times_out_is_stopped()
    {
        var rig = new LargeTransferRig();
        var message = LargeTransferRig.Message(5 * PartSize, seed: 7);
        rig.Sender.TryStart(70, message, 0, message.Length);
        rig.Drain();
        // Keep the bulk queue full so the resend cannot progress.
        var filler = new byte[100];
        rig.BeforeSender = () =>
        {
            while (rig.Downlink.FreeSlots(Payload.Flight.Telemetry.TelemetryClass.Bulk) > 0)
                rig.Downlink.Send(Payload.Flight.Telemetry.TelemetryClass.Bulk, 200, 1, filler, 0, filler.Length);
        };

        var resend = rig.Resend(70, 1, 5);
        rig.Submit(resend);
        rig.RunFrames(LargePacketSender.ResendTimeoutTicks + 5);

        Assert.Equal((VerificationReporter.CompletionFailure, FailureCode.Timeout), (rig.FinalReport(resend).Subtype, rig.FinalReport(resend).Code));
        Assert.False(rig.Sender.IsResending);
        Assert.True(rig.Sender.IsHolding);
    }
}
