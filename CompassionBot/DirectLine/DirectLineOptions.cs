using System.ComponentModel.DataAnnotations;

namespace CompassionBot.DirectLine;

/// <summary>Settings of the self-hosted Direct Line 3.0 channel (section <c>DirectLine</c>).</summary>
public sealed class DirectLineOptions
{
    public const string SectionName = "DirectLine";

    /// <summary>
    /// Direct Line secrets (master keys) a clinic's backend exchanges for tokens; at least 32 characters each.
    /// They never reach a browser. Empty: only the local demo token endpoint can issue tokens.
    /// </summary>
    public IList<string> Secrets { get; } = [];

    /// <summary>Origins (<c>https://clinic.example</c>) allowed to call the Direct Line endpoints from a browser.</summary>
    public IList<string> AllowedOrigins { get; } = [];

    /// <summary>
    /// Base64 HMAC-SHA256 key (at least 32 bytes) that signs tokens. Set it when several instances share the load;
    /// when empty a key is generated at first start and kept in <see cref="SigningKeyPath"/>.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>Where the generated signing key is kept when <see cref="TokenSigningKey"/> is empty.</summary>
    [Required]
    public string SigningKeyPath { get; set; } = "data/directline-signing.key";

    /// <summary>Token lifetime; default 30 minutes (Direct Line's <c>expires_in</c> of 1800 s).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest accepted activity, in bytes of JSON; default 256 KiB. Larger posts get 413.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>Requests one token (or secret) may make per <see cref="RateLimitWindow"/>, counted once it is found valid; default 240.</summary>
    [Range(1, 100_000)]
    public int RateLimitPermits { get; set; } = 240;

    /// <summary>
    /// Requests one client address may make per <see cref="RateLimitWindow"/>, whatever it presents, counted before
    /// authentication; default 2400 (a clinic's office behind one address may hold many chats).
    /// </summary>
    [Range(1, 1_000_000)]
    public int ClientRateLimitPermits { get; set; } = 2400;

    /// <summary>The rate-limit window; default one minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often an idle stream gets an empty keep-alive frame; default 15 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The bot's account id on this channel.</summary>
    [Required]
    public string BotId { get; set; } = "compassionbot";

    /// <summary>The bot's display name on this channel.</summary>
    [Required]
    public string BotName { get; set; } = "CompassionBot";

    /// <summary>
    /// Whether <c>POST /api/webchat/token</c> (the demo page's token source) is on. Null (default): on in
    /// Development or when no Microsoft App Id is configured (local mode); false in production otherwise.
    /// </summary>
    public bool? EnableDemoTokenEndpoint { get; set; }

    /// <summary>Demo token requests one client address may make per <see cref="RateLimitWindow"/>; default 10.</summary>
    [Range(1, 10_000)]
    public int DemoTokenPermits { get; set; } = 10;
}
