using System.Device.Spi;
using FlightSpiDevice = Payload.Flight.Hardware.ISpiDevice;

namespace Payload.Boards.Simulated.Chips.Mcp3208;

/// <summary>
/// A desktop .NET IoT <see cref="SpiDevice"/> wired to a chip model at its byte level (our <see cref="FlightSpiDevice"/>),
/// so that third-party bindings such as Iot.Device.Adc.Mcp3208 can drive the simulated chips as they would real ones.
/// </summary>
/// <remarks>
/// Every call is one chip-select-low period, as on Linux spidev: <see cref="TransferFullDuplex"/> exchanges the buffers,
/// <see cref="Write(ReadOnlySpan{byte})"/> discards what came back, <see cref="Read(Span{byte})"/> holds MOSI low.
/// The model sees bytes in wire order: with <see cref="DataFlow.LsbFirst"/> each byte is bit-reversed on its way to the
/// model and back. Only 8-bit words are supported.
/// </remarks>
public sealed class SimulatedSpiDevice : SpiDevice
{
    private readonly FlightSpiDevice _chip;
    private readonly SpiConnectionSettings _settings;
    private byte[] _sent = new byte[16];
    private byte[] _received = new byte[16];
    private bool _disposed;

    /// <summary>Connects to <paramref name="chip"/>; default settings are bus 0, chip select 0, mode 0, 1 MHz, 8 bits, MSB first.</summary>
    /// <exception cref="NotSupportedException">A word length other than 8 bits.</exception>
    public SimulatedSpiDevice(FlightSpiDevice chip, SpiConnectionSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(chip);
        _chip = chip;
        _settings = settings ?? new SpiConnectionSettings(0, 0) { Mode = SpiMode.Mode0, ClockFrequency = 1_000_000, DataBitLength = 8 };
        if (_settings.DataBitLength != 8) throw new NotSupportedException("the simulated bus carries 8-bit words only");
    }

    /// <summary>Chip-select periods so far.</summary>
    public int Transfers { get; private set; }

    /// <summary>True once disposed (a binding disposes the device it was given).</summary>
    public bool IsDisposed => _disposed;

    /// <inheritdoc />
    public override SpiConnectionSettings ConnectionSettings => _settings;

    /// <inheritdoc />
    public override void TransferFullDuplex(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        if (writeBuffer.Length != readBuffer.Length)
            throw new ArgumentException("the write and read buffers must have the same length", nameof(readBuffer));
        Exchange(writeBuffer, readBuffer);
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => Exchange(buffer, Span<byte>.Empty);

    /// <inheritdoc />
    public override void WriteByte(byte value) => Exchange(stackalloc byte[] { value }, Span<byte>.Empty);

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        Span<byte> zeros = buffer.Length <= 256 ? stackalloc byte[buffer.Length] : new byte[buffer.Length];
        zeros.Clear();
        Exchange(zeros, buffer);
    }

    /// <inheritdoc />
    public override byte ReadByte()
    {
        Span<byte> received = stackalloc byte[1];
        Read(received);
        return received[0];
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        base.Dispose(disposing);
    }

    private void Exchange(ReadOnlySpan<byte> sent, Span<byte> received)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int count = sent.Length;
        if (_sent.Length < count)
        {
            _sent = new byte[count];
            _received = new byte[count];
        }
        bool reverse = _settings.DataFlow == DataFlow.LsbFirst;
        for (int i = 0; i < count; i++) _sent[i] = reverse ? Reverse(sent[i]) : sent[i];
        Transfers++;
        _chip.TransferFullDuplex(_sent, 0, _received, 0, count);
        for (int i = 0; i < received.Length; i++) received[i] = reverse ? Reverse(_received[i]) : _received[i];
    }

    private static byte Reverse(byte value)
    {
        int result = 0;
        for (int bit = 0; bit < 8; bit++) result |= (value >> bit & 1) << (7 - bit);
        return (byte)result;
    }
}
