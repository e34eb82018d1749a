using CompassionBot.Dialogs.Schema;

namespace CompassionBot.DirectLine;

/// <summary>Body of <c>tokens/generate</c> and <c>conversations</c> (Direct Line TokenParameters).</summary>
internal sealed record TokenParameters(ChannelAccount? User, string? Locale);
