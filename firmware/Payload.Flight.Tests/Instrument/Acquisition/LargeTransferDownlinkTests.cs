using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.LargeTransfer;
using Payload.Flight.Tests.LargeTransfer;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>The instrument's messages through the flight core's real ST[13] sender, downlink and UART, rebuilt on the ground.</summary>
public class LargeTransferDownlinkTests
{
    /// <summary>The adaptation the composition makes of the sender (busy: a transfer or resend under way; started: TransferStatus.Started).</summary>
    private sealed class LargeTransferDownlink(LargePacketSender sender) : IProductDownlink
    {
        public bool IsBusy => sender.IsActive || sender.IsResending;

        public bool TryStart(ushort transactionId, byte[] source, int offset, int length) =>
            sender.TryStart(transactionId, source, offset, length) == TransferStatus.Started;
    }

    [Fact]
    public void Busy_while_a_transfer_runs_refused_for_good_when_too_long()
    {
        var rig = new LargeTransferRig(capacity: 4096);
        var downlink = new LargeTransferDownlink(rig.Sender);
        var message = new byte[AcquisitionMessage.RawLength(256)];

        Assert.False(downlink.IsBusy);
        Assert.True(downlink.TryStart(7, message, 0, message.Length));
        Assert.True(downlink.IsBusy);
        Assert.False(downlink.TryStart(8, message, 0, message.Length));
        Assert.True(downlink.IsBusy, "a busy sender is a wait, not a refusal");

        rig.Drain();
        Assert.False(downlink.IsBusy);
        Assert.False(downlink.TryStart(9, new byte[5000], 0, 5000));
        Assert.False(downlink.IsBusy, "too long: refused for good");
    }

    [Fact]
    public void A_pass_goes_down_through_st13_as_products_and_raw_chunks_the_ground_rebuilds()
    {
        var transfer = new LargeTransferRig();
        var acquisition = new AcquisitionRig(downlink: new LargeTransferDownlink(transfer.Sender));
        acquisition.AfterController = transfer.RunFrame; // the sender and the downlink close each frame
        acquisition.Start();
        acquisition.Arm();
        long start = acquisition.NowTicks + 40_000_000;
        acquisition.Train(start, 700, 48_485, AcquisitionRig.Beam(700, 140));
        Assert.True(acquisition.RunUntil(() => acquisition.Controller.Pass.State == PassState.Idle && acquisition.Controller.Pass.HasProducts, 2000));
        transfer.Drain();

        var ground = new LargeMessageReassembler();
        ground.AcceptAll(transfer.Received());
        var messages = ground.Log.Select(e => e.TransactionId).Distinct().Select(id => ground.Message(id)).ToList();
        byte[] products = messages.Single(m => m[0] == AcquisitionMessage.ProductsKind);
        Assert.Equal(AcquisitionMessage.ProductsLength, products.Length);
        var product = acquisition.Controller.Pass.Products;
        var encoded = new byte[Payload.Flight.Instrument.Products.PassProducts.Length];
        product.Encode(encoded, 0);
        Assert.Equal(encoded, products.AsSpan(AcquisitionMessage.ProductsOffset, encoded.Length).ToArray());
        var chunks = messages.Where(m => m[0] == AcquisitionMessage.RawRecordsKind).ToList();
        Assert.Equal(700 / 64 + 1, chunks.Count);
        Assert.Equal(700, chunks.Sum(c => Payload.Flight.Protocol.BigEndian.ReadUInt16(c, 10)));
        Assert.Equal(acquisition.Controller.Delivery.ProductsTransaction,
            ground.Log.Select(e => e.TransactionId).Distinct().Single(id => ground.Message(id)[0] == AcquisitionMessage.ProductsKind));
    }
}
