using Payload.Flight.Commanding;
using Payload.Flight.Instrument.Acquisition;
using Payload.Flight.Modes;
using Payload.Flight.Parameters;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Parameters;
using Payload.Flight.Verification;
using static Payload.Flight.Instrument.Acquisition.AcquisitionDictionary;

namespace Payload.Flight.Tests.Instrument.Acquisition;

/// <summary>ACQ_CONFIGURE's settings survive a reset: kept in persisted parameters, applied at boot and by every FDIR bring-up.</summary>
public class ConfigurationPersistenceTests
{
    // The rig's boot configuration (AcquisitionSettings with the rig's 16-record watermark).
    private static readonly (int, int, long, int) Defaults = (20_000, AcquisitionRig.BlockRecords, 800_000L, 240);
    private static readonly (int, int, long, int) Configured = (25_000, 8, 400_000L, 400);

    [Fact]
    public void A_configuration_survives_a_reset_and_the_next_boot_writes_it_to_the_digitizer()
    {
        var rig = Configure(new AcquisitionRig().Start(Mode.Standby));

        var after = rig.Reboot();
        Assert.Equal(Configured, Reported(after)); // reported from boot, before the chip is touched
        after.Step();

        Assert.True(after.Controller.Supervisor.IsOperational);
        Assert.Equal(Configured, ChipSettings(after));
        Assert.Equal(Configured, Reported(after));
        Assert.Empty(after.Raised(ConfigurationRefusedEvent));
    }

    [Fact]
    public void Fdir_recovers_a_locked_up_digitizer_with_the_persisted_configuration()
    {
        var after = Configure(new AcquisitionRig().Start(Mode.Standby)).Reboot().Start(Mode.Standby);

        after.Chip.LockedUp = true; // until the next reset, which restores the chip's register defaults
        Assert.True(after.RunUntil(() => after.Raised(DigitizerRecoveredEvent).Count == 1, 300));

        Assert.Equal(2, after.Chip.Resets);
        Assert.Equal(Configured, ChipSettings(after));
        Assert.Equal(Configured, Reported(after));
    }

    [Fact]
    public void Without_a_saved_configuration_the_build_defaults_apply_and_nothing_is_refused()
    {
        var rig = new AcquisitionRig();
        rig.Step();

        Assert.Equal(Defaults, ChipSettings(rig));
        Assert.Equal(Defaults, Reported(rig));
        Assert.Empty(rig.Raised(ConfigurationRefusedEvent));
    }

    [Theory]
    [InlineData(25_000, AcquisitionRig.BlockRecords + 1, 400_000, 400, AcquisitionConfiguration.WatermarkField, AcquisitionRig.BlockRecords + 1)]
    [InlineData(25_000, 8, 100, 400, AcquisitionConfiguration.MaxLatencyField, 100)]
    [InlineData(25_000, 0, 400_000, 400, AcquisitionConfiguration.WatermarkField, 0)]
    [InlineData(25_000, 8, 90_000_000, 400, AcquisitionConfiguration.MaxLatencyField, 90_000_000)]
    public void An_invalid_persisted_configuration_is_refused_with_an_event_and_the_defaults_apply(
        int threshold, int watermark, long maxLatency, int minWidth, int field, long value)
    {
        // As an older build (a larger block, other ranges) might have left it.
        var rig = new AcquisitionRig();
        rig.Parameters.Set(ThresholdParameter, threshold);
        rig.Parameters.Set(WatermarkParameter, watermark);
        rig.Parameters.Set(MaxLatencyParameter, maxLatency);
        rig.Parameters.Set(MinWidthParameter, minWidth);
        Assert.True(rig.Persistence.Save(rig.Parameters));

        var after = rig.Reboot();
        after.Step();

        Assert.Equal([(long)field, value], Assert.Single(after.Raised(ConfigurationRefusedEvent)));
        Assert.True(after.Controller.Supervisor.IsOperational);
        Assert.Equal(Defaults, ChipSettings(after));
        Assert.Equal(Defaults, Reported(after));
    }

    [Fact]
    public void A_configuration_the_read_back_refuses_is_not_kept()
    {
        var rig = Configure(new AcquisitionRig().Start(Mode.Standby));
        rig.Chip.RefuseThreshold = true;

        var result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(30_000, 4, 200_000, 100));

        Assert.Equal(FailureCode.ExecutionError, result.Code);
        Assert.Equal(Configured, Reported(rig));
        var after = rig.Reboot();
        after.Step();
        Assert.Equal(Configured, ChipSettings(after));
    }

    [Fact]
    public void A_configuration_that_cannot_be_saved_fails_and_the_previous_one_stays_on_the_chip_and_in_storage()
    {
        var rig = Configure(new AcquisitionRig().Start(Mode.Standby));
        // The next save goes to the record's other slot: a stuck octet there makes its read-back fail.
        rig.Flash.Stick(PersistenceRig.Layout.SlotAddress(0, 1) + RecordLayout.HeaderLength + 3);

        var result = rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(30_000, 4, 200_000, 100));

        Assert.Equal((FailureCode.ExecutionError, NotSavedData), (result.Code, result.Data));
        Assert.Equal(Configured, ChipSettings(rig));
        Assert.Equal(Configured, Reported(rig));
        Assert.Equal(1, rig.Parameter(ParameterPersistence.SaveFailuresParameter));
        var after = rig.Reboot();
        after.Step();
        Assert.Equal(Configured, ChipSettings(after));
    }

    [Fact]
    public void Param_set_cannot_change_the_configuration_and_a_param_set_of_another_parameter_keeps_it()
    {
        var rig = Configure(new AcquisitionRig().Start(Mode.Standby));

        var refused = ParamSet(rig, ThresholdParameter, 1000);
        var crcLimit = ParamSet(rig, CrcLimitParameter, 25);

        Assert.Equal((FailureCode.ExecutionError, (long)ThresholdParameter), refused);
        Assert.Equal((FailureCode.None, 0L), crcLimit);
        Assert.Equal(Configured, ChipSettings(rig));
        var after = rig.Reboot();
        after.Step();
        Assert.Equal(Configured, ChipSettings(after));
        Assert.Equal(25, after.Parameter(CrcLimitParameter));
    }

    private static AcquisitionRig Configure(AcquisitionRig rig)
    {
        var (threshold, watermark, latency, width) = Configured;
        Assert.True(rig.Execute(ConfigureSubtype, AcquisitionRig.ConfigureData(threshold, watermark, latency, width)).Succeeded);
        Assert.Equal(Configured, ChipSettings(rig));
        return rig;
    }

    private static (int, int, long, int) ChipSettings(AcquisitionRig rig) =>
        (rig.Chip.Threshold, rig.Chip.Watermark, rig.Chip.MaxLatency, rig.Chip.MinWidth);

    private static (int, int, long, int) Reported(AcquisitionRig rig) =>
        ((int)rig.Parameter(ThresholdParameter), (int)rig.Parameter(WatermarkParameter), rig.Parameter(MaxLatencyParameter),
            (int)rig.Parameter(MinWidthParameter));

    private static (FailureCode Code, long Data) ParamSet(AcquisitionRig rig, ushort id, int value)
    {
        var data = new byte[6];
        BigEndian.WriteUInt16(data, 0, id);
        BigEndian.WriteUInt32(data, 2, (uint)value);
        var command = rig.Submit(ParameterService.Service, ParameterService.SetSubtype, data);
        for (int i = 0; i < 5 && rig.Outcome(command) is null; i++) rig.Step();
        var outcome = rig.Outcome(command) ?? throw new Xunit.Sdk.XunitException("PARAM_SET did not finish");
        Assert.True(outcome.Succeeded || outcome.ReportSubtype == VerificationReporter.CompletionFailure);
        return (outcome.Code, outcome.Data);
    }
}
