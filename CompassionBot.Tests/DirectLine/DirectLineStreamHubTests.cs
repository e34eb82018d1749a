using System.Net.WebSockets;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace CompassionBot.Tests.DirectLine;

/// <summary>The WebSocket stream, through a real ClientWebSocket on a real port.</summary>
public sealed class DirectLineStreamHubTests : IAsyncDisposable
{
    private readonly TempDirectory _data = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly DirectLineAppFactory _factory;
    private readonly DirectLineTestClient _client;

    public DirectLineStreamHubTests()
    {
        _factory = new DirectLineAppFactory(_data.Path, _time);
        _client = new DirectLineTestClient(_factory.CreateLoopbackClient());
    }

    [Fact]
    public async Task Stream_FromStart_ReplaysWelcomeThenSendsEchoTypingAndReply()
    {
        var (conversationId, streamUrl, token) = await StartAsync();
        using var sut = await DirectLineStreamClient.ConnectAsync(streamUrl);

        var replay = await sut.ReceiveSetAsync();
        using var post = await _client.PostMessageAsync(conversationId, token, "hello", clientActivityId: "c-1");
        var received = await ReceiveUntilWatermarkAsync(sut, "3");

        Assert.Equal(DirectLineTestBot.Welcome, Assert.Single(replay.Activities).Text);
        Assert.Equal("1", replay.Watermark);
        var messages = received.SelectMany(s => s.Activities).Where(a => a.IsMessage).ToList();
        Assert.Equal(["hello", "You said: hello"], messages.Select(a => a.Text));
        Assert.Equal("c-1", messages[0].ChannelData!.Value.GetProperty("clientActivityID").GetString());
        Assert.NotNull(messages[0].Id);
        var typing = await ReceiveTypingAsync(sut, received);
        Assert.Null(typing.Watermark);
    }

    [Fact]
    public async Task Stream_ReconnectWithWatermark_ReplaysOnlyWhatWasMissed()
    {
        var (conversationId, _, token) = await StartAsync();
        using var post = await _client.PostMessageAsync(conversationId, token, "while away");
        using var reconnect = await _client.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        var streamUrl = (string)(await DirectLineTestClient.ReadObjectAsync(reconnect))["streamUrl"]!;

        using var sut = await DirectLineStreamClient.ConnectAsync(streamUrl);
        var replay = await sut.ReceiveSetAsync();

        Assert.Equal(["while away", "You said: while away"], replay.Activities.Select(a => a.Text));
        Assert.Equal("3", replay.Watermark);
    }

    [Fact]
    public async Task Stream_SecondSocketForConversation_ClosesFirstWithCollision()
    {
        var (_, streamUrl, _) = await StartAsync();
        using var first = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await first.ReceiveSetAsync();

        using var second = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await second.ReceiveSetAsync();

        Assert.Null(await first.ReceiveTextAsync());
        Assert.Equal("collision", first.Socket.CloseStatusDescription);
        Assert.Equal(WebSocketState.Open, second.Socket.State);
    }

    [Fact]
    public async Task Stream_Idle_SendsEmptyKeepAliveFrame()
    {
        var (_, streamUrl, _) = await StartAsync();
        using var sut = await DirectLineStreamClient.ConnectAsync(streamUrl);
        await sut.ReceiveSetAsync();

        _time.Advance(TimeSpan.FromSeconds(15));

        Assert.Equal(string.Empty, await sut.ReceiveTextAsync());
    }

    [Fact]
    public async Task Stream_TokenForAnotherConversation_IsRefused()
    {
        var (conversationA, _, _) = await StartAsync();
        var (_, _, tokenB) = await StartAsync();
        var url = $"ws://127.0.0.1:{_factory.BaseAddress.Port}/v3/directline/conversations/{conversationA}/stream?t={tokenB}";

        await Assert.ThrowsAsync<WebSocketException>(() => DirectLineStreamClient.ConnectAsync(url));
    }

    [Fact]
    public async Task Stream_ExpiredToken_IsRefusedWith403()
    {
        var (_, streamUrl, _) = await StartAsync();
        _time.Advance(TimeSpan.FromMinutes(31));
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken));

        // DirectLineJS reconnects through GET /conversations/{id}, which answers the same 403 (DirectLineEndpointsTests).
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, socket.HttpStatusCode);
    }

    private static async Task<List<ActivitySet>> ReceiveUntilWatermarkAsync(DirectLineStreamClient stream, string watermark)
    {
        var sets = new List<ActivitySet>();
        while (sets.LastOrDefault(s => s.Watermark is not null)?.Watermark != watermark)
        {
            sets.Add(await stream.ReceiveSetAsync());
        }

        return sets;
    }

    private static async Task<ActivitySet> ReceiveTypingAsync(DirectLineStreamClient stream, List<ActivitySet> alreadyReceived)
    {
        var typing = alreadyReceived.FirstOrDefault(s => s.Activities.Any(a => a.Type == ActivityTypes.Typing));
        while (typing is null)
        {
            var next = await stream.ReceiveSetAsync();
            typing = next.Activities.Any(a => a.Type == ActivityTypes.Typing) ? next : null;
        }

        return typing;
    }

    private async Task<(string ConversationId, string StreamUrl, string Token)> StartAsync()
    {
        var generated = await _client.GenerateTokenAsync("dl_alex");
        using var response = await _client.SendAsync(HttpMethod.Post, "/v3/directline/conversations", (string)generated["token"]!, "{}");
        var body = await DirectLineTestClient.ReadObjectAsync(response);
        return ((string)body["conversationId"]!, (string)body["streamUrl"]!, (string)body["token"]!);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Http.Dispose();
        await _factory.DisposeAsync();
        _data.Dispose();
    }
}
