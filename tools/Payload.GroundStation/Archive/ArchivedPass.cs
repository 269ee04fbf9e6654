namespace Payload.GroundStation.Archive;

/// <summary>One pass as the archive knows it from the instrument's ST[13] messages.</summary>
/// <param name="Id">The archive's pass identifier (what <c>plot --pass</c> takes).</param>
/// <param name="PassNumber">The board's pass number (passes armed since boot).</param>
/// <param name="FirstMissionMicroseconds">On-board time of the first message of the pass.</param>
/// <param name="LastMissionMicroseconds">On-board time of the last message of the pass.</param>
/// <param name="EndReason">Why the pass ended (from the products), or null before the products arrived.</param>
/// <param name="ExpectedRadar">The radar it was armed for, or null.</param>
/// <param name="Decimation">Every Nth record went down raw (0: none), or null.</param>
/// <param name="RawChunks">Raw record messages received.</param>
/// <param name="Records">Raw records received.</param>
/// <param name="ProductsId">The products message's row in <c>products</c>, or null.</param>
public sealed record ArchivedPass(
    long Id, int PassNumber, long FirstMissionMicroseconds, long LastMissionMicroseconds, string? EndReason, string? ExpectedRadar,
    int? Decimation, int RawChunks, int Records, long? ProductsId);
