namespace Payload.Flight.Hardware
{
    /// <summary>A digital output line (watchdog WDI, digitizer RESET, RF power enable).</summary>
    public interface IOutputPin
    {
        /// <summary>Drives the line high (true) or low (false).</summary>
        void Write(bool high);
    }
}
