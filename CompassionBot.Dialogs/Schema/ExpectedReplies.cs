namespace CompassionBot.Dialogs.Schema;

/// <summary>Body of a <c>deliveryMode: expectReplies</c> response.</summary>
public sealed record ExpectedReplies(IReadOnlyList<Activity> Activities);
