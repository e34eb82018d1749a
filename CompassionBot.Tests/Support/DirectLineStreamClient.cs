using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;

namespace CompassionBot.Tests.Support;

/// <summary>A ClientWebSocket on a Direct Line stream URL that reads whole frames.</summary>
public sealed class DirectLineStreamClient : IDisposable
{
    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public WebSocket Socket => _socket;

    public static async Task<DirectLineStreamClient> ConnectAsync(string streamUrl)
    {
        var client = new DirectLineStreamClient();
        await client._socket.ConnectAsync(new Uri(streamUrl), TestContext.Current.CancellationToken);
        return client;
    }

    /// <summary>The next frame's text (empty for a keep-alive), or null when the server closed the socket.</summary>
    public async Task<string?> ReceiveTextAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(FrameTimeout);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await _socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer.ToArray());
            }
        }
    }

    /// <summary>The next non-empty frame as an ActivitySet.</summary>
    public async Task<ActivitySet> ReceiveSetAsync()
    {
        while (true)
        {
            var text = await ReceiveTextAsync() ?? throw new InvalidOperationException("The stream closed.");
            if (text.Length > 0)
            {
                return JsonSerializer.Deserialize(text, BotJsonContext.Default.ActivitySet)!;
            }
        }
    }

    public void Dispose() => _socket.Dispose();
}
