using CompassionBot.Tests.Support;

namespace CompassionBot.Tests.DirectLine;

/// <summary>Durability: a service restart on the same SQLite file loses nothing, and clients resume from their watermark.</summary>
public sealed class DirectLineRestartTests : IDisposable
{
    private readonly TempDirectory _data = new();

    [Fact]
    public async Task Reconnect_AfterServiceRestart_ResumesFromWatermarkWithNothingLost()
    {
        string conversationId;
        string token;
        await using (var before = new DirectLineAppFactory(_data.Path))
        {
            using var http = before.CreateLoopbackClient();
            var client = new DirectLineTestClient(http);
            (conversationId, token) = await client.StartAsync();
            using var post = await client.PostMessageAsync(conversationId, token, "before restart");
        }

        await using var after = new DirectLineAppFactory(_data.Path);
        using var afterHttp = after.CreateLoopbackClient();
        var sut = new DirectLineTestClient(afterHttp);
        using var reconnect = await sut.SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{conversationId}?watermark=1", token);
        var streamUrl = (string)(await DirectLineTestClient.ReadObjectAsync(reconnect))["streamUrl"]!;
        using var stream = await DirectLineStreamClient.ConnectAsync(streamUrl);
        var replay = await stream.ReceiveSetAsync();
        using var postAfter = await sut.PostMessageAsync(conversationId, token, "after restart", clientActivityId: "client-2");
        var afterwards = await sut.GetActivitiesAsync(conversationId, token, replay.Watermark);

        Assert.Equal(["before restart", "You said: before restart"], replay.Activities.Select(a => a.Text));
        Assert.Equal("3", replay.Watermark);
        Assert.Equal(["after restart", "You said: after restart"], afterwards.Activities.Select(a => a.Text));
        Assert.Equal($"{conversationId}|0000004", afterwards.Activities[0].Id);
    }

    /// <summary>A post Web Chat retries after the service restarted (its first answer lost) is recognised from the SQLite file.</summary>
    [Fact]
    public async Task PostActivity_RetriedAfterServiceRestart_ReturnsTheFirstIdAndIsNotAnsweredAgain()
    {
        string conversationId;
        string token;
        string firstId;
        await using (var before = new DirectLineAppFactory(_data.Path))
        {
            using var http = before.CreateLoopbackClient();
            var client = new DirectLineTestClient(http);
            (conversationId, token) = await client.StartAsync();
            using var post = await client.PostMessageAsync(conversationId, token, "before restart", clientActivityId: "c-retried");
            firstId = (string)(await DirectLineTestClient.ReadObjectAsync(post))["id"]!;
        }

        await using var after = new DirectLineAppFactory(_data.Path);
        using var afterHttp = after.CreateLoopbackClient();
        var sut = new DirectLineTestClient(afterHttp);
        using var retried = await sut.PostMessageAsync(conversationId, token, "before restart", clientActivityId: "c-retried");

        Assert.Equal(firstId, (string)(await DirectLineTestClient.ReadObjectAsync(retried))["id"]!);
        var log = await sut.GetActivitiesAsync(conversationId, token, watermark: "1");
        Assert.Equal(["before restart", "You said: before restart"], log.Activities.Select(a => a.Text));
    }

    public void Dispose() => _data.Dispose();
}
