namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>A prompt's persisted state.</summary>
/// <param name="Options">What it asks.</param>
/// <param name="AttemptCount">Answers received so far.</param>
public sealed record PromptState(PromptOptions Options, int AttemptCount);
