namespace CompassionBot.Dialogs.Schema;

/// <summary>Quick replies shown under the last bot message.</summary>
public sealed record SuggestedActions
{
    /// <summary>Recipient ids; empty means everyone.</summary>
    public IReadOnlyList<string>? To { get; init; }

    /// <summary>The actions, in display order.</summary>
    public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
