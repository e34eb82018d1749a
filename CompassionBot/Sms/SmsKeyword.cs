namespace CompassionBot.Sms;

/// <summary>The carrier keywords an SMS program must honour.</summary>
public enum SmsKeyword
{
    /// <summary>Not a keyword.</summary>
    None,

    /// <summary>STOP, STOPALL, UNSUBSCRIBE, CANCEL, END, QUIT, REVOKE, OPTOUT, or a free-text request to stop texting.</summary>
    OptOut,

    /// <summary>START, UNSTOP, YES.</summary>
    OptIn,

    /// <summary>HELP, INFO (and AYUDA).</summary>
    Help,
}
