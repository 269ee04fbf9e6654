namespace Payload.Flight.Devices.Digitizer
{
    /// <summary>The outcome of a digitizer driver operation (self-test, configuration, register access, snapshot arm).</summary>
    public enum DigitizerResult : byte
    {
        /// <summary>Done and verified.</summary>
        Ok = 0,

        /// <summary>MISO was held high or low: chip absent, held in reset or locked up.</summary>
        NoResponse = 1,

        /// <summary>The response failed its CRC, on the retry too.</summary>
        CrcError = 2,

        /// <summary>The response echoed another command or address, or a count out of range, on the retry too.</summary>
        FrameError = 3,

        /// <summary>The ID register holds another part or major version.</summary>
        WrongId = 4,

        /// <summary>A pattern written to SCRATCH read back different: a stuck or crossed data line.</summary>
        ScratchMismatch = 5,

        /// <summary>A configuration register read back a value other than the one written, after a second write.</summary>
        VerifyFailed = 6,

        /// <summary>The chip rejected the command (STATUS.CommandError in the next frame).</summary>
        Rejected = 7,
    }
}
