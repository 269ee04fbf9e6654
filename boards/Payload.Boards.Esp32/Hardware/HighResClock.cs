using nanoFramework.Hardware.Esp32;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>The ESP32's microsecond timer since boot, as the flight software's monotonic clock.</summary>
    /// <remarks>
    /// nanoFramework.Hardware.Esp32 1.6.40, HighResTimer.cs: <c>public static UInt64 GetCurrent()</c>, "the number of
    /// micro seconds since boot" (esp_timer_get_time in nf-interpreter's
    /// nanoFramework_hardware_esp32_native_Hardware_Esp32_HighResTimer.cpp). A static native call: nothing is allocated.
    /// 2^63 µs is 292 000 years, so the cast to long never goes negative.
    /// </remarks>
    public sealed class HighResClock : IMonotonicClock
    {
        /// <summary>Microseconds since the ESP32 booted.</summary>
        public long NowMicroseconds
        {
            get { return (long)HighResTimer.GetCurrent(); }
        }
    }
}
