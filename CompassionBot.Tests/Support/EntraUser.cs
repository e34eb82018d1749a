namespace CompassionBot.Tests.Support;

/// <summary>A user of the fake tenant.</summary>
/// <param name="PreferredUsername">Their sign-in name, or null for a token without one.</param>
/// <param name="Name">Their display name, or null.</param>
/// <param name="Roles">App roles assigned to them (e.g. <c>ClinicAdmin</c>).</param>
public sealed record EntraUser(string? PreferredUsername, string? Name, IReadOnlyList<string> Roles)
{
    /// <summary>Their object id.</summary>
    public string ObjectId { get; } = Guid.NewGuid().ToString();
}
