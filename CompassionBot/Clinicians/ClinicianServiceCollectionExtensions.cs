using CompassionBot.Clinicians.Access;
using CompassionBot.Clinicians.Clients;
using CompassionBot.Dialogs.Engine;
using CompassionBot.Dialogs.Practices;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Hosting;
using CompassionBot.Safety.Alerts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CompassionBot.Clinicians;

/// <summary>Registers what clinicians use: the clinician API, their notifications and the links of conversations to enrolments.</summary>
internal static class ClinicianServiceCollectionExtensions
{
    /// <summary>
    /// Adds the API key scheme of the clinician API, the clinic admin policy and the access log, client records and their linking ("link CODE"), the recording of a
    /// linked client's practice sessions and crisis events (a decorator of the <see cref="ICrisisResponder"/> of
    /// <c>AddCompassionBot</c>, which must come first), client safety plans (a decorator of the storage's
    /// <see cref="ISafetyPlanStore"/>), the clinician notifier (through the alert outbox of
    /// <c>AddCrisisFlow</c>) and <see cref="IEnrolmentLinks"/>, which names the client of a crisis alert. Enrolments
    /// are SMS check-ins: needs <c>AddSms</c> and <c>AddCheckIns</c>.
    /// </summary>
    public static IServiceCollection AddClinicians(this IServiceCollection services)
    {
        services.AddOptions<ClinicianApiOptions>().BindConfiguration(ClinicianApiOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSchemeWithPolicy<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName);
        services.AddAuthorizationBuilder().AddPolicy(ClientAccess.AdminRole, policy => policy.RequireRole(ClientAccess.AdminRole));
        services.AddSingleton<ClientAccessLog>();
        services.TryAddSingleton<IClinicianNotifier, OutboxClinicianNotifier>();
        services.TryAddSingleton<IEnrolmentLinks, SmsEnrolmentLinks>();
        services.AddSingleton<ClientStore>();
        services.AddSingleton<ClientLinkStore>();
        services.AddSingleton<LinkAttemptLimiter>();
        services.AddSingleton<EnrolmentClients>();
        services.AddSingleton<ClientRecordStore>();
        services.AddSingleton<ClinicianAlertStore>();
        services.AddSingleton<ClientViews>();
        services.AddSingleton<ClinicianKeys>();
        services.AddSingleton<ClientAccess>();
        services.AddSingleton<ClientTimelines>();
        services.AddSingleton<ClientSafetyPlans>();
        services.AddSingleton<AlertAcknowledger>();
        services.AddSingleton<SessionsCsv>();
        services.AddSingleton<ClientEnrolments>();
        services.AddSingleton<ClientRecorder>();
        services.AddSingleton<IPracticeSessionObserver>(sp => sp.GetRequiredService<ClientRecorder>());
        services.Decorate<ICrisisResponder, ClientRecordingCrisisResponder>();
        services.Decorate<ISafetyPlanStore, ClientSafetyPlanStore>();
        services.AddSingleton<Dialog, ClientLinkDialog>();
        services.AddInterruption<ClientLinkInterruption>(InterruptionOrder.ClientLink);
        return services;
    }
}
