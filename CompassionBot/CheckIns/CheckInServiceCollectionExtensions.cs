using CompassionBot.Hosting;

namespace CompassionBot.CheckIns;

/// <summary>Registers between-session check-ins.</summary>
internal static class CheckInServiceCollectionExtensions
{
    /// <summary>
    /// Adds the check-in scheduler (<c>CheckIns</c> settings, validated at start-up) and the answers to check-ins by
    /// text. Check-ins go out by SMS, and an unanswered one is reported to the clinician: needs <c>AddSms</c> and
    /// <c>AddClinicians</c>.
    /// </summary>
    public static IServiceCollection AddCheckIns(this IServiceCollection services)
    {
        services.AddOptions<CheckInOptions>().BindConfiguration(CheckInOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<CheckInStore>();
        services.AddSingleton<CheckInDispatcher>();
        services.AddHostedService<CheckInScheduler>();
        services.AddInterruption<CheckInReplyInterruption>(InterruptionOrder.CheckInReply);
        return services;
    }
}
