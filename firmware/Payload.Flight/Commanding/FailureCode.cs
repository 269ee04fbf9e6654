namespace Payload.Flight.Commanding
{
    /// <summary>Why a telecommand failed, carried by every ST[1] failure report (acceptance, start, progress, completion).</summary>
    public enum FailureCode : ushort
    {
        /// <summary>No failure.</summary>
        None = 0,
        /// <summary>Packet error control did not match.</summary>
        BadCrc = 1,
        /// <summary>The packet is shorter than its headers, or its length field disagrees with its size.</summary>
        BadLength = 2,
        /// <summary>The packet is addressed to another application process.</summary>
        WrongApid = 3,
        /// <summary>The PUS secondary header is not version 2, or the packet is not a TC with a secondary header.</summary>
        BadPusHeader = 4,
        /// <summary>No command of this service type exists.</summary>
        UnknownService = 5,
        /// <summary>The service exists but has no command of this subtype.</summary>
        UnknownSubtype = 6,
        /// <summary>The application data does not have the command's argument layout.</summary>
        BadArgumentLength = 7,
        /// <summary>An argument is outside its declared range.</summary>
        IllegalArgument = 8,
        /// <summary>The command is not accepted in the present mode.</summary>
        WrongMode = 9,
        /// <summary>The command queue or the executing component is full.</summary>
        Busy = 10,
        /// <summary>The command did not complete within its declared time.</summary>
        Timeout = 11,
        /// <summary>The command ran but could not do what it was asked.</summary>
        ExecutionError = 12,
        /// <summary>The command's handler failed unexpectedly; the dispatcher recovered.</summary>
        InternalError = 13,
        /// <summary>A referenced object (parameter, structure, schedule entry, function, event) does not exist.</summary>
        UnknownIdentifier = 14,
        /// <summary>A bounded table (schedule, store) has no room left.</summary>
        CapacityExceeded = 15,
        /// <summary>The request is refused by a security check (authentication, replay).</summary>
        NotAuthorised = 16,
        /// <summary>The target of the request is disabled.</summary>
        Disabled = 17,
    }
}
