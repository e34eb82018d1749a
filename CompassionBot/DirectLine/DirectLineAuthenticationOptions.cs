using Microsoft.AspNetCore.Authentication;

namespace CompassionBot.DirectLine;

/// <summary>Options of a Direct Line authentication scheme.</summary>
internal sealed class DirectLineAuthenticationOptions : AuthenticationSchemeOptions
{
    /// <summary>Whether a token we issued authenticates (false: only a secret does, as for generating tokens).</summary>
    public bool AcceptsTokens { get; set; } = true;
}
