namespace CompassionBot.DirectLine;

/// <summary>The <c>user</c> of <see cref="TokenParameters"/>.</summary>
internal sealed record TokenUser
{
    public string? Id { get; init; }
}
