using CompassionBot.Dialogs.Conversation;

namespace CompassionBot.Hosting;

/// <summary>An interruption and its place in <see cref="InterruptionOrder"/>.</summary>
internal sealed record InterruptionRegistration(InterruptionOrder Order, Func<IServiceProvider, IInterruptionHandler> Create)
{
    /// <summary>The registered interruptions, in <see cref="InterruptionOrder"/>.</summary>
    public static IReadOnlyList<IInterruptionHandler> Resolve(IServiceProvider services) =>
        [.. services.GetServices<InterruptionRegistration>().OrderBy(r => r.Order).Select(r => r.Create(services))];
}
