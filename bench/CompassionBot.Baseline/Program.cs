using System.Globalization;
using System.Text;
using System.Text.Json;

// The load test's floor: Kestrel speaking the same /api/messages protocol with no bot logic and no storage. It parses
// each activity and answers with canned replies, as many per turn as the real bot sends (two for the join and the
// practice choice, one otherwise): in the response body for expectReplies, otherwise POSTed one by one to the
// activity's serviceUrl through a plain HttpClient before answering 200. Run it with the load test's --service option
// (see BENCHMARKS.md).
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("System.Net.Http", LogLevel.Warning);
builder.Services.AddHttpClient("connector");
var app = builder.Build();

const string Reply = """{"type":"message","text":"That's the end of the practice. Take care.","inputHint":"acceptingInput","from":{"id":"bot"},"recipient":{"id":"user"},"conversation":{"id":"c"}}""";
var oneReply = Encoding.UTF8.GetBytes($$"""{"activities":[{{Reply}}]}""");
var twoReplies = Encoding.UTF8.GetBytes($$"""{"activities":[{{Reply}},{{Reply}}]}""");
var clients = app.Services.GetRequiredService<IHttpClientFactory>();

app.MapPost("/api/messages", async (HttpContext context) =>
{
    using var document = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
    var activity = document.RootElement;
    var id = activity.GetProperty("id").GetString() ?? string.Empty;
    var replies = id.EndsWith("-0", StringComparison.Ordinal) || id.EndsWith("-1", StringComparison.Ordinal) ? 2 : 1;
    if (activity.TryGetProperty("deliveryMode", out _) || !activity.TryGetProperty("serviceUrl", out var serviceUrl))
    {
        context.Response.ContentType = "application/json";
        await context.Response.Body.WriteAsync(replies == 2 ? twoReplies : oneReply, context.RequestAborted).ConfigureAwait(false);
        return;
    }

    var conversation = Uri.EscapeDataString(activity.GetProperty("conversation").GetProperty("id").GetString() ?? string.Empty);
    var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"{serviceUrl.GetString()}v3/conversations/{conversation}/activities/{Uri.EscapeDataString(id)}"));
    var http = clients.CreateClient("connector");
    for (var i = 0; i < replies; i++)
    {
        using var content = new StringContent(Reply, Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(uri, content, context.RequestAborted).ConfigureAwait(false);
        await response.Content.ReadAsStringAsync(context.RequestAborted).ConfigureAwait(false);
    }
});

await app.RunAsync().ConfigureAwait(false);
