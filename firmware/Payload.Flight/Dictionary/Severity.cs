namespace Payload.Flight.Dictionary
{
    /// <summary>Event severities; the value is the PUS ST[5] report subtype that carries the event.</summary>
    public enum Severity : byte
    {
        /// <summary>Normal progress (ST[5,1]).</summary>
        Informative = 1,
        /// <summary>Low-severity anomaly (ST[5,2]).</summary>
        Low = 2,
        /// <summary>Medium-severity anomaly (ST[5,3]).</summary>
        Medium = 3,
        /// <summary>High-severity anomaly (ST[5,4]); downlinked with the verification reports, ahead of everything else.</summary>
        High = 4,
    }
}
