namespace TraceChain.Protocol.Scanning;

/// <summary>The subset of Zebra SSI (Simple Serial Interface) opcodes TraceChain speaks.</summary>
#pragma warning disable CA1028 // The wire format is one byte.
public enum SsiOpcode : byte
#pragma warning restore CA1028
{
    /// <summary>PARAM_SEND: set scanner parameters.</summary>
    ParamSend = 0xC6,

    /// <summary>CMD_ACK: positive acknowledgement.</summary>
    Ack = 0xD0,

    /// <summary>CMD_NAK: negative acknowledgement; data is one cause byte (<see cref="SsiNakCause"/>).</summary>
    Nak = 0xD1,

    /// <summary>START_SESSION: start a decode session (soft trigger pull).</summary>
    StartSession = 0xE4,

    /// <summary>STOP_SESSION: end the decode session (soft trigger release).</summary>
    StopSession = 0xE5,

    /// <summary>BEEP: sound the beeper; data is one beep-pattern byte.</summary>
    Beep = 0xE6,

    /// <summary>LED_ON: light the LED; data is one LED-selection byte.</summary>
    LedOn = 0xE7,

    /// <summary>LED_OFF: put the LED out; data is one LED-selection byte.</summary>
    LedOff = 0xE8,

    /// <summary>DECODE_DATA: a scan; data is the barcode type byte then the decoded bytes.</summary>
    DecodeData = 0xF3,
}
