using System.Net.Http.Headers;
using System.Net.Http.Json;
using CompassionBot.CheckIns;
using CompassionBot.Hosting;
using CompassionBot.Sms;
using CompassionBot.Storage.Relational;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Support;

/// <summary>
/// The real service with SMS configured against a <see cref="FakeTwilioApi"/>, a <see cref="FakeTimeProvider"/>, a
/// database (a <see cref="TestDatabase"/> on either provider, or a SQLite file of its own) and no background scheduler
/// (tests run its rounds with <see cref="RunSchedulerAsync"/>). <see cref="StartAnotherInstance"/> starts a second
/// service on the same database, Twilio fake and clock, as another process behind the load balancer would be.
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
    private readonly Dictionary<string, string?> _settings;
    private readonly IDisposable? _ownedFile;
    private readonly bool _ownsTwilio;
    private readonly Action<IServiceCollection>? _testServices;
    private int _sequence;

    private SmsTestHost(
        FakeTwilioApi twilio, FakeTimeProvider time, Dictionary<string, string?> settings, bool ownsTwilio, IDisposable? ownedFile, Action<IServiceCollection>? testServices = null)
    {
        Twilio = twilio;
        Time = time;
        _settings = settings;
        _ownsTwilio = ownsTwilio;
        _ownedFile = ownedFile;
        _testServices = testServices;
        _factory = new Factory(settings, time, Logs, testServices);
        Http = _factory.CreateClient();
    }

    public FakeTwilioApi Twilio { get; }

    public FakeTimeProvider Time { get; }

    /// <summary>What this instance logged.</summary>
    public CollectingLoggerProvider Logs { get; } = new();

    public HttpClient Http { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>This instance's clinic database.</summary>
    public IRelationalDatabase Database => Service<IRelationalDatabase>();

    /// <summary>Starts the service on a SQLite file of its own (bot state in memory).</summary>
    public static Task<SmsTestHost> StartAsync(DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var file = new TemporarySqliteFile();
        return StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["ConnectionStrings:Sqlite"] = file.ConnectionString }, file, now, extra);
    }

    /// <summary>Starts the service on a SQLite file of its own (bot state in memory), with some services replaced.</summary>
    public static Task<SmsTestHost> StartAsync(DateTimeOffset now, Action<IServiceCollection> testServices)
    {
        var file = new TemporarySqliteFile();
        return StartAsync(new Dictionary<string, string?> { ["Storage:Provider"] = "Memory", ["ConnectionStrings:Sqlite"] = file.ConnectionString }, file, now, null, testServices);
    }

    /// <summary>Starts the service on <paramref name="database"/> (bot state there too); the caller disposes the database.</summary>
    public static Task<SmsTestHost> StartAsync(TestDatabase database, DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.Settings, null, now, extra);
    }

    /// <summary>Another service instance on the same database, Twilio fake and clock, with its own HTTP client and services.</summary>
    public SmsTestHost StartAnotherInstance() => new(Twilio, Time, _settings, ownsTwilio: false, ownedFile: null, _testServices);

    private static async Task<SmsTestHost> StartAsync(
        IReadOnlyDictionary<string, string?> storage, IDisposable? ownedFile, DateTimeOffset now, IReadOnlyDictionary<string, string?>? extra, Action<IServiceCollection>? testServices = null)
    {
        var twilio = await FakeTwilioApi.StartAsync();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Default"] = "Warning",
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
        foreach (var (key, value) in storage.Concat(extra ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return new SmsTestHost(twilio, new FakeTimeProvider(now), settings, ownsTwilio: true, ownedFile, testServices);
    }

    /// <summary>Another client of this instance (its own cookies), e.g. a browser-like one for the clinician console.</summary>
    public HttpClient CreateClient(WebApplicationFactoryClientOptions options) => _factory.CreateClient(options);

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
        return await PostFormAsync(form, signature, signed);
    }

    /// <summary>Posts <paramref name="form"/> to the webhook, signed over the public URL unless a signature is given or <paramref name="signed"/> is false.</summary>
    public Task<HttpResponseMessage> PostFormAsync(IReadOnlyDictionary<string, string> form, string? signature = null, bool signed = true)
    {
        ArgumentNullException.ThrowIfNull(form);
        var header = signed ? signature ?? TwilioSignature.Compute(AuthToken, PublicBaseUrl + SmsEndpoints.WebhookPath, form) : null;
        return PostWebhookAsync(new FormUrlEncodedContent(form), header);
    }

    /// <summary>Posts <paramref name="content"/> as it is to the webhook, with <paramref name="signature"/> as <c>X-Twilio-Signature</c> unless null.</summary>
    public async Task<HttpResponseMessage> PostWebhookAsync(HttpContent content, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, SmsEndpoints.WebhookPath) { Content = content };
        if (signature is not null)
        {
            request.Headers.Add("X-Twilio-Signature", signature);
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
    public Task<string> EnrolAsync(string phone, string timeZone = "America/New_York", string days = "Mon,Wed,Fri", string time = "18:00", string startDate = "2026-01-01", string locale = "en") =>
        EnrolAsync(Http, phone, timeZone, days, time, startDate, locale, "2026-01-01T10:00:00Z");

    /// <summary>Enrols <paramref name="phone"/> through the clinician API of the service behind <paramref name="http"/>.</summary>
    public static async Task<string> EnrolAsync(HttpClient http, string phone, string timeZone, string days, string time, string startDate, string locale, string consentedAt)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/clinicians/enrolments")
        {
            Content = JsonContent.Create(new
            {
                phone,
                timeZone,
                locale,
                consent = new { consentedAt, method = "web-form", disclosure = "I agree to receive check-in texts from Riverside Clinic, up to 3 msgs/week. Msg & data rates may apply. Reply HELP for help, STOP to cancel." },
                schedule = new { days = days.Split(','), time },
                startDate,
            }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("ApiKey", ApiKey);
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var created = await response.Content.ReadFromJsonAsync<Dictionary<string, object>>(TestContext.Current.CancellationToken);
        return created!["id"].ToString()!;
    }

    /// <summary>One scheduler round at the current fake time.</summary>
    public Task RunSchedulerAsync() => Service<CheckInDispatcher>().RunDueAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _factory.DisposeAsync();
        if (_ownsTwilio)
        {
            await Twilio.DisposeAsync();
        }

        _ownedFile?.Dispose();
    }

    private sealed class Factory(Dictionary<string, string?> settings, FakeTimeProvider time, CollectingLoggerProvider logs, Action<IServiceCollection>? testServices)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(logging => logging.AddProvider(logs));

            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                var scheduler = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(CheckInScheduler));
                services.Remove(scheduler);
                testServices?.Invoke(services);
            });
        }
    }
}
