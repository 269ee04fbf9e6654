using Payload.Flight.Devices.Digitizer;
using Payload.Flight.Protocol;

namespace Payload.Flight.Instrument.Acquisition
{
    /// <summary>ACQ_SNAPSHOT: arms the digitizer's envelope capture of one coming pulse, reads it when ready, and queues it for ST[13].</summary>
    /// <remarks>
    /// Armed, <see cref="Continue"/> reads SNAPSHOT_STATUS once per frame (one 9-octet register frame); when the capture is
    /// ready it reads the 512 samples and the pulse's TOA straight into the delivery's snapshot buffer and queues the
    /// message; the command completes when the downlink has started it. One snapshot at a time.
    /// </remarks>
    public sealed class SnapshotCapture
    {
        /// <summary>Outcome of <see cref="Continue"/>: keep running.</summary>
        public const int Running = 0;

        /// <summary>Outcome of <see cref="Continue"/>: captured and started on the downlink.</summary>
        public const int Completed = 1;

        /// <summary>Outcome of <see cref="Continue"/>: failed; <see cref="FailureData"/> says why.</summary>
        public const int Failed = 2;

        /// <summary>Failure data: the digitizer stopped being operational while armed.</summary>
        public const int DigitizerLost = 1;

        /// <summary>Failure data: the capture could not be read (twice damaged, or empty).</summary>
        public const int ReadFailed = 2;

        /// <summary>Failure data: the downlink refused the message, or an ACQ_RESET dropped it.</summary>
        public const int NotDelivered = 3;

        private const int Idle = 0;
        private const int Armed = 1;
        private const int Queued = 2;
        private const int StateMask = 0x3;

        private readonly DigitizerDriver _driver;
        private readonly ProductDelivery _delivery;
        private int _phase;
        private int _pulseIndex;
        private long _captures;
        private int _lastCaptureNumber;

        /// <summary>Creates an idle capture reading through <paramref name="driver"/> into <paramref name="delivery"/>'s snapshot buffer.</summary>
        public SnapshotCapture(DigitizerDriver driver, ProductDelivery delivery)
        {
            _driver = driver;
            _delivery = delivery;
        }

        /// <summary>True from a successful <see cref="Arm"/> until the command ends.</summary>
        public bool IsBusy { get { return _phase != Idle; } }

        /// <summary>Snapshots queued for the downlink since boot.</summary>
        public long Captures { get { return _captures; } }

        /// <summary>The chip's capture number of the last snapshot read.</summary>
        public int LastCaptureNumber { get { return _lastCaptureNumber; } }

        /// <summary>Why the last <see cref="Continue"/> failed (<see cref="DigitizerLost"/>, <see cref="ReadFailed"/>, <see cref="NotDelivered"/>).</summary>
        public long FailureData { get; private set; }

        /// <summary>Arms the capture of the pulse after skipping <paramref name="pulseIndex"/> pulses (0..65535).</summary>
        public DigitizerResult Arm(int pulseIndex)
        {
            DigitizerResult result = _driver.ArmSnapshot(pulseIndex);
            if (result == DigitizerResult.Ok)
            {
                _phase = Armed;
                _pulseIndex = pulseIndex;
            }

            return result;
        }

        /// <summary>One frame of the command: <see cref="Running"/>, <see cref="Completed"/> or <see cref="Failed"/>.</summary>
        public int Continue(int passNumber, bool operational)
        {
            if (_phase == Armed)
            {
                if (!operational)
                {
                    return Fail(DigitizerLost);
                }

                long status;
                if (_driver.ReadRegister(DigitizerRegister.SnapshotStatus, out status) != DigitizerResult.Ok
                    || (status & StateMask) != (int)SnapshotState.Ready)
                {
                    return Running;
                }

                return Read(passNumber);
            }

            if (_phase == Queued)
            {
                if (_delivery.SnapshotPending)
                {
                    return Running;
                }

                _phase = Idle;
                return _delivery.SnapshotAccepted ? Completed : Fail(NotDelivered);
            }

            return Fail(NotDelivered);
        }

        /// <summary>Abandons the capture (command timeout, ACQ_RESET); a message not yet started is dropped.</summary>
        public void Cancel()
        {
            if (_phase == Queued)
            {
                _delivery.CancelSnapshot();
            }

            _phase = Idle;
        }

        private int Read(int passNumber)
        {
            byte[] message = _delivery.SnapshotBuffer;
            int samples;
            int trigger;
            int capture;
            long toa;
            if (!_driver.TryReadSnapshot(message, AcquisitionMessage.SnapshotHeaderLength, out samples, out trigger, out capture)
                || !_driver.TryReadSnapshotToa(out toa))
            {
                return Fail(ReadFailed);
            }

            AcquisitionMessage.WriteHeader(message, 0, AcquisitionMessage.SnapshotKind, passNumber);
            BigEndian.WriteUInt48(message, 4, toa);
            BigEndian.WriteUInt16(message, 10, capture);
            BigEndian.WriteUInt16(message, 12, trigger);
            BigEndian.WriteUInt16(message, 14, samples);
            BigEndian.WriteUInt16(message, 16, _pulseIndex);
            _delivery.QueueSnapshot(AcquisitionMessage.SnapshotHeaderLength + samples * DigitizerChip.SampleSize, capture, toa);
            _lastCaptureNumber = capture;
            _captures++;
            _phase = Queued;
            return Running;
        }

        private int Fail(long data)
        {
            _phase = Idle;
            FailureData = data;
            return Failed;
        }
    }
}
