using CsCheck;
using Payload.Flight.Persistence;
using Payload.Flight.Protocol;
using Payload.Flight.Tests.Support;

namespace Payload.Flight.Tests.Persistence;

public class RecordStoreTests
{
    private const ushort Big = 1, Small = 2;
    private const int BigMax = 40, SmallMax = 8;
    private static readonly RecordLayout Layout = new(0, [Big, Small], [BigMax, SmallMax], 1);

    private static RecordStore Open(TestFlash flash, RecordingEventSink? events = null) => new(flash, Layout, events, null);

    private static byte[]? ReadValue(RecordStore store, ushort record)
    {
        var buffer = new byte[BigMax];
        int length = store.Read(record, buffer, 0, buffer.Length);
        return length < 0 ? null : buffer[..length];
    }

    private static void WriteValue(RecordStore store, ushort record, byte[] value) =>
        Assert.True(store.Write(record, value, 0, value.Length));

    /// <summary>A value that differs from every other generation's, in content and (mostly) in length.</summary>
    private static byte[] Value(int generation) =>
        Enumerable.Range(0, 3 + (generation * 11) % (BigMax - 3)).Select(i => (byte)(generation * 37 + i * 13)).ToArray();

    /// <summary>Octets one Write puts on the flash: the invalidation octet, the slot image less its first octet, the commit octet.</summary>
    private static int OctetsOfWrite(int payloadLength) => RecordLayout.SlotLengthFor(payloadLength) + 1;

    [Fact]
    public void Erased_flash_holds_no_record_and_reports_no_fault()
    {
        var flash = new TestFlash(256);
        var events = new RecordingEventSink();
        var store = Open(flash, events);

        Assert.Null(ReadValue(store, Big));
        Assert.Null(ReadValue(store, Small));
        Assert.False(store.Contains(Big));
        Assert.Equal(-1, store.GenerationOf(Big));
        Assert.Equal(0, store.CorruptSlotsAtBoot);
        Assert.Equal(0, store.InterruptedWritesAtBoot);
        Assert.Empty(events.Raised);
    }

    [Fact]
    public void Writes_alternate_slots_with_rising_generations_and_read_back_after_a_reboot()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        for (int g = 1; g <= 5; g++)
        {
            WriteValue(store, Big, Value(g));
            Assert.Equal(g, store.GenerationOf(Big));
            Assert.Equal((g - 1) % 2, store.NewestSlotOf(Big));
            Assert.Equal(Value(g), ReadValue(store, Big));

            var rebooted = Open(flash);
            Assert.Equal(Value(g), ReadValue(rebooted, Big));
            Assert.Equal(g, rebooted.GenerationOf(Big));
        }
        Assert.Equal(5, store.Writes);
    }

    [Fact]
    public void The_slot_format_is_magic_id_generation_length_payload_crc()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Small, [0xDE, 0xAD]);

        int a = Layout.SlotAddress(Layout.IndexOf(Small), 0);
        Assert.Equal("A5 C3 00 02 00 00 00 01 00 02 DE AD", Hex.Of(flash.Bytes, a, 12));
        ushort crc = Crc16Ccitt.Compute(flash.Bytes, a, 12);
        Assert.Equal(crc, (flash.Bytes[a + 12] << 8) | flash.Bytes[a + 13]);
        Assert.Equal(0xFF, flash.Bytes[a + 14]);
    }

    [Fact]
    public void Records_are_independent()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Big, Value(1));
        WriteValue(store, Small, [1, 2, 3]);
        WriteValue(store, Big, Value(2));
        WriteValue(store, Big, Value(3));

        var rebooted = Open(flash);
        Assert.Equal(Value(3), ReadValue(rebooted, Big));
        Assert.Equal([1, 2, 3], ReadValue(rebooted, Small));
        Assert.Equal(1, rebooted.GenerationOf(Small));
    }

    [Fact]
    public void An_empty_payload_is_a_value()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Small, []);
        Assert.Equal(Array.Empty<byte>(), ReadValue(Open(flash), Small));
    }

    /// <summary>What may be written on the octet being written when power goes: nothing, or a corrupted value.</summary>
    public static TheoryData<string> CutOctetFates() => new() { "lost", "zero", "erased", "magic", "flipped", "anded", "landed" };

    private static Func<byte, byte, byte>? Fate(string name) => name switch
    {
        "lost" => null,
        "zero" => (_, _) => 0x00,
        "erased" => (_, _) => 0xFF,
        "magic" => (_, _) => RecordStore.Magic >> 8,
        "flipped" => (_, intended) => (byte)(intended ^ 0x01),
        "anded" => (old, intended) => (byte)(old & intended),
        "landed" => (_, intended) => intended,
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(CutOctetFates))]
    public void A_power_cut_at_every_octet_of_a_write_leaves_exactly_the_old_or_the_new_value(string fate)
    {
        // 0 earlier writes: the very first write; then 1..4 so that the cut write targets slot B, A, B, A over older data.
        for (int earlier = 0; earlier <= 4; earlier++)
        {
            byte[]? old = earlier == 0 ? null : Value(earlier);
            byte[] next = Value(earlier + 1);
            int total = OctetsOfWrite(next.Length);
            for (int cut = 0; cut <= total; cut++)
            {
                var flash = new TestFlash(256);
                var store = Open(flash);
                for (int g = 1; g <= earlier; g++) WriteValue(store, Big, Value(g));
                WriteValue(store, Small, [9, 9]);

                flash.CutPowerAfter(cut, Fate(fate));
                bool completed = true;
                try
                {
                    store.Write(Big, next, 0, next.Length);
                }
                catch (PowerLostException)
                {
                    completed = false;
                }
                flash.PowerOn();
                var rebooted = Open(flash);
                byte[]? read = ReadValue(rebooted, Big);

                // The commit octet (first magic octet) is the last one written; only once it holds the magic is the new value there.
                byte commit = flash.Bytes[Layout.SlotAddress(0, earlier % 2)];
                bool committed = completed || (cut == total - 1 && commit == RecordStore.Magic >> 8);
                string where = $"fate {fate}, {earlier} earlier writes, cut after {cut} of {total} octets";
                Assert.True(committed ? next.SequenceEqual(read ?? []) : Same(old, read), where);
                Assert.Equal([9, 9], ReadValue(rebooted, Small));

                // And the store carries on: the next write lands and survives another reboot.
                byte[] after = Value(earlier + 7);
                Assert.True(rebooted.Write(Big, after, 0, after.Length), where);
                Assert.Equal(after, ReadValue(Open(flash), Big));
            }
        }
    }

    private static bool Same(byte[]? expected, byte[]? actual) =>
        expected == null ? actual == null : actual != null && expected.SequenceEqual(actual);

    [Fact]
    public void A_torn_write_engineered_to_match_the_stale_crc_is_still_not_read()
    {
        // The CRC alone would let 1 torn image in 65536 through. Here two payload octets are chosen so that the image
        // torn after `landed` payload octets (new header and prefix, old suffix and old CRC) has a valid CRC: only the
        // invalidate-then-commit order keeps it from reading as a value.
        const int length = 20, landed = 12;
        var flash = new TestFlash(256);
        var store = Open(flash);
        byte[] v1 = Enumerable.Repeat((byte)0x11, length).ToArray(), v2 = Enumerable.Repeat((byte)0x22, length).ToArray();
        WriteValue(store, Big, v1);
        WriteValue(store, Big, v2);
        int a = Layout.SlotAddress(0, 0);
        byte[] next = Enumerable.Repeat((byte)0x33, length).ToArray();
        byte[] torn = flash.Bytes[a..(a + RecordLayout.SlotLengthFor(length))];
        BigEndian.WriteUInt32(torn, 4, 3);
        int staleCrc = BigEndian.ReadUInt16(torn, RecordLayout.HeaderLength + length);
        Assert.True(ForgeCrc(torn, next, landed, staleCrc));
        Array.Copy(next, 0, torn, RecordLayout.HeaderLength, landed);
        Assert.Equal(staleCrc, Crc16Ccitt.Compute(torn, 0, RecordLayout.HeaderLength + length));

        flash.CutPowerAfter(RecordLayout.HeaderLength + landed);
        Assert.Throws<PowerLostException>(() => store.Write(Big, next, 0, next.Length));
        flash.PowerOn();

        Assert.Equal(v2, ReadValue(Open(flash), Big));
    }

    /// <summary>Sets next[landed-2..landed-1] so that the torn image (next's first <paramref name="landed"/> octets over it) has CRC <paramref name="target"/>.</summary>
    private static bool ForgeCrc(byte[] torn, byte[] next, int landed, int target)
    {
        var image = (byte[])torn.Clone();
        Array.Copy(next, 0, image, RecordLayout.HeaderLength, landed);
        int at = RecordLayout.HeaderLength + landed - 2, crcAt = image.Length - RecordLayout.CrcLength;
        for (int candidate = 0; candidate < 65536; candidate++)
        {
            image[at] = (byte)(candidate >> 8);
            image[at + 1] = (byte)candidate;
            if (Crc16Ccitt.Compute(image, 0, crcAt) == target)
            {
                next[landed - 2] = image[at];
                next[landed - 1] = image[at + 1];
                return true;
            }
        }
        return false;
    }

    [Fact]
    public void A_first_write_cut_short_leaves_nothing_and_is_counted_as_interrupted()
    {
        byte[] value = Value(1);
        for (int cut = 1; cut < OctetsOfWrite(value.Length) - 1; cut++)
        {
            var flash = new TestFlash(256);
            var store = Open(flash);
            flash.CutPowerAfter(cut);
            Assert.Throws<PowerLostException>(() => store.Write(Big, value, 0, value.Length));
            flash.PowerOn();

            var rebooted = Open(flash);
            Assert.Null(ReadValue(rebooted, Big));
            Assert.Equal(1, rebooted.InterruptedWritesAtBoot);
            Assert.Equal(0, rebooted.CorruptSlotsAtBoot);
        }
    }

    [Fact]
    public void A_newest_slot_failing_its_crc_at_boot_is_reported_and_the_other_slot_is_read()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Big, Value(1));
        WriteValue(store, Big, Value(2));
        flash.Bytes[Layout.SlotAddress(0, 1) + RecordLayout.HeaderLength + 1] ^= 0x10;

        var events = new RecordingEventSink();
        var rebooted = Open(flash, events);

        Assert.Equal(Value(1), ReadValue(rebooted, Big));
        Assert.Equal(1, rebooted.GenerationOf(Big));
        Assert.Equal(1, rebooted.CorruptSlotsAtBoot);
        Assert.Equal([(RecordStore.CorruptSlotEvent, new long[] { Big, 1 })], events.Raised.Select(e => (e.Id, e.Arguments)));

        // The next write replaces the corrupt slot, never the good one.
        WriteValue(rebooted, Big, Value(3));
        Assert.Equal(1, rebooted.NewestSlotOf(Big));
        var again = Open(flash);
        Assert.Equal(Value(3), ReadValue(again, Big));
        Assert.Equal(0, again.CorruptSlotsAtBoot);
    }

    [Fact]
    public void A_corrupt_generation_field_fails_the_crc_too()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Big, Value(1));
        WriteValue(store, Big, Value(2));
        flash.Bytes[Layout.SlotAddress(0, 1) + 7] ^= 0x04;

        Assert.Equal(Value(1), ReadValue(Open(flash), Big));
    }

    [Fact]
    public void A_slot_going_bad_after_boot_is_caught_on_read_and_the_other_slot_is_used()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        WriteValue(store, Big, Value(1));
        WriteValue(store, Big, Value(2));
        flash.Bytes[Layout.SlotAddress(0, 1) + RecordLayout.HeaderLength] ^= 0x80;

        Assert.Equal(Value(1), ReadValue(store, Big));
        Assert.Equal(1, store.ReadFailures);
        Assert.Equal(0, store.NewestSlotOf(Big));
        Assert.Equal(Value(1), ReadValue(store, Big));
        Assert.Equal(1, store.ReadFailures);

        flash.Bytes[Layout.SlotAddress(0, 0) + RecordLayout.HeaderLength] ^= 0x80;
        Assert.Null(ReadValue(store, Big));
        Assert.Equal(2, store.ReadFailures);
    }

    [Fact]
    public void The_generation_counter_may_wrap()
    {
        var flash = new TestFlash(256);
        Plant(flash, Layout.SlotAddress(0, 0), Big, 0xFFFFFFFE, [1]);
        Plant(flash, Layout.SlotAddress(0, 1), Big, 0xFFFFFFFF, [2]);

        var store = Open(flash);
        Assert.Equal([2], ReadValue(store, Big));
        WriteValue(store, Big, [3]);
        Assert.Equal(0, store.GenerationOf(Big));

        var rebooted = Open(flash);
        Assert.Equal([3], ReadValue(rebooted, Big));
        Assert.Equal(0, rebooted.NewestSlotOf(Big));
        WriteValue(rebooted, Big, [4]);
        Assert.Equal([4], ReadValue(Open(flash), Big));
        Assert.Equal(1, rebooted.GenerationOf(Big));
    }

    [Fact]
    public void A_reordered_layout_reads_nothing_rather_than_another_records_data()
    {
        var flash = new TestFlash(256);
        var sameSizes = new RecordLayout(0, [Big, Small], [SmallMax, SmallMax], 1);
        var store = new RecordStore(flash, sameSizes, null, null);
        WriteValue(store, Big, [1, 1]);
        WriteValue(store, Small, [2, 2]);

        var reordered = new RecordStore(flash, new RecordLayout(0, [Small, Big], [SmallMax, SmallMax], 1), null, null);

        var buffer = new byte[SmallMax];
        Assert.Equal(-1, reordered.Read(Big, buffer, 0, buffer.Length));
        Assert.Equal(-1, reordered.Read(Small, buffer, 0, buffer.Length));
        Assert.Equal(2, reordered.CorruptSlotsAtBoot);
    }

    [Fact]
    public void A_write_that_does_not_read_back_fails_and_keeps_the_previous_value()
    {
        var flash = new TestFlash(256);
        var events = new RecordingEventSink();
        var store = Open(flash, events);
        WriteValue(store, Big, Value(1));
        flash.Stick(Layout.SlotAddress(0, 1) + RecordLayout.HeaderLength);

        byte[] next = Value(2);
        Assert.False(store.Write(Big, next, 0, next.Length));

        Assert.Equal(1, store.WriteFailures);
        Assert.Equal(Value(1), ReadValue(store, Big));
        Assert.Equal(Value(1), ReadValue(Open(flash), Big));
        Assert.Equal(1, events.Count(RecordStore.WriteFailedEvent));
    }

    [Fact]
    public void Misuse_is_refused()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        var buffer = new byte[BigMax + 1];

        Assert.Throws<ArgumentException>(() => store.Write(Big, buffer, 0, BigMax + 1));
        Assert.Throws<ArgumentException>(() => store.Write(Small, buffer, 0, SmallMax + 1));
        Assert.Throws<ArgumentException>(() => store.Write(99, buffer, 0, 1));
        Assert.Throws<ArgumentException>(() => store.Read(Big, buffer, 0, BigMax - 1));
        Assert.Throws<ArgumentException>(() => store.Read(99, buffer, 0, buffer.Length));
        Assert.Throws<ArgumentException>(() => new RecordStore(new TestFlash(Layout.EndAddress - 1), Layout, null, null));
    }

    [Fact]
    public void The_layout_places_slots_in_table_order_on_the_alignment()
    {
        var layout = new RecordLayout(16, [7, 3], [40, 8], 64);

        Assert.Equal([64, 128, 192, 256], new[] { layout.SlotAddress(0, 0), layout.SlotAddress(0, 1), layout.SlotAddress(1, 0), layout.SlotAddress(1, 1) });
        Assert.Equal(256 + RecordLayout.SlotLengthFor(8), layout.EndAddress);
        Assert.Equal(RecordLayout.SlotLengthFor(40), layout.LargestSlotLength);
        Assert.Equal(1, layout.IndexOf(3));
        Assert.Equal(-1, layout.IndexOf(4));

        var packed = new RecordLayout(0, [7, 3], [40, 8], 1);
        Assert.Equal([0, 52, 104, 124], new[] { packed.SlotAddress(0, 0), packed.SlotAddress(0, 1), packed.SlotAddress(1, 0), packed.SlotAddress(1, 1) });
        Assert.Equal(144, packed.EndAddress);
        Assert.Throws<ArgumentException>(() => new RecordLayout(0, [7, 7], [4, 4], 1));
        Assert.Throws<ArgumentException>(() => new RecordLayout(0, [7], [4, 4], 1));
    }

    [Fact]
    public void Random_histories_with_a_cut_in_a_random_write_keep_every_record_old_or_new()
    {
        var step = Gen.Select(Gen.Int[0, 1], Gen.Byte.Array[0, BigMax]);
        var gen = Gen.Select(step.Array[1, 12], Gen.Int[0, 60], Gen.Int[0, 2], Gen.Byte);
        Prop.ForAll(gen, input =>
        {
            var (steps, cut, fateIndex, garbage) = input;
            var flash = new TestFlash(256);
            var store = Open(flash);
            var committed = new Dictionary<ushort, byte[]>();
            for (int i = 0; i < steps.Length; i++)
            {
                ushort record = steps[i].Item1 == 0 ? Big : Small;
                byte[] value = steps[i].Item2.Take(record == Big ? BigMax : SmallMax).ToArray();
                if (i < steps.Length - 1)
                {
                    WriteValue(store, record, value);
                    committed[record] = value;
                    continue;
                }
                flash.CutPowerAfter(cut, fateIndex switch { 0 => null, 1 => (_, _) => garbage, _ => (o, n) => (byte)(o & n) });
                try { store.Write(record, value, 0, value.Length); } catch (PowerLostException) { }
                flash.PowerOn();
                var rebooted = Open(flash);
                foreach (ushort r in new[] { Big, Small })
                {
                    byte[]? read = ReadValue(rebooted, r);
                    committed.TryGetValue(r, out var old);
                    bool ok = Same(old, read) || (r == record && Same(value, read));
                    Assert.True(ok, $"record {r}: read {(read == null ? "nothing" : Hex.Of(read))}");
                }
            }
        }, seed: 20240611, iterations: 2000);
    }

    [Fact]
    public void Write_and_read_allocate_nothing_in_steady_state()
    {
        var flash = new TestFlash(256);
        var store = Open(flash);
        byte[] a = Value(1), b = Value(2);
        var buffer = new byte[BigMax];
        for (int i = 0; i < 10; i++)
        {
            store.Write(Big, a, 0, a.Length);
            store.Read(Big, buffer, 0, buffer.Length);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            byte[] value = (i & 1) == 0 ? a : b;
            store.Write(Big, value, 0, value.Length);
            store.Read(Big, buffer, 0, buffer.Length);
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.Equal(b, ReadValue(store, Big));
    }

    /// <summary>Writes a valid slot image directly, e.g. with a generation no short test would reach.</summary>
    private static void Plant(TestFlash flash, int address, ushort record, uint generation, byte[] payload)
    {
        var image = new byte[RecordLayout.SlotLengthFor(payload.Length)];
        BigEndian.WriteUInt16(image, 0, RecordStore.Magic);
        BigEndian.WriteUInt16(image, 2, record);
        BigEndian.WriteUInt32(image, 4, generation);
        BigEndian.WriteUInt16(image, 8, payload.Length);
        payload.CopyTo(image, RecordLayout.HeaderLength);
        BigEndian.WriteUInt16(image, RecordLayout.HeaderLength + payload.Length, Crc16Ccitt.Compute(image, 0, RecordLayout.HeaderLength + payload.Length));
        image.CopyTo(flash.Bytes, address);
    }
}
