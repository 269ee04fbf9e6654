using Payload.Flight.Dictionary;
using Payload.Flight.Parameters;
using static Payload.Flight.Tests.Parameters.PersistenceRig;

namespace Payload.Flight.Tests.Parameters;

public class ParameterPersistenceTests
{
    [Fact]
    public void Without_a_saved_record_every_parameter_keeps_its_default()
    {
        var rig = new PersistenceRig();

        Assert.Equal(5, rig.Parameters.Get(Gain));
        Assert.Equal(3_000_000_000, rig.Parameters.Get(Threshold));
        Assert.Equal(-7, rig.Parameters.Get(Offset));
        Assert.Equal(0, rig.Persistence.Restored);
        Assert.Equal(0, rig.Events.Count(ParameterPersistence.RestoredEvent));
    }

    [Fact]
    public void A_value_above_two_to_the_31_survives_a_save_and_restore()
    {
        var rig = new PersistenceRig();
        rig.Execute(Flight.Parameters.ParameterService.Service, Flight.Parameters.ParameterService.SetSubtype, ParamSet(Gain, 1));
        Assert.Equal(3_000_000_000, rig.Reboot().Parameters.Get(Threshold));
    }

    [Fact]
    public void Values_follow_their_ids_when_the_dictionary_is_reordered_and_unknown_ones_are_counted()
    {
        var rig = new PersistenceRig();
        rig.Parameters.Set(Gain, -9);
        rig.Parameters.Set(Flag, 1);
        rig.Parameters.Set(Offset, 123);
        Assert.True(rig.Persistence.Save(rig.Parameters));

        // The next software version declares these in another order, drops test.flag and adds test.extra.
        var after = rig.Reboot(builder =>
        {
            builder.Add(new ParameterDefinition(9010, "test.extra", DataType.Int32, "", "new") { Settable = true, Persisted = true, DefaultValue = 77 });
            builder.Add(new ParameterDefinition(Offset, "test.offset", DataType.Int32, "", "") { Settable = true, Persisted = true });
            builder.Add(new ParameterDefinition(Threshold, "test.threshold", DataType.UInt32, "", "") { Settable = true, Persisted = true });
            builder.Add(new ParameterDefinition(Gain, "test.gain", DataType.Int16, "", "") { Settable = true, Persisted = true, Minimum = -100, Maximum = 100 });
        });

        Assert.Equal(-9, after.Parameters.Get(Gain));
        Assert.Equal(123, after.Parameters.Get(Offset));
        Assert.Equal(3_000_000_000, after.Parameters.Get(Threshold));
        Assert.Equal(77, after.Parameters.Get(9010));
        Assert.Equal(3, after.Persistence.Restored);
        Assert.Equal(1, after.Persistence.RejectedUnknown);
        Assert.Equal(1, after.Parameters.Get(ParameterPersistence.RestoreUnknownParameter));
        var rejected = Assert.Single(after.Events.Raised, e => e.Id == ParameterPersistence.RestoreRejectedEvent);
        Assert.Equal([Flag, 1L, ParameterPersistence.ReasonUnknown], rejected.Arguments);
        Assert.Equal([3L, 1L, 0L], Assert.Single(after.Events.Raised, e => e.Id == ParameterPersistence.RestoredEvent).Arguments);
    }

    [Fact]
    public void A_parameter_no_longer_persisted_is_not_restored()
    {
        var rig = new PersistenceRig();
        rig.Parameters.Set(Gain, 50);
        Assert.True(rig.Persistence.Save(rig.Parameters));

        var after = rig.Reboot(builder =>
            builder.Add(new ParameterDefinition(Gain, "test.gain", DataType.Int16, "", "") { Settable = true, DefaultValue = 5 }));

        Assert.Equal(5, after.Parameters.Get(Gain));
        Assert.Equal(0, after.Persistence.Restored);
        Assert.Equal(4, after.Persistence.RejectedUnknown);
    }

    [Fact]
    public void Values_outside_the_new_range_keep_the_default_and_are_counted()
    {
        var rig = new PersistenceRig();
        rig.Parameters.Set(Gain, 90);
        rig.Parameters.Set(Offset, -5);
        Assert.True(rig.Persistence.Save(rig.Parameters));

        // Gain narrowed to ±50; offset changed to an unsigned type, which -5 does not fit.
        var after = rig.Reboot(builder =>
        {
            builder.Add(new ParameterDefinition(Gain, "test.gain", DataType.Int16, "", "") { Settable = true, Persisted = true, DefaultValue = 1, Minimum = -50, Maximum = 50 });
            builder.Add(new ParameterDefinition(Offset, "test.offset", DataType.UInt32, "", "") { Settable = true, Persisted = true, DefaultValue = 2 });
            builder.Add(new ParameterDefinition(Threshold, "test.threshold", DataType.UInt32, "", "") { Settable = true, Persisted = true });
            builder.Add(new ParameterDefinition(Flag, "test.flag", DataType.Boolean, "", "") { Settable = true, Persisted = true });
        });

        Assert.Equal(1, after.Parameters.Get(Gain));
        Assert.Equal(2, after.Parameters.Get(Offset));
        Assert.Equal(2, after.Persistence.RejectedOutOfRange);
        Assert.Equal(2, after.Parameters.Get(ParameterPersistence.RestoreOutOfRangeParameter));
        Assert.Equal(2, after.Persistence.Restored);
        Assert.Contains(after.Events.Raised, e => e.Id == ParameterPersistence.RestoreRejectedEvent
            && e.Arguments.SequenceEqual([Gain, 90L, ParameterPersistence.ReasonOutOfRange]));
        Assert.Contains(after.Events.Raised, e => e.Id == ParameterPersistence.RestoreRejectedEvent
            && e.Arguments.SequenceEqual([Offset, -5L, ParameterPersistence.ReasonOutOfRange]));
    }

    [Fact]
    public void A_value_keeps_its_sign_when_the_type_widens()
    {
        var rig = new PersistenceRig();
        rig.Parameters.Set(Gain, -77);
        Assert.True(rig.Persistence.Save(rig.Parameters));

        var after = rig.Reboot(builder =>
            builder.Add(new ParameterDefinition(Gain, "test.gain", DataType.Int32, "", "") { Settable = true, Persisted = true }));

        Assert.Equal(-77, after.Parameters.Get(Gain));
    }

    [Fact]
    public void The_record_holds_count_then_id_type_and_value_of_each_persisted_parameter()
    {
        var rig = new PersistenceRig();
        Assert.True(rig.Persistence.Save(rig.Parameters));

        var payload = new byte[ParameterPersistence.MaxPayloadLength];
        int length = rig.Records.Read(ParameterPersistence.RecordId, payload, 0, payload.Length);

        Assert.Equal("00 04 " +
            "23 29 05 00 00 00 05 " +
            "23 2A 03 B2 D0 5E 00 " +
            "23 2D 00 00 00 00 00 " +
            "23 2E 06 FF FF FF F9", Support.Hex.Of(payload, 0, length));
    }
}
