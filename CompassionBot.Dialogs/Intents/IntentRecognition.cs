using CompassionBot.Dialogs.Engine.Prompts;

namespace CompassionBot.Dialogs.Intents;

/// <summary>What <see cref="IntentRecognizer"/> made of one message.</summary>
/// <param name="Intent">The intent; <see cref="Intent.None"/> when it abstained.</param>
/// <param name="Source">The layer that decided.</param>
/// <param name="Confidence">1 for the precise layers; for <see cref="IntentSource.Examples"/>, the intent head's probability of
/// its likeliest intent (0–1), also when it abstained; 0 when nothing decided.</param>
/// <param name="Choice">The offered option picked, with <see cref="Intent.Choose"/> only.</param>
public sealed record IntentRecognition(Intent Intent, IntentSource Source, float Confidence, FoundChoice? Choice = null)
{
    /// <summary>No intent, nothing decided.</summary>
    public static IntentRecognition Nothing { get; } = new(Intent.None, IntentSource.Nothing, 0f);

    /// <summary>A precise layer's intent.</summary>
    public static IntentRecognition Precise(Intent intent, IntentSource source) => new(intent, source, 1f);
}
