using System.Data.Common;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Dialogs.Turns;

namespace CompassionBot.DirectLine;

/// <summary>
/// Delivers a turn's replies on Direct Line: each is stamped and appended to the conversation log, then open streams
/// are notified. Typing indicators are not stored; they go to open streams only. Replies the log cannot take (disk
/// full: by then the turn sends only what safety requires) go to the open streams directly, as typing does, and are
/// counted as failed sends: a client that only polls cannot get them.
/// </summary>
internal sealed partial class DirectLineChannelSender(
    string conversationId,
    IDirectLineStore store,
    IDirectLineNotifier notifier,
    TimeProvider time,
    ILogger logger,
    BotMetrics? metrics = null) : IChannelSender
{
    public async Task<IReadOnlyList<ResourceResponse>> SendAsync(IReadOnlyList<Activity> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var responses = new List<ResourceResponse>(activities.Count);
        var batch = new List<Activity>();
        foreach (var activity in activities)
        {
            var stamped = activity with { Timestamp = time.GetUtcNow(), ChannelId = DirectLineConversationService.ChannelId };
            if (string.Equals(stamped.Type, ActivityTypes.Typing, StringComparison.Ordinal))
            {
                responses.AddRange(await FlushAsync(batch, cancellationToken).ConfigureAwait(false));
                var typing = stamped with { Id = $"{conversationId}|typing-{Guid.NewGuid():N}" };
                await notifier.PublishAsync(new DirectLineNotification(conversationId, null, typing), cancellationToken).ConfigureAwait(false);
                responses.Add(new ResourceResponse(typing.Id));
            }
            else
            {
                batch.Add(stamped);
            }
        }

        responses.AddRange(await FlushAsync(batch, cancellationToken).ConfigureAwait(false));
        return responses;
    }

    private async Task<IEnumerable<ResourceResponse>> FlushAsync(List<Activity> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        IReadOnlyList<StoredActivity> stored;
        try
        {
            stored = await store.AppendAsync(conversationId, [.. batch], cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            metrics?.RecordOutboundSend(DirectLineConversationService.ChannelId, BotMetrics.Failed, batch.Count);
            return await StreamUnsavedAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics?.RecordOutboundSend(DirectLineConversationService.ChannelId, BotMetrics.Failed, batch.Count);
            throw;
        }

        batch.Clear();
        metrics?.RecordOutboundSend(DirectLineConversationService.ChannelId, BotMetrics.Delivered, stored.Count);
        await notifier.PublishAsync(new DirectLineNotification(conversationId, stored[^1].Watermark, null), cancellationToken).ConfigureAwait(false);
        return stored.Select(s => new ResourceResponse(s.Activity.Id));
    }

    private async Task<IEnumerable<ResourceResponse>> StreamUnsavedAsync(List<Activity> batch, CancellationToken cancellationToken)
    {
        LogRepliesStreamedUnsaved(logger, conversationId, batch.Count);
        var responses = new List<ResourceResponse>(batch.Count);
        foreach (var activity in batch)
        {
            var unsaved = activity with { Id = DirectLineIds.Unsaved(conversationId) };
            await notifier.PublishAsync(new DirectLineNotification(conversationId, null, unsaved), cancellationToken).ConfigureAwait(false);
            responses.Add(new ResourceResponse(unsaved.Id));
        }

        batch.Clear();
        return responses;
    }

    [LoggerMessage(EventId = 6041, Level = LogLevel.Critical, Message = "{Count} repl(ies) in Direct Line conversation {ConversationId} could not be written to its log; sent to its open streams only")]
    private static partial void LogRepliesStreamedUnsaved(ILogger logger, LogId conversationId, int count);
}
