using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Dialogs.Engine.Prompts;

/// <summary>
/// Base of all prompts: sends the question, recognises the answer, re-asks with the retry prompt when it is not
/// understood, and after <see cref="PromptOptions.MaxAttempts"/> answers ends with <see cref="PromptResult{T}.NoAnswer"/>.
/// Ends with a <see cref="PromptResult{T}"/>.
/// </summary>
public abstract class Prompt<T> : Dialog
{
    /// <summary>Creates the prompt.</summary>
    protected Prompt(string id) : base(id) { }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> BeginDialogAsync(DialogContext dc, object? options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (options is not PromptOptions promptOptions)
        {
            throw new ArgumentException($"Prompt '{Id}' needs PromptOptions.", nameof(options));
        }

        if (promptOptions.MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxAttempts must be at least 1.");
        }

        var instance = dc.ActiveDialog!;
        instance.SetState(new PromptState(promptOptions, 0), EngineJsonContext.Default.PromptState);
        await SendPromptAsync(dc.Context, promptOptions, isRetry: false, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ContinueDialogAsync(DialogContext dc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        if (!dc.Context.Activity.IsMessage)
        {
            return EndOfTurn;
        }

        var instance = dc.ActiveDialog!;
        var state = instance.GetState(EngineJsonContext.Default.PromptState);
        state = state with { AttemptCount = state.AttemptCount + 1 };
        instance.SetState(state, EngineJsonContext.Default.PromptState);
        var recognized = Recognize(dc.Context.Activity, state.Options);
        if (recognized.Succeeded)
        {
            return await dc.EndDialogAsync(PromptResult<T>.Of(recognized.Value!), cancellationToken).ConfigureAwait(false);
        }

        if (state.AttemptCount >= state.Options.MaxAttempts)
        {
            return await dc.EndDialogAsync(PromptResult<T>.NoAnswer, cancellationToken).ConfigureAwait(false);
        }

        if (!dc.Context.Responded)
        {
            await SendPromptAsync(dc.Context, state.Options, isRetry: true, cancellationToken).ConfigureAwait(false);
        }

        return EndOfTurn;
    }

    /// <inheritdoc />
    public override async Task<DialogTurnResult> ResumeDialogAsync(DialogContext dc, DialogReason reason, object? result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dc);
        await RepromptDialogAsync(dc.Context, dc.ActiveDialog!, cancellationToken).ConfigureAwait(false);
        return EndOfTurn;
    }

    /// <inheritdoc />
    public override Task RepromptDialogAsync(ITurnContext turnContext, DialogInstance instance, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var state = instance.GetState(EngineJsonContext.Default.PromptState);
        return SendPromptAsync(turnContext, state.Options, isRetry: false, cancellationToken);
    }

    /// <summary>Recognises the person's answer.</summary>
    protected abstract PromptRecognition<T> Recognize(Activity activity, PromptOptions options);

    /// <summary>Shapes the question for the channel (choices as buttons or numbered text). The default sends it as is.</summary>
    protected virtual Activity Render(ITurnContext turnContext, Activity prompt, PromptOptions options) => prompt;

    private async Task SendPromptAsync(ITurnContext turnContext, PromptOptions options, bool isRetry, CancellationToken cancellationToken)
    {
        var prompt = isRetry && options.RetryPrompt is not null ? options.RetryPrompt : options.Prompt;
        if (prompt is null)
        {
            return;
        }

        var rendered = Render(turnContext, prompt, options);
        await turnContext.SendActivityAsync(rendered with { InputHint = rendered.InputHint ?? InputHints.ExpectingInput }, cancellationToken).ConfigureAwait(false);
    }
}
