namespace CompassionBot.DirectLine;

/// <summary>Body of <c>tokens/generate</c> and <c>conversations</c> (Direct Line TokenParameters; other fields ignored).</summary>
internal sealed record TokenParameters
{
    public TokenUser? User { get; init; }

    public string? Locale { get; init; }
}
