using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// Runs before replies are queued (<see cref="ITurnContext.OnSendActivities"/>): lets them through by calling
/// <paramref name="next"/>, or refuses them by throwing.
/// </summary>
/// <param name="turnContext">The turn replying.</param>
/// <param name="activities">The replies, addressed, in order.</param>
/// <param name="next">Runs the next handler, and queues the replies after the last.</param>
public delegate Task SendActivitiesHandler(ITurnContext turnContext, IReadOnlyList<Activity> activities, Func<Task> next);
