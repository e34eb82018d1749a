namespace CompassionBot.BotFramework;

/// <summary>Whether a proactive message reached the channel.</summary>
/// <param name="Delivered">True when the Connector accepted it.</param>
/// <param name="ActivityId">The channel's id for the sent activity (may be null: Teams answers 202 with no body).</param>
/// <param name="StatusCode">The Connector's HTTP status when it refused; null when it was not reached.</param>
/// <param name="At">When the attempt finished.</param>
public sealed record ProactiveDelivery(bool Delivered, string? ActivityId, int? StatusCode, DateTimeOffset At);
