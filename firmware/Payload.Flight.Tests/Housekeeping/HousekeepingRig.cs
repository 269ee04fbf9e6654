using Payload.Flight.Dictionary;
using Payload.Flight.Housekeeping;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Housekeeping;

/// <summary>A housekeeping service behind the real command pipeline, over a dictionary with one parameter of each type.</summary>
public sealed class HousekeepingRig
{
    public const ushort Flag = 1000, U8 = 1001, U16 = 1002, U32 = 1003, I8 = 1004, I16 = 1005, I32 = 1006;
    /// <summary>Every type, enabled, every 10 frames.</summary>
    public const byte AllTypes = 1;
    /// <summary>One counter, enabled, every 7 frames.</summary>
    public const byte Slow = 2;
    /// <summary>Disabled at boot, interval 5.</summary>
    public const byte Spare = 3;
    public const int AllTypesInterval = 10, SlowInterval = 7, SpareInterval = 5;

    public HousekeepingRig()
    {
        Rig = new ServiceCommandRig(Declare);
        Service = new HousekeepingService(Rig.Dictionary, Rig.Parameters, Rig.Telemetry);
        foreach (var subtype in new[]
        {
            HousekeepingService.EnableSubtype, HousekeepingService.DisableSubtype, HousekeepingService.ReportStructureSubtype,
            HousekeepingService.OneShotSubtype, HousekeepingService.SetIntervalSubtype,
        })
        {
            Rig.Bind(HousekeepingService.Service, subtype, Service);
        }
    }

    public ServiceCommandRig Rig { get; }
    public HousekeepingService Service { get; }

    /// <summary>The frame the next <see cref="RunFrames"/> starts at.</summary>
    public long Frame { get; private set; }

    /// <summary>Frames at which each structure reported (TM[3,25]), in order.</summary>
    public Dictionary<byte, List<long>> ReportFrames { get; } = new();

    public static void Declare(DictionaryBuilder builder)
    {
        HousekeepingService.Declare(builder);
        builder.Add(new ParameterDefinition(Flag, "test.flag", DataType.Boolean, "", ""));
        builder.Add(new ParameterDefinition(U8, "test.u8", DataType.UInt8, "", ""));
        builder.Add(new ParameterDefinition(U16, "test.u16", DataType.UInt16, "", ""));
        builder.Add(new ParameterDefinition(U32, "test.u32", DataType.UInt32, "", ""));
        builder.Add(new ParameterDefinition(I8, "test.i8", DataType.Int8, "", ""));
        builder.Add(new ParameterDefinition(I16, "test.i16", DataType.Int16, "", ""));
        builder.Add(new ParameterDefinition(I32, "test.i32", DataType.Int32, "", ""));
        builder.Add(new HousekeepingStructureDefinition(AllTypes, "TEST_ALL_TYPES", [Flag, U8, U16, U32, I8, I16, I32], AllTypesInterval, true, ""));
        builder.Add(new HousekeepingStructureDefinition(Slow, "TEST_SLOW", [U32], SlowInterval, true, ""));
        builder.Add(new HousekeepingStructureDefinition(Spare, "TEST_SPARE", [U16, U8], SpareInterval, false, ""));
    }

    /// <summary>Runs the service for <paramref name="frames"/> consecutive frames, recording which structures reported when.</summary>
    public void RunFrames(int frames)
    {
        for (int i = 0; i < frames; i++)
        {
            int before = Rig.Telemetry.Sent.Count;
            Service.Run(Frame, Frame * 10_000);
            foreach (var report in Rig.SentSince(before, HousekeepingService.Service))
            {
                if (report.Subtype != HousekeepingService.ParameterReportSubtype) continue;
                if (!ReportFrames.TryGetValue(report.Data[0], out var frames2)) ReportFrames[report.Data[0]] = frames2 = new();
                frames2.Add(Frame);
            }
            Frame++;
        }
    }

    /// <summary>Report frames of one structure (empty when it never reported).</summary>
    public List<long> FramesOf(byte sid) => ReportFrames.TryGetValue(sid, out var frames) ? frames : new();
}
