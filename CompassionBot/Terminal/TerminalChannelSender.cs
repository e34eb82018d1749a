using System.Globalization;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.Terminal;

/// <summary>
/// Prints replies to the terminal, with suggested actions as numbered options, unless the text already numbers them
/// in the same order (a menu), so that no list is printed twice.
/// </summary>
internal sealed class TerminalChannelSender(TextWriter output) : IChannelSender
{
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        foreach (var activity in activities.Where(a => a.IsMessage))
        {
            await output.WriteLineAsync($"Bot: {activity.Text}".AsMemory(), cancellationToken).ConfigureAwait(false);
            var actions = activity.SuggestedActions?.Actions ?? [];
            if (NumberedInText(activity.Text, actions))
            {
                continue;
            }

            for (var i = 0; i < actions.Count; i++)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"     {i + 1}) {actions[i].Title}").AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return [.. activities.Select(_ => new ResourceResponse(null))];
    }

    private static bool NumberedInText(string? text, IReadOnlyList<CardAction> actions) =>
        text is not null && actions.Count > 0 &&
        actions.Select((action, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}. {action.Title}")).All(line => text.Contains(line, StringComparison.Ordinal));
}
