namespace CompassionBot.Clinicians.Console;

/// <summary>Whether a console sign-in may be tried now (<see cref="ConsoleSignInLimiter.TryAttempt"/>), and if not,
/// which limit holds it back, so the page says truly how long to wait.</summary>
internal enum ConsoleSignInAttempt
{
    /// <summary>The key may be checked.</summary>
    Allowed,

    /// <summary>Too many tries from this address this minute: a minute's wait does.</summary>
    TooManyJustNow,

    /// <summary>Too many wrong keys from this address this hour: the wait can last up to an hour.</summary>
    TooManyWrongKeys,
}
