using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Practices;

/// <summary>Keeping a step's answer (a phrase, a letter) for the person: only when they say yes to it.</summary>
public sealed partial class PracticeStepsDialog
{
    // Keeps the answer on a yes (replacing one kept before), says what was done either way, and moves on.
    private async Task<DialogTurnResult> KeepIfWantedAsync(DialogContext dc, PracticeStepsState state, object? answer, CancellationToken cancellationToken)
    {
        var kind = StepOf(dc.Context, state).Keep!.Value;
        var keep = answer is PromptResult<bool> { Succeeded: true, Value: true };
        if (keep)
        {
            var profile = BotStateAccessors.Profile.Get(dc.Context, () => new UserProfile());
            BotStateAccessors.Profile.Set(dc.Context, profile.WithKept(kind, state.Keeping!));
        }

        await dc.Context.SayAsync(_messages, KeepKey(kind, keep ? "kept" : "notkept"), cancellationToken).ConfigureAwait(false);
        return await NextStepAsync(dc, state, cancellationToken).ConfigureAwait(false);
    }

    private PromptOptions KeepQuestion(ITurnContext context, KeepKind kind)
    {
        var locale = context.Locale;
        return new PromptOptions
        {
            Prompt = Activity.CreateMessage(_messages.Get(KeepKey(kind, "ask"), locale), InputHints.ExpectingInput) with { Locale = locale },
            RetryPrompt = Retry("keep.retry", locale),
            Choices = [new Choice(_messages.Get("keep.yes", locale)), new Choice(_messages.Get("keep.no", locale))],
            MaxAttempts = MaxAttemptsPerStep,
        };
    }

    /// <summary>The text key <c>keep.{kind}.{what}</c>, e.g. <c>keep.phrase.ask</c>.</summary>
    internal static string KeepKey(KeepKind kind, string what) => $"keep.{KeepKindName(kind)}.{what}";

    /// <summary>The kind as written in content (<c>phrase</c>, <c>letter</c>).</summary>
    internal static string KeepKindName(KeepKind kind) => kind.ToString().ToLowerInvariant();
}
