using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Conversation;
using CompassionBot.Dialogs.Engagement;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Engine.Prompts;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Turns;
using CompassionBot.Dialogs.Understanding;
using CompassionBot.Dialogs.Intents;
using Microsoft.Extensions.Options;

namespace CompassionBot.Hosting;

/// <summary>Registers the bot itself: content, intents, dialogs, safety gate, interruptions and the turn-error handler.</summary>
internal static class CompassionBotServiceCollectionExtensions
{
    public static IServiceCollection AddCompassionBot(this IServiceCollection services)
    {
        services.AddOptions<ClinicOptions>().BindConfiguration(ClinicOptions.SectionName).ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ClinicOptions>>().Value);
        services.AddSingleton(sp => MessageCatalog.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton(sp => PracticeCatalog.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton(sp => EngagementDetector.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton(sp => InterruptionRecognizer.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton(sp => IntentRecognizer.Load(
            sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath,
            [.. sp.GetRequiredService<PracticeCatalog>().All(SupportedLocales.English).Select(p => p.Id)],
            sp.GetRequiredService<ISentenceEncoder>(),
            sp.GetRequiredService<InterruptionRecognizer>(),
            sp.GetRequiredService<EngagementDetector>(),
            sp.GetRequiredService<ILogger<IntentRecognizer>>()));
        services.AddSingleton(sp => FeelingReader.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton(CreateDialogs);
        services.AddSingleton(sp => SafetyStatements.Load(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedRootPath));
        services.AddSingleton<SafetyPolicy>();
        services.AddSingleton<ICrisisResponder, ReferralResponder>();
        services.AddSingleton<ISafetyGate, SafetyGate>();
        services.AddSingleton<ITurnMiddleware, BotTurnMiddleware>();
        services.AddSingleton<ITurnMiddleware, SafetyGateMiddleware>();
        services.AddSingleton<ITurnObserver, SafetyTurnTelemetry>();
        services.AddInterruption<CoreInterruptions>(InterruptionOrder.Core);
        services.AddSingleton<ITurnErrorHandler, GentleTurnErrorHandler>();
        services.AddSingleton<ITurnHandler>(sp => ActivatorUtilities.CreateInstance<Dialogs.CompassionBot>(sp, InterruptionRegistration.Resolve(sp)));
        services.AddHostedService<ContentValidationService>();
        return services;
    }

    private static DialogSet CreateDialogs(IServiceProvider services)
    {
        var practices = services.GetRequiredService<PracticeCatalog>();
        var messages = services.GetRequiredService<MessageCatalog>();
        var time = services.GetRequiredService<TimeProvider>();
        var detector = services.GetRequiredService<EngagementDetector>();
        var practice = new PracticeDialog(
            practices, messages, time, services.GetRequiredService<ClinicOptions>(), services.GetRequiredService<ICrisisResponder>(), detector, services.GetServices<IPracticeSessionObserver>());
        var dialogs = new DialogSet()
            .Add(new MainDialog(practices, messages, services.GetRequiredService<IntentRecognizer>(), services.GetRequiredService<FeelingReader>(), services.GetServices<IPracticeSessionObserver>()))
            .Add(practice)
            .Add(new PracticeStepsDialog(practices, messages, detector))
            .Add(new ChoicePrompt(nameof(ChoicePrompt)))
            .Add(new ConfirmPrompt(nameof(ConfirmPrompt)))
            .Add(new RatingPrompt(nameof(RatingPrompt), practice.AcceptRatingOrNonResonanceAsync))
            .Add(new TextPrompt(nameof(TextPrompt)));

        // Dialogs the host's features add (e.g. linking a client), registered as Dialog services.
        foreach (var dialog in services.GetServices<Dialog>())
        {
            dialogs.Add(dialog);
        }

        return dialogs;
    }
}
