using System.Net;
using System.Text.Json;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Operations;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.Operations;

/// <summary>
/// <c>/readyz</c> under load: one evaluation serves every request of a few seconds, a change a turn noticed is seen at
/// once, and each probe is limited per client address without starving the other.
/// </summary>
public sealed class ReadinessProbeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Readyz_FiftyConcurrentRequests_EvaluatedOnceUntilTheAnswerIsTwoSecondsOld()
    {
        var (sut, clock, counter) = Start();
        await using var _ = sut;
        using var http = sut.CreateClient();

        var first = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => StatusAsync(http, "/readyz")));
        clock.Advance(TimeSpan.FromSeconds(1.9));
        var stillCached = await StatusAsync(http, "/readyz");
        var evaluationsWithinThePeriod = counter.Count;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var afterThePeriod = await StatusAsync(http, "/readyz");

        Assert.All(first, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (stillCached, afterThePeriod));
        Assert.Equal(1, evaluationsWithinThePeriod);
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task Readyz_ScreeningDegradesWithinTheCachePeriod_AnsweredAfreshAtOnce()
    {
        var (sut, _, counter) = Start();
        await using var _ = sut;
        using var http = sut.CreateClient();
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(http, "/readyz"));

        sut.Services.GetRequiredService<ScreeningHealth>().RecordFailure();
        using var response = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        Assert.Equal("degraded", body.RootElement.GetProperty("checks").GetProperty("screening").GetProperty("status").GetString());
        Assert.Equal(2, counter.Count);
    }

    [Fact]
    public async Task Readyz_FloodFromOneAddress_429ProblemWithRetryAfterWhileHealthzStillAnswers()
    {
        var (sut, _, counter) = Start(permits: 5);
        await using var _ = sut;
        using var http = sut.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add(await StatusAsync(http, "/readyz"));
        }

        using var rejected = await http.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        using var problem = JsonDocument.Parse(await rejected.Content.ReadAsStringAsync(Ct));
        var liveness = await StatusAsync(http, "/healthz");

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 5), .. Enumerable.Repeat(HttpStatusCode.TooManyRequests, 3)], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, rejected.StatusCode);
        Assert.Equal("application/problem+json", rejected.Content.Headers.ContentType?.MediaType);
        Assert.Equal(ProbeRateLimitPolicy.ProblemType, problem.RootElement.GetProperty("type").GetString());
        Assert.NotNull(rejected.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, liveness);
        Assert.Equal(1, counter.Count);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative), Ct);
        return response.StatusCode;
    }

    private static (OperationsAppFactory Factory, FakeTimeProvider Clock, CountingCheck Counter) Start(int permits = 1000)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var counter = new CountingCheck();
        var factory = new OperationsAppFactory(
            new Dictionary<string, string?>
            {
                ["Operations:ProbeRateLimitPermits"] = permits.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Operations:ProbeRateLimitWindow"] = "00:10:00",
            },
            services =>
            {
                services.AddSingleton<TimeProvider>(clock);
                services.AddHealthChecks().AddCheck("counting", counter, tags: [HealthTags.Ready]);
            });
        return (factory, clock, counter);
    }

    /// <summary>A readiness check that counts its evaluations and takes a moment, as a storage check does.</summary>
    private sealed class CountingCheck : IHealthCheck
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
            return HealthCheckResult.Healthy();
        }
    }
}
