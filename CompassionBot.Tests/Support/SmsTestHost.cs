using System.Net.Http.Headers;
using System.Net.Http.Json;
using CompassionBot.CheckIns;
using CompassionBot.Hosting;
using CompassionBot.Sms;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Support;

/// <summary>
/// The real service with SMS configured against a <see cref="FakeTwilioApi"/>, a temporary SQLite file, a
/// <see cref="FakeTimeProvider"/> and no background scheduler (tests run its rounds with <see cref="RunSchedulerAsync"/>).
/// </summary>
internal sealed class SmsTestHost : IAsyncDisposable
{
    public const string AuthToken = "0123456789abcdef0123456789abcdef";
    public const string AccountSid = "AC0123456789abcdef0123456789abcdef";
    public const string BotNumber = "+14155550100";
    public const string Client = "+14155552671";
    public const string PublicBaseUrl = "https://bot.clinic.example";
    public const string ApiKey = "test-clinician-key";
    public const string ClinicName = "Riverside Clinic";

    private readonly Factory _factory;
    private int _sequence;

    private SmsTestHost(FakeTwilioApi twilio, TemporarySqliteFile database, FakeTimeProvider time, Dictionary<string, string?> settings)
    {
        Twilio = twilio;
        Database = database;
        Time = time;
        _factory = new Factory(settings, time);
        Http = _factory.CreateClient();
    }

    public FakeTwilioApi Twilio { get; }

    public TemporarySqliteFile Database { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    public static async Task<SmsTestHost> StartAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var twilio = await FakeTwilioApi.StartAsync();
        var database = new TemporarySqliteFile();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Storage:Provider"] = "Memory",
            ["Logging:LogLevel:Default"] = "Warning",
            ["ConnectionStrings:Sqlite"] = database.ConnectionString,
            ["Sms:PublicBaseUrl"] = PublicBaseUrl,
            ["Sms:Twilio:AccountSid"] = AccountSid,
            ["Sms:Twilio:AuthToken"] = AuthToken,
            ["Sms:Twilio:PhoneNumber"] = BotNumber,
            ["Sms:Twilio:ApiBaseUrl"] = twilio.BaseAddress.ToString(),
            ["Sms:Twilio:RetryDelay"] = "00:00:00",
            ["Clinic:Name"] = ClinicName,
            ["Clinic:Contact"] = "555-0100, Mon-Fri 9-5",
            ["Clinic:ApiKeys:dr-test"] = ApiKey,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new SmsTestHost(twilio, database, new FakeTimeProvider(now), settings);
    }

    public T Service<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Posts a signed inbound SMS to the webhook (signature over the public URL unless given).</summary>
    public async Task<HttpResponseMessage> PostSmsAsync(string from, string body, string? messageSid = null, string? signature = null, bool signed = true)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AccountSid"] = AccountSid,
            ["MessageSid"] = messageSid ?? $"SMin{Interlocked.Increment(ref _sequence):D30}",
            ["From"] = from,
            ["To"] = BotNumber,
            ["Body"] = body,
            ["NumMedia"] = "0",
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, SmsEndpoints.WebhookPath) { Content = new FormUrlEncodedContent(form) };
        if (signed)
        {
            request.Headers.Add("X-Twilio-Signature", signature ?? TwilioSignature.Compute(AuthToken, PublicBaseUrl + SmsEndpoints.WebhookPath, form));
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Texts the bot from <paramref name="from"/> and returns the bodies the fake Twilio API received for that number.</summary>
    public Task<IReadOnlyList<string>> TextAsync(string from, string body) => TextAsyncWithSid(from, body, null);

    /// <summary>As <see cref="TextAsync"/>, with a given MessageSid.</summary>
    public async Task<IReadOnlyList<string>> TextAsyncWithSid(string from, string body, string? messageSid)
    {
        var before = Twilio.BodiesTo(from).Count;
        using var response = await PostSmsAsync(from, body, messageSid);
        response.EnsureSuccessStatusCode();
        await Service<BackgroundTurnRunner>().WhenIdleAsync();
        return [.. Twilio.BodiesTo(from).Skip(before)];
    }

    /// <summary>Enrols <paramref name="phone"/> through the clinician API; returns the enrolment id.</summary>
    public async Task<string> EnrolAsync(string phone, string timeZone = "America/New_York", string days = "Mon,Wed,Fri", string time = "18:00", string startDate = "2026-01-01", string locale = "en")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments")
        {
            Content = JsonContent.Create(new
            {
                phone,
                timeZone,
                locale,
                consent = new { consentedAt = "2026-01-01T10:00:00Z", method = "web-form", disclosure = "I agree to receive check-in texts from Riverside Clinic, up to 3 msgs/week. Msg & data rates may apply. Reply HELP for help, STOP to cancel." },
                schedule = new { days = days.Split(','), time },
                startDate,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        using var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        return created!["id"].ToString()!;
    }

    /// <summary>One scheduler round at the current fake time.</summary>
    public Task RunSchedulerAsync() => Service<CheckInDispatcher>().RunDueAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        await Twilio.DisposeAsync();
        Database.Dispose();
    }

    private sealed class Factory(Dictionary<string, string?> settings, FakeTimeProvider time) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                var scheduler = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CheckInScheduler));
                services.Remove(scheduler);
            });
        }
    }
}
