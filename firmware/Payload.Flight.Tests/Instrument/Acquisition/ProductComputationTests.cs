using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Instrument.Products;
using Payload.Flight.Protocol;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>The pass's products computed a bounded step per frame after the pass ends: delivered whole, no long frame, abandoned by ACQ_RESET.</summary>
public class ProductComputationTests
{
    private const long Second = 80_000_000;
    private const int Pri = 48_485;

    /// <summary>Runs to the end of a pass of <paramref name="pulses"/> pulses (state ProductReady).</summary>
    private static AcquisitionRig EndedPass(int pulses)
    {
        var rig = new AcquisitionRig().Start();
        Assert.True(rig.Arm().Succeeded);
        rig.Train(rig.NowTicks + Second / 2, pulses, Pri, AcquisitionRig.Beam(pulses, pulses / 5.0));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.ProductReady, 10_000));
        return rig;
    }

    [Fact]
    public void Products_come_after_a_step_per_frame_none_longer_than_the_budget_and_equal_a_one_call_computation()
    {
        var rig = EndedPass(8000);
        var pass = rig.Controller.Pass;
        int computingFrames = 0;
        int largestStep = 0;
        while (!pass.HasProducts)
        {
            Assert.True(computingFrames < 10_000, "the computation ends");
            Assert.Empty(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
            rig.Step();
            if (pass.Computing || pass.HasProducts)
            {
                computingFrames++;
                largestStep = Math.Max(largestStep, pass.ComputeStepWork);
            }
        }

        Assert.False(pass.Computing);
        Assert.Equal(computingFrames, pass.ComputeFrames);
        Assert.InRange(largestStep, 1, Math.Max(PassStateMachine.ComputeWorkPerFrame, PassAccumulator.MaxIndivisibleWork));
        Assert.True(rig.RunUntil(() => pass.State == PassState.Idle, 2000));

        // The same records (from the raw chunks) computed in one call by a fresh accumulator: the same octets, and the
        // frames taken are its work over the per-frame budget (plus at most one per indivisible part).
        var accumulator = new PassAccumulator(rig.ProductSettings);
        foreach (byte[] chunk in rig.Downlink.OfKind(AcquisitionMessage.RawRecordsKind))
        {
            accumulator.AddRecords(chunk, AcquisitionMessage.RawHeaderLength, BigEndian.ReadUInt16(chunk, 10));
        }

        Assert.Equal(8000, accumulator.Count);
        var expected = new byte[PassProducts.Length];
        accumulator.Compute(pass.Products.GroundSpeedMps, pass.Products.SlantRangeM, pass.Products.DetectorTemperatureCentiC).Encode(expected, 0);
        byte[] message = Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(expected, message[AcquisitionMessage.ProductsOffset..AcquisitionMessage.ProductsTrailerOffset]);
        Assert.Equal(ProductValidity.Fit, accumulator.Products.Validity & ProductValidity.Fit);
        long frames = accumulator.ComputeWork / PassStateMachine.ComputeWorkPerFrame;
        Assert.InRange(pass.ComputeFrames, frames, frames + 20);
        Assert.True(pass.ComputeFrames > 100, "an 8000-pulse pass is far more than one frame's work");
        Assert.Equal(0, pass.ComputeFailures);
    }

    [Fact]
    public void No_pass_can_be_armed_while_the_products_are_computed()
    {
        var rig = EndedPass(4000);
        rig.Step();
        Assert.True(rig.Controller.Pass.Computing);

        Assert.False(rig.Arm().Succeeded);
        Assert.True(rig.Controller.Pass.Computing);
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.HasProducts, 10_000));
        Assert.Equal(4000, rig.Controller.Pass.Products.PulseCount);
    }

    [Fact]
    public void Acq_reset_during_the_computation_abandons_it_and_the_next_pass_has_whole_products()
    {
        var rig = EndedPass(4000);
        rig.Run(5);
        Assert.True(rig.Controller.Pass.Computing);

        Assert.True(rig.Execute(ResetSubtype, []).Succeeded);
        Assert.False(rig.Controller.Pass.Computing);
        Assert.Equal(PassState.Idle, rig.Controller.Pass.State);
        rig.Run(400);
        Assert.False(rig.Controller.Pass.HasProducts);
        Assert.Empty(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Empty(rig.Raised(ProductsReadyEvent));

        Assert.True(rig.Arm().Succeeded);
        rig.Train(rig.NowTicks + Second / 2, 3000, Pri, AcquisitionRig.Beam(3000, 600));
        Assert.True(rig.RunUntil(() => rig.Controller.Pass.State == PassState.Idle && rig.Controller.Pass.HasProducts, 10_000));
        byte[] message = Assert.Single(rig.Downlink.OfKind(AcquisitionMessage.ProductsKind));
        Assert.Equal(3000, (int)BigEndian.ReadUInt32(message, AcquisitionMessage.ProductsOffset + 13)); // PulseCount
        Assert.Equal(ProductValidity.Fit, rig.Controller.Pass.Products.Validity & ProductValidity.Fit);
        Assert.Equal(2, BigEndian.ReadUInt16(message, 2));
    }
}
