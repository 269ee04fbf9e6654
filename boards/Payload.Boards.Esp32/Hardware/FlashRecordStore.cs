using System;
using System.IO;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>
    /// The flight software's non-volatile store on the ESP32: fixed-size page files on the internal LittleFS volume
    /// ("I:"), each write committed to flash before it returns.
    /// </summary>
    /// <remarks>
    /// Mechanism. nanoFramework on the ESP32 has no managed raw-flash API; its internal storage is a LittleFS volume on
    /// the "config" partition (nf-interpreter targets/ESP32/ESP32/target_FileSystem.cpp: one volume "I:";
    /// partitions_nanoclr_4mb.csv: 256 KB, shared with nanoFramework's own configuration), reached through
    /// System.IO.FileSystem 1.1.93 (<c>FileStream(path, FileMode, FileAccess, FileShare)</c>, <c>Seek</c>,
    /// <c>Read</c>, <c>Write</c>, <c>Dispose</c>; <c>File.Exists</c>). The native driver
    /// (targets/ESP32/_littlefs/littlefs_FS_Driver.cpp) maps them onto stdio over esp_littlefs; <c>Flush</c> is only
    /// fflush, and esp_littlefs commits a file (lfs_file_sync) on fsync or close — unless
    /// CONFIG_LITTLEFS_FLUSH_FILE_EVERY_WRITE, which nanoFramework's sdkconfig.default leaves at its default, off. So
    /// every operation here opens its page file and closes it again: the close is the commit.
    ///
    /// Pages. The address space is cut into page files of <c>pageBytes</c> (FlightConfiguration.RecordSlotAlignment,
    /// 4 KB, so a record slot never straddles two files) because LittleFS rewrites a file from the modified block to
    /// its end: one small file per page keeps a write to one block plus metadata.
    ///
    /// Power cuts: what this gives. LittleFS commits copy-on-write and atomically: after a cut a page file holds either
    /// its content before the interrupted write or all of it. A write spanning pages is committed page by page in
    /// ascending order, so a cut leaves a prefix of the pages written. Both are special cases of the
    /// <see cref="INonVolatileStore"/> contract (a cut after any byte, bytes landing in ascending order), so the
    /// RecordStore's invalidate / write / commit sequence keeps its guarantee. When <see cref="Write"/> returns, the
    /// bytes are on flash.
    /// What it does not give. (1) Nothing survives a reformat of the partition: nanoFramework mounts it with
    /// format_if_mount_failed = true (targetHAL_ConfigStorageLittlefs.c), and erasing the flash (nanoff --masserase) or
    /// flashing a firmware with another partition table wipes it; the pages are then recreated blank (0xFF) and every
    /// record reads as absent. (2) No bound on time: each commit erases and programs at least one 4 KB block, tens of
    /// milliseconds during which the native call holds the whole CLR (the minor-frame loop slips). (3) No wear limit:
    /// LittleFS levels wear dynamically; a record write costs about three block writes.
    /// Failures: an I/O exception is counted in <see cref="Faults"/>, a failed read returns 0xFF (erased flash, so the
    /// RecordStore sees no record) and a failed write leaves the page as it was; the RecordStore's read-back then
    /// reports the write as failed in its own telemetry.
    ///
    /// Allocation: every Read and Write allocates (FileStream, its native handle and path strings), so this store may
    /// only be used where allocation is acceptable: at boot and on the rare record writes (a parameter save command,
    /// the time save every TimePersistIntervalSeconds). It is the one allocating path of the board support.
    /// </remarks>
    public sealed class FlashRecordStore : INonVolatileStore
    {
        private const byte Erased = 0xFF;

        private readonly string[] _paths;
        private readonly int _pageBytes;

        /// <summary>
        /// Opens (creating blank where missing or short) <paramref name="pageCount"/> page files of
        /// <paramref name="pageBytes"/> named <paramref name="pathPrefix"/>0.bin, 1.bin, ….
        /// </summary>
        public FlashRecordStore(string pathPrefix, int pageBytes, int pageCount)
        {
            if (pageBytes < 1) throw new ArgumentOutOfRangeException(nameof(pageBytes));
            if (pageCount < 1) throw new ArgumentOutOfRangeException(nameof(pageCount));
            _pageBytes = pageBytes;
            _paths = new string[pageCount];
            for (int page = 0; page < pageCount; page++)
            {
                _paths[page] = pathPrefix + page.ToString() + ".bin";
                EnsurePage(_paths[page]);
            }
        }

        /// <summary>Size of the store in bytes.</summary>
        public int Capacity { get { return _pageBytes * _paths.Length; } }

        /// <summary>Pages recreated blank at boot (missing, or cut short while first being created).</summary>
        public int PagesCreated { get; private set; }

        /// <summary>I/O exceptions since boot.</summary>
        public int Faults { get; private set; }

        /// <summary>Reads <paramref name="count"/> bytes at <paramref name="address"/>; what cannot be read comes back as 0xFF.</summary>
        public void Read(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            while (count > 0)
            {
                int page = address / _pageBytes;
                int within = address - page * _pageBytes;
                int n = _pageBytes - within;
                if (n > count) n = count;
                ReadPage(page, within, buffer, offset, n);
                address += n;
                offset += n;
                count -= n;
            }
        }

        /// <summary>Writes <paramref name="count"/> bytes at <paramref name="address"/>, page by page in ascending order, each page committed before the next.</summary>
        public void Write(int address, byte[] buffer, int offset, int count)
        {
            CheckRange(address, count);
            while (count > 0)
            {
                int page = address / _pageBytes;
                int within = address - page * _pageBytes;
                int n = _pageBytes - within;
                if (n > count) n = count;
                WritePage(page, within, buffer, offset, n);
                address += n;
                offset += n;
                count -= n;
            }
        }

        private void ReadPage(int page, int within, byte[] buffer, int offset, int count)
        {
            int done = 0;
            FileStream file = null;
            try
            {
                file = new FileStream(_paths[page], FileMode.Open, FileAccess.Read, FileShare.None);
                file.Seek(within, SeekOrigin.Begin);
                while (done < count)
                {
                    int got = file.Read(buffer, offset + done, count - done);
                    if (got <= 0) break;
                    done += got;
                }
            }
            catch (Exception)
            {
                // Half a read is worse than none: the whole range reads as erased.
                Faults++;
                done = 0;
            }
            finally
            {
                Close(file);
            }

            for (int i = done; i < count; i++)
            {
                buffer[offset + i] = Erased;
            }
        }

        private void WritePage(int page, int within, byte[] buffer, int offset, int count)
        {
            FileStream file = null;
            try
            {
                file = new FileStream(_paths[page], FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                file.Seek(within, SeekOrigin.Begin);
                file.Write(buffer, offset, count);
            }
            catch (Exception)
            {
                Faults++;
            }
            finally
            {
                // The close is the LittleFS commit (lfs_file_sync): only after it are the bytes on flash.
                Close(file);
            }
        }

        private void Close(FileStream file)
        {
            if (file == null) return;
            try
            {
                file.Dispose();
            }
            catch (Exception)
            {
                // A failed commit leaves the page as it was before this write.
                Faults++;
            }
        }

        private void EnsurePage(string path)
        {
            if (File.Exists(path))
            {
                long length;
                using (var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None))
                {
                    length = existing.Length;
                }

                // Longer is kept (nothing is ever truncated); shorter was cut while being created, so it holds no record.
                if (length >= _pageBytes) return;
            }

            var blank = new byte[_pageBytes];
            for (int i = 0; i < blank.Length; i++)
            {
                blank[i] = Erased;
            }

            using (var created = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
            {
                created.Write(blank, 0, blank.Length);
            }

            PagesCreated++;
        }

        private void CheckRange(int address, int count)
        {
            if (address < 0 || count < 0 || address > Capacity - count) throw new ArgumentOutOfRangeException(nameof(address));
        }
    }
}
