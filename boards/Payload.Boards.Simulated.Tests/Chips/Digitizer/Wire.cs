using Payload.Boards.Simulated.Chips.Digitizer;
using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Protocol;

namespace Payload.Boards.Simulated.Tests.Chips.Digitizer;

/// <summary>Raw frames to the chip model, built with the flight code's encoders, for byte-level tests.</summary>
internal static class Wire
{
    public static byte[] Transfer(DigitizerModel chip, byte[] mosi)
    {
        var miso = new byte[mosi.Length];
        chip.TransferFullDuplex(mosi, 0, miso, 0, mosi.Length);
        return miso;
    }

    public static byte[] Read(DigitizerModel chip, DigitizerRegister register)
    {
        var mosi = new byte[DigitizerFrame.ReadLength];
        DigitizerFrame.EncodeRead(mosi, 0, register);
        return Transfer(chip, mosi);
    }

    public static long ReadValue(DigitizerModel chip, DigitizerRegister register)
    {
        byte[] miso = Read(chip, register);
        Assert.Equal(DigitizerFrameCheck.Valid, DigitizerFrame.CheckRead(miso, 0, register));
        return DigitizerFrame.ReadValue(miso, 0);
    }

    public static byte[] Write(DigitizerModel chip, DigitizerRegister register, long value)
    {
        var mosi = new byte[DigitizerFrame.WriteLength];
        DigitizerFrame.EncodeWrite(mosi, 0, register, value);
        return Transfer(chip, mosi);
    }

    public static byte[] Burst(DigitizerModel chip, DigitizerRegister window, int max, int itemSize = PulseRecord.Size, int? length = null)
    {
        var mosi = new byte[length ?? DigitizerFrame.BurstLength(max, itemSize)];
        DigitizerFrame.EncodeBurst(mosi, 0, window, max, Math.Min(mosi.Length, DigitizerFrame.BurstLength(max, itemSize)));
        return Transfer(chip, mosi);
    }

    /// <summary>Configures capture as the driver would, without the driver.</summary>
    public static void Enable(DigitizerModel chip, int threshold, int watermark, long maxLatency, int minWidth)
    {
        Write(chip, DigitizerRegister.Threshold, threshold);
        Write(chip, DigitizerRegister.Watermark, watermark);
        Write(chip, DigitizerRegister.MaxLatency, maxLatency);
        Write(chip, DigitizerRegister.MinWidth, minWidth);
        Write(chip, DigitizerRegister.Status, (long)DigitizerStatusBits.Sticky);
        Write(chip, DigitizerRegister.Control, (long)(DigitizerControlBits.Enable | DigitizerControlBits.DrdyEnable));
    }

    public static string Hex(byte[] data, int offset, int count) =>
        string.Join(' ', data.Skip(offset).Take(count).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    public static string Hex(byte[] data) => Hex(data, 0, data.Length);

    public static ushort Crc(byte[] data, int count) => Crc16Ccitt.Compute(data, 0, count);
}
