namespace CompassionBot.DirectLine;

/// <summary>Outcome of reading a bearer token.</summary>
internal enum DirectLineTokenStatus
{
    Valid,
    Expired,
    Invalid,
}
