using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CompassionBot.BotFramework;
using CompassionBot.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CompassionBot.Tests.BotFramework;

/// <summary>/api/messages in local mode (no app id): input checks, expectReplies, delivery through the Connector.</summary>
public sealed class BotFrameworkEndpointsTests : IAsyncLifetime
{
    private readonly RequestHeadersRecorder _requests = new();
    private FakeConnector _connector = null!;
    private BotFrameworkTestHost _sut = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await FakeConnector.StartAsync();
        _sut = new BotFrameworkTestHost(new Dictionary<string, string?>(), services => services.AddSingleton<IStartupFilter>(_requests));
    }

    public async ValueTask DisposeAsync()
    {
        await _sut.DisposeAsync();
        await _connector.DisposeAsync();
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task NonPost_AnyRequest_Returns405ProblemDetails(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        var response = await _sut.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_WrongContentType_Returns415()
    {
        using var content = new StringContent(Activities.Message(_connector.ServiceUrl).ToJsonString(), Encoding.UTF8, "text/plain");

        var response = await _sut.Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_BodyOver256KB_Returns413()
    {
        var activity = Activities.Message(_connector.ServiceUrl, text: new string('a', ActivityRequestReader.MaxBodyBytes));

        var response = await _sut.Client.SendAsync(Activities.Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ChunkedBodyOver256KBWithoutContentLength_Returns413ProblemDetails()
    {
        var activity = Activities.Message(_connector.ServiceUrl, text: new string('a', ActivityRequestReader.MaxBodyBytes));
        using var content = new UnknownLengthContent(Encoding.UTF8.GetBytes(activity.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = content };
        using var client = _sut.CreateClientWithoutRedirects();

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        var seen = Assert.Single(_requests.Seen);
        Assert.Null(seen.ContentLength);
        Assert.Equal("chunked", seen.TransferEncoding);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        using var content = new StringContent("{\"type\": \"message\", ", Encoding.UTF8, "application/json");

        var response = await _sut.Client.PostAsync("/api/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Malformed JSON", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [InlineData("type")]
    [InlineData("conversation")]
    [InlineData("channelId")]
    public async Task Post_RequiredFieldMissing_Returns400(string field)
    {
        var activity = Activities.Message(_connector.ServiceUrl);
        activity.Remove(field);

        var response = await _sut.Client.SendAsync(Activities.Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = Activities.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains(field, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingProcessedAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task Post_ConversationIdMissingOrEmpty_Returns400ProblemDetails(string? id)
    {
        var activity = Activities.Message(_connector.ServiceUrl);
        var conversation = activity["conversation"]!.AsObject();
        conversation.Remove("id");
        if (id is not null)
        {
            conversation["id"] = id;
        }

        var response = await _sut.Client.SendAsync(Activities.Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = Activities.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("conversation.id", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingProcessedAsync();
    }

    [Fact]
    public async Task Post_ExpectReplies_Returns200WithActivities()
    {
        var activity = Activities.Message(_connector.ServiceUrl, "hi there");
        activity["deliveryMode"] = "expectReplies";

        var response = await _sut.Client.SendAsync(Activities.Post(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = Activities.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var reply = Assert.Single(body.GetProperty("activities").EnumerateArray());
        Assert.Equal("echo 1: hi there", reply.GetProperty("text").GetString());
        Assert.Equal("1485983408511", reply.GetProperty("replyToId").GetString());
        Assert.Empty(_connector.Posts);
    }

    [Fact]
    public async Task Post_NormalDelivery_RepliesToEscapedPathUnderServiceUrl()
    {
        var response = await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl)), TestContext.Current.CancellationToken);
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var post = Assert.Single(_connector.Posts);
        Assert.Equal("/amer/v3/conversations/a%3A1Xy%40thread.skype%3Apersonal/activities/1485983408511", post.Path);
        Assert.Equal("echo 1: hello", post.Activity.Text);
        Assert.Equal("29:user-1", post.Activity.Recipient?.Id);
        Assert.Equal(string.Empty, post.Authorization);
    }

    [Fact]
    public async Task Post_NormalDelivery_SendsTheReplyWithAContentLengthNotChunked()
    {
        await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl)), TestContext.Current.CancellationToken);
        await _sut.WhenTurnsIdleAsync();

        var body = Assert.Single(_connector.Posts).Body;
        Assert.Equal(body.Bytes, body.ContentLength);
        Assert.Equal(string.Empty, body.TransferEncoding);
        Assert.Equal("application/json; charset=utf-8", body.ContentType);
    }

    [Fact]
    public async Task Post_Connector429WithRetryAfter_DeliversExactlyOnceAfterTheWait()
    {
        _connector.Clock = _sut.Time;
        _connector.Enqueue(429, retryAfter: "7");

        await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl)), TestContext.Current.CancellationToken);
        await _sut.AdvanceUntilAsync(() => _connector.Posts.Count >= 2, TimeSpan.FromMilliseconds(500));
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal([429, 200], _connector.Posts.Select(p => p.AnsweredStatus));
        Assert.All(_connector.Posts, p => Assert.Equal("echo 1: hello", p.Activity.Text));
        Assert.True(_connector.Posts[1].At - _connector.Posts[0].At >= TimeSpan.FromSeconds(7), "the retry waited less than Retry-After");
    }

    [Fact]
    public async Task Post_Connector503FiveTimes_OpensCircuitLogsFailureAndKeepsState()
    {
        _connector.DefaultStatus = 503;

        // Small clock steps: on a loaded machine a large step could carry the fake clock past the sampling window or the
        // break duration while the background turn is still waiting, and the circuit would close again.
        await SendInBackgroundAsync("one");
        await _sut.AdvanceUntilAsync(() => _connector.Posts.Count >= 1 + BotFrameworkServiceCollectionExtensions.ConnectorMaxRetries, TimeSpan.FromMilliseconds(100));
        await _sut.WhenTurnsIdleAsync();
        await SendInBackgroundAsync("two");
        await _sut.AdvanceUntilAsync(() => _sut.Logs.Entries.Count(e => e.EventId.Id == 2006) >= 2, TimeSpan.FromMilliseconds(100));
        await _sut.WhenTurnsIdleAsync();
        await SendInBackgroundAsync("three");
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(5, _connector.Posts.Count);
        var failures = _sut.Logs.Entries.Where(e => e.EventId.Id == 2006 && e.Level == LogLevel.Error).ToList();
        Assert.Equal(3, failures.Count);
        Assert.IsType<Polly.CircuitBreaker.BrokenCircuitException>(failures[^1].Exception, exactMatch: false);
        var state = await _sut.Storage.ReadAsync(["msteams/conversations/a:1Xy@thread.skype:personal"], TestContext.Current.CancellationToken);
        Assert.Contains("\"count\":3", state.Single().Value.Json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SlowTurn_IsAcknowledgedAtOnceAndShowsTyping()
    {
        _connector.Clock = _sut.Time;
        _sut.Bot.Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = _sut.Time.GetUtcNow();

        var response = await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _sut.AdvanceUntilAsync(() => _connector.Posts.Count >= 1, TimeSpan.FromMilliseconds(250));
        _sut.Bot.Hold.SetResult();
        await _sut.WhenTurnsIdleAsync();

        Assert.Equal(["typing", "message"], _connector.Posts.Select(p => p.Activity.Type));
        Assert.True(_connector.Posts[0].At - start >= TypingIndicatorMiddleware.InitialDelay);
    }

    [Fact]
    public async Task Post_UnknownInvoke_Returns501()
    {
        var invoke = Activities.Message(_connector.ServiceUrl);
        invoke["type"] = "invoke";
        invoke["name"] = "composeExtension/unknown";

        var response = await _sut.Client.SendAsync(Activities.Post(invoke), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
    }

    [Fact]
    public async Task Post_KnownInvoke_ReturnsTheBotsStatusAndBody()
    {
        var invoke = Activities.Message(_connector.ServiceUrl);
        invoke["type"] = "invoke";
        invoke["name"] = TestTurnHandler.KnownInvoke;

        var response = await _sut.Client.SendAsync(Activities.Post(invoke), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(Activities.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public void Start_LocalMode_LogsALoudWarning()
    {
        Assert.Contains(_sut.Logs.Entries, e => e.EventId.Id == 2001 && e.Level == LogLevel.Warning);
    }

    private async Task SendInBackgroundAsync(string text)
    {
        var response = await _sut.Client.SendAsync(Activities.Post(Activities.Message(_connector.ServiceUrl, text, id: $"message-{text}")), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task AssertNothingProcessedAsync()
    {
        Assert.Empty(_sut.Bot.Seen);
        Assert.Equal(0, await _sut.ReferenceCountAsync());
        Assert.False(await _sut.HasConversationStateAsync("msteams", "a:1Xy@thread.skype:personal"));
    }

    /// <summary>A body whose length is not known before it is sent, so the request goes without Content-Length.</summary>
    private sealed class UnknownLengthContent(byte[] bytes) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>Records the length headers of each request as the server sees them (before the endpoint runs).</summary>
    private sealed class RequestHeadersRecorder : IStartupFilter
    {
        public ConcurrentQueue<(long? ContentLength, string TransferEncoding)> Seen { get; } = new();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                Seen.Enqueue((context.Request.ContentLength, context.Request.Headers.TransferEncoding.ToString()));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
