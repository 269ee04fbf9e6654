namespace Payload.Flight.Tests.Instrument.Products;

/// <summary>The fields of PassProducts, settable, for <see cref="OneShotReference"/>.</summary>
internal sealed class ReferenceProducts
{
    public int Validity { get; set; }

    public long FirstToa { get; set; }

    public long DurationTicks { get; set; }

    public int PulseCount { get; set; }

    public int ExpectedCount { get; set; }

    public int MissedPulses { get; set; }

    public int GapCount { get; set; }

    public int RejectedCount { get; set; }

    public int TrainPulseCount { get; set; }

    public int AmplitudeExcludedCount { get; set; }

    public int WidthExcludedCount { get; set; }

    public int PriClusterCount { get; set; }

    public int PriMedianTicks { get; set; }

    public long PriMeanQ4 { get; set; }

    public long PrfMilliHz { get; set; }

    public long PriJitterRmsQ4 { get; set; }

    public long WidthMeanQ4 { get; set; }

    public long WidthStdQ4 { get; set; }

    public int AmplitudeSpreadMilliDb { get; set; }

    public long PeakToa { get; set; }

    public long PeakCodeQ4 { get; set; }

    public int PeakMilliDbm { get; set; }

    public long BeamwidthTicks { get; set; }

    public long BeamwidthMicroDeg { get; set; }

    public int SidelobeLeftMilliDb { get; set; }

    public int SidelobeRightMilliDb { get; set; }

    public int SidelobeAsymmetryMilliDb { get; set; }

    public int FitPoints { get; set; }

    public int GroundSpeedMps { get; set; }

    public int SlantRangeM { get; set; }

    public int DetectorTemperatureCentiC { get; set; }

    public void Clear()
    {
        Validity = 0;
        FirstToa = 0;
        DurationTicks = 0;
        PulseCount = 0;
        ExpectedCount = 0;
        MissedPulses = 0;
        GapCount = 0;
        RejectedCount = 0;
        TrainPulseCount = 0;
        AmplitudeExcludedCount = 0;
        WidthExcludedCount = 0;
        PriClusterCount = 0;
        PriMedianTicks = 0;
        PriMeanQ4 = 0;
        PrfMilliHz = 0;
        PriJitterRmsQ4 = 0;
        WidthMeanQ4 = 0;
        WidthStdQ4 = 0;
        AmplitudeSpreadMilliDb = 0;
        PeakToa = 0;
        PeakCodeQ4 = 0;
        PeakMilliDbm = 0;
        BeamwidthTicks = 0;
        BeamwidthMicroDeg = 0;
        SidelobeLeftMilliDb = 0;
        SidelobeRightMilliDb = 0;
        SidelobeAsymmetryMilliDb = 0;
        FitPoints = 0;
        GroundSpeedMps = 0;
        SlantRangeM = 0;
        DetectorTemperatureCentiC = 0;
    }
}
