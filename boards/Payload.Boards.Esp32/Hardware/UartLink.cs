using System;
using System.IO.Ports;
using System.Threading;
using Payload.Flight.Hardware;

namespace Payload.Boards.Esp32.Hardware
{
    /// <summary>
    /// The spacecraft link on an ESP32 UART at 8N1: <see cref="Transmit"/> queues whole frames without blocking and a
    /// transmit thread drains them into the driver; received bytes go to an <see cref="ILinkReceiver"/> from DataReceived.
    /// </summary>
    /// <remarks>
    /// API (nanoFramework.System.IO.Ports 1.1.139, SerialPort.cs): <c>new SerialPort(portName, baudRate, Parity,
    /// dataBits, StopBits)</c>, <c>ReadBufferSize</c> (set before <c>Open</c>), <c>Open()</c>, <c>BytesToRead</c>,
    /// <c>Read(byte[], int, int)</c>, <c>Write(byte[], int, int)</c>, <c>event SerialDataReceivedEventHandler DataReceived</c>.
    /// What the ESP32 driver does (nf-interpreter targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp):
    /// - COM1 (UART0) cannot be opened while the wire protocol uses the UART (the standard firmware): the link is COM2.
    /// - The ESP-IDF driver is installed with a transmit buffer of 0: <c>Write</c> puts what fits in the 128-byte
    ///   hardware FIFO and waits (a "non-blocking wait" that lets other managed threads run) for a native task to push
    ///   the rest. So a 1 KB frame would hold its caller about 80 ms at 115200 baud; the flight software must never
    ///   wait, hence this class's own queue and transmit thread.
    /// - <c>Read</c> returns at once when the driver's ring holds at least <c>count</c> bytes; asking for
    ///   <c>BytesToRead</c> or fewer therefore never waits.
    /// - DataReceived is posted as a managed event when the ring reaches <c>ReceivedBytesThreshold</c> (1); events are
    ///   dispatched on the CLR's single interrupt thread (also GPIO), in bulk between time slices, so one event may find
    ///   bytes an earlier one already took: the handler reads until the ring is empty.
    /// Allocation: this class allocates nothing after construction. nanoFramework itself allocates per receive event
    /// (SerialDeviceEventListener.ProcessEvent's SerialDataEvent, SerialPort's SerialDataReceivedEventArgs); a thread
    /// blocked in <c>Read(buffer, 0, 1)</c> would avoid those, at the cost of a thread parked in the driver.
    /// </remarks>
    public sealed class UartLink : ILinkTransmitter
    {
        private const int TransmitChunkBytes = 256;

        private readonly SerialPort _port;
        private readonly ByteRing _queue;
        private readonly object _queueLock = new object();
        private readonly AutoResetEvent _queued = new AutoResetEvent(false);
        private readonly byte[] _chunk = new byte[TransmitChunkBytes];
        private readonly byte[] _received;
        private ILinkReceiver _receiver;

        /// <summary>
        /// Opens <paramref name="portName"/> at <paramref name="baudRate"/> 8N1 with a receive buffer of
        /// <paramref name="receiveBufferBytes"/> and a transmit queue of <paramref name="transmitQueueBytes"/>, and starts the transmit thread.
        /// </summary>
        /// <remarks>On the ESP32 the port's pins must be assigned (Configuration.SetPinFunction) before this runs.</remarks>
        public UartLink(string portName, int baudRate, int receiveBufferBytes, int transmitQueueBytes)
        {
            _queue = new ByteRing(transmitQueueBytes);
            _received = new byte[receiveBufferBytes];
            _port = new SerialPort(portName, baudRate, Parity.None, 8, StopBits.One);
            _port.Handshake = Handshake.None;
            _port.ReadBufferSize = receiveBufferBytes;
            _port.Open();
            new Thread(new ThreadStart(TransmitLoop)).Start();
        }

        /// <summary>Bytes refused because the queue was full (whole frames: the ground resynchronises on the next delimiter).</summary>
        public long DroppedBytes { get; private set; }

        /// <summary>Bytes handed to the UART driver.</summary>
        public long TransmittedBytes { get; private set; }

        /// <summary>Bytes received and delivered.</summary>
        public long ReceivedBytes { get; private set; }

        /// <summary>Exceptions the UART driver threw on transmit (the chunk is lost; the link carries on).</summary>
        public int TransmitFaults { get; private set; }

        /// <summary>Exceptions thrown while receiving (the bytes of that read are lost; the link carries on).</summary>
        public int ReceiveFaults { get; private set; }

        /// <summary>Starts delivering received bytes to <paramref name="receiver"/> (call once, after the flight software booted).</summary>
        /// <remarks>Bytes that arrived before wait in the driver's buffer and come with the first event.</remarks>
        public void Listen(ILinkReceiver receiver)
        {
            _receiver = receiver;
            _port.DataReceived += new SerialDataReceivedEventHandler(OnDataReceived);
        }

        /// <summary>Queues the bytes for transmission; never blocks; a frame that does not fit is dropped whole and counted.</summary>
        public void Transmit(byte[] buffer, int offset, int count)
        {
            bool queued;
            lock (_queueLock)
            {
                queued = _queue.TryPut(buffer, offset, count);
            }

            if (queued)
            {
                _queued.Set();
            }
            else
            {
                DroppedBytes += count;
            }
        }

        private void TransmitLoop()
        {
            while (true)
            {
                _queued.WaitOne();
                while (true)
                {
                    int n;
                    lock (_queueLock)
                    {
                        n = _queue.Take(_chunk, 0, _chunk.Length);
                    }

                    if (n == 0) break;
                    try
                    {
                        _port.Write(_chunk, 0, n);
                        TransmittedBytes += n;
                    }
                    catch (Exception)
                    {
                        TransmitFaults++;
                    }
                }
            }
        }

        private void OnDataReceived(object sender, SerialDataReceivedEventArgs e)
        {
            try
            {
                while (true)
                {
                    int available = _port.BytesToRead;
                    if (available <= 0) return;
                    int n = _port.Read(_received, 0, available < _received.Length ? available : _received.Length);
                    if (n <= 0) return;
                    ReceivedBytes += n;
                    _receiver.OnLinkBytes(_received, 0, n);
                }
            }
            catch (Exception)
            {
                // Thrown out of here it would reach nanoFramework's event dispatcher; the bytes of this read are lost
                // and the uplink decoder resynchronises on the next frame delimiter.
                ReceiveFaults++;
            }
        }
    }
}
