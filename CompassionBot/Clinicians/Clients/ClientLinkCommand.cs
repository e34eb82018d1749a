using System.Text.RegularExpressions;

namespace CompassionBot.Clinicians.Clients;

/// <summary>
/// <c>link CODE</c> / <c>vincular CODE</c> (<see cref="CodeHash"/> set, or null when what follows cannot be a code) and
/// <c>unlink</c> / <c>desvincular</c> (<see cref="Unlink"/>), as the whole message.
/// </summary>
internal sealed partial record ClientLinkCommand(bool Unlink, string? CodeHash)
{
    /// <summary>The command in <paramref name="text"/>, or null when the message is something else.</summary>
    public static ClientLinkCommand? Recognize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (UnlinkPattern().IsMatch(text))
        {
            return new ClientLinkCommand(Unlink: true, null);
        }

        var match = LinkPattern().Match(text);
        return match.Success && LinkCode.Normalize(match.Groups["code"].Value) is var code
            ? new ClientLinkCommand(Unlink: false, code is null ? null : LinkCode.Hash(code))
            : null;
    }

    [GeneratedRegex(@"^\s*(?:link|vincular)\s+(?<code>[0-9]{5}[\s-]?[0-9]{5})\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex LinkPattern();

    [GeneratedRegex(@"^\s*(?:unlink|desvincular)\s*[.!]?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex UnlinkPattern();
}
