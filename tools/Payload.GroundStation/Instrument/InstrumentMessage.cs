using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Serialization;
using Payload.Analysis;

namespace Payload.GroundStation.Instrument;

/// <summary>
/// An instrument ST[13] message read on the ground: pass products, a chunk of raw pulse records, or a snapshot; the
/// layouts are those of the flight code's AcquisitionMessage (firmware/Payload.Flight.Instrument/Acquisition).
/// </summary>
/// <remarks>
/// Common header: kind (1), format version (1), pass number (u16). Products: the 113-octet PassProducts encoding at 4, then
/// end reason (1), expected radar (1), raw decimation (u16), records lost (u32), raw dropped (u32). Raw records: chunk
/// sequence (u16), decimation (u16), flags (1, bit 0 last chunk), reserved (1), count (u16), raw dropped (u32), then
/// count 12-octet records. Snapshot: TOA (u48), capture number (u16), trigger index (u16), samples (u16), pulse index (u16),
/// then the samples.
/// </remarks>
public sealed record InstrumentMessage
{
    /// <summary>Octets of the common header.</summary>
    public const int HeaderLength = 4;

    /// <summary>Octets of a products message.</summary>
    public const int ProductsLength = HeaderLength + Flight.Instrument.Products.PassProducts.Length + 12;

    /// <summary>Octets before the records of a raw records message.</summary>
    public const int RawHeaderLength = 16;

    /// <summary>Octets before the samples of a snapshot message.</summary>
    public const int SnapshotHeaderLength = 18;

    private static readonly string[] EndReasons = ["TIMEOUT", "LOSS_OF_SIGNAL", "STOPPED", "DIGITIZER_FAULT", "MODE_EXIT", "NO_SIGNAL", "CAPACITY", "RESET"];
    private static readonly string[] Radars = ["NISAR", "SENTINEL1", "OTHER"];

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>What the message holds.</summary>
    public required InstrumentMessageKind Kind { get; init; }

    /// <summary>Format version octet.</summary>
    public int FormatVersion { get; init; }

    /// <summary>Passes armed since boot when the message was made (0 before the first).</summary>
    public int PassNumber { get; init; }

    /// <summary>Octets of the message.</summary>
    public int Length { get; init; }

    /// <summary>Why the message could not be read in full, or null.</summary>
    public string? Problem { get; init; }

    /// <summary>Products: the decoded pass products.</summary>
    public PassProductValues? Products { get; init; }

    /// <summary>Products: why the pass ended.</summary>
    public string? EndReason { get; init; }

    /// <summary>Products: the radar the pass was armed for.</summary>
    public string? ExpectedRadar { get; init; }

    /// <summary>Products and raw records: every Nth record went down raw (0: none).</summary>
    public int? Decimation { get; init; }

    /// <summary>Products: records lost before the products.</summary>
    public long? RecordsLost { get; init; }

    /// <summary>Products and raw records: decimated records the raw backlog had no room for.</summary>
    public long? RawDropped { get; init; }

    /// <summary>Raw records: chunk sequence, from 0 in each pass.</summary>
    public int? ChunkSequence { get; init; }

    /// <summary>Raw records: the last chunk of the pass.</summary>
    public bool? LastChunk { get; init; }

    /// <summary>Raw records: the records.</summary>
    public IReadOnlyList<PulseSample> Records { get; init; } = [];

    /// <summary>Snapshot: TOA of the captured pulse, ticks.</summary>
    public long? SnapshotToa { get; init; }

    /// <summary>Snapshot: the chip's capture number.</summary>
    public int? CaptureNumber { get; init; }

    /// <summary>Snapshot: samples.</summary>
    public int? Samples { get; init; }

    /// <summary>Reads <paramref name="data"/>; a message it cannot read comes back with a <see cref="Problem"/> (never throws).</summary>
    public static InstrumentMessage Decode(ReadOnlySpan<byte> data)
    {
        if (data.Length < HeaderLength) return new InstrumentMessage { Kind = InstrumentMessageKind.Unknown, Length = data.Length, Problem = $"{data.Length} octets: no instrument header" };
        var kind = data[0] is >= 1 and <= 3 ? (InstrumentMessageKind)data[0] : InstrumentMessageKind.Unknown;
        var header = new InstrumentMessage { Kind = kind, FormatVersion = data[1], PassNumber = U16(data, 2), Length = data.Length };
        if (kind == InstrumentMessageKind.Unknown) return header with { Problem = $"unknown kind {data[0]}" };
        if (data[1] != 1) return header with { Problem = $"unknown format version {data[1]}" };
        return kind switch
        {
            InstrumentMessageKind.Products => DecodeProducts(header, data),
            InstrumentMessageKind.RawRecords => DecodeRaw(header, data),
            _ => DecodeSnapshot(header, data),
        };
    }

    /// <summary>The message's values as JSON (snake_case; the records and samples themselves are left to the bytes).</summary>
    public string ToJson()
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["kind"] = Kind.ToString(),
            ["pass_number"] = PassNumber,
            ["problem"] = Problem,
            ["end_reason"] = EndReason,
            ["expected_radar"] = ExpectedRadar,
            ["decimation"] = Decimation,
            ["records_lost"] = RecordsLost,
            ["raw_dropped"] = RawDropped,
            ["chunk_sequence"] = ChunkSequence,
            ["last_chunk"] = LastChunk,
            ["records"] = Kind == InstrumentMessageKind.RawRecords ? Records.Count : null,
            ["snapshot_toa"] = SnapshotToa,
            ["capture_number"] = CaptureNumber,
            ["samples"] = Samples,
            ["products"] = Products,
        };
        foreach (string key in values.Where(v => v.Value is null).Select(v => v.Key).ToArray()) values.Remove(key);
        return JsonSerializer.Serialize(values, Json);
    }

    private static InstrumentMessage DecodeProducts(InstrumentMessage header, ReadOnlySpan<byte> data)
    {
        if (data.Length < ProductsLength) return header with { Problem = $"products need {ProductsLength} octets, got {data.Length}" };
        PassProductValues products;
        try
        {
            products = OnboardProductsDecoder.Decode(data[HeaderLength..]);
        }
        catch (FormatException e)
        {
            return header with { Problem = e.Message };
        }
        int trailer = HeaderLength + Flight.Instrument.Products.PassProducts.Length;
        return header with
        {
            Products = products,
            EndReason = Name(EndReasons, data[trailer]),
            ExpectedRadar = Name(Radars, data[trailer + 1]),
            Decimation = U16(data, trailer + 2),
            RecordsLost = U32(data, trailer + 4),
            RawDropped = U32(data, trailer + 8),
        };
    }

    private static InstrumentMessage DecodeRaw(InstrumentMessage header, ReadOnlySpan<byte> data)
    {
        if (data.Length < RawHeaderLength) return header with { Problem = $"raw records need a {RawHeaderLength}-octet header, got {data.Length} octets" };
        int count = U16(data, 10);
        var result = header with
        {
            ChunkSequence = U16(data, 4),
            Decimation = U16(data, 6),
            LastChunk = (data[8] & 1) != 0,
            RawDropped = U32(data, 12),
        };
        int expected = RawHeaderLength + count * PulseSample.Size;
        if (data.Length != expected) return result with { Problem = $"{count} records make {expected} octets, got {data.Length}" };
        var records = new PulseSample[count];
        for (int i = 0; i < count; i++) records[i] = PulseSample.Read(data, RawHeaderLength + i * PulseSample.Size);
        return result with { Records = records };
    }

    private static InstrumentMessage DecodeSnapshot(InstrumentMessage header, ReadOnlySpan<byte> data)
    {
        if (data.Length < SnapshotHeaderLength) return header with { Problem = $"a snapshot needs an {SnapshotHeaderLength}-octet header, got {data.Length} octets" };
        return header with
        {
            SnapshotToa = ((long)U16(data, 4) << 32) | U32(data, 6),
            CaptureNumber = U16(data, 10),
            Samples = U16(data, 14),
        };
    }

    private static string Name(string[] names, byte value) => value < names.Length ? names[value] : $"UNKNOWN_{value}";

    private static int U16(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt16BigEndian(data[offset..]);

    private static long U32(ReadOnlySpan<byte> data, int offset) => BinaryPrimitives.ReadUInt32BigEndian(data[offset..]);
}
