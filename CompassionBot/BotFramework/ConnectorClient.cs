using System.Net.Http.Headers;
using System.Text.Json;
using CompassionBot.Dialogs.Schema;
using CompassionBot.Dialogs.Telemetry;
using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.BotFramework;

/// <summary>
/// The Bot Connector REST API (v3) for outbound activities. The serviceUrl keeps its path; ids are escaped (Teams ids
/// contain <c>:</c> and <c>@</c>); answers are parsed defensively (202 with no body, <c>Id</c> or <c>id</c>). The
/// HttpClient runs through the resilience pipeline registered in <see cref="BotFrameworkServiceCollectionExtensions"/>.
/// </summary>
public sealed partial class ConnectorClient
{
    private readonly HttpClient _httpClient;
    private readonly IAccessTokenProvider _tokens;
    private readonly ServiceUrlTrustList _trust;
    private readonly BotFrameworkOptions _options;
    private readonly ILogger<ConnectorClient> _logger;
    private readonly BotMetrics? _metrics;

    public ConnectorClient(
        HttpClient httpClient,
        IAccessTokenProvider tokens,
        ServiceUrlTrustList trust,
        IOptions<BotFrameworkOptions> options,
        ILogger<ConnectorClient> logger,
        BotMetrics? metrics = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _tokens = tokens;
        _trust = trust;
        _options = options.Value;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>The request option naming the activity's channel, so the retry strategy can count retries per channel.</summary>
    public static HttpRequestOptionsKey<string> ChannelOption { get; } = new("CompassionBot.ChannelId");

    /// <summary>ReplyToActivity when <c>replyToId</c> is set, else SendToConversation.</summary>
    public Task<ResourceResponse> SendActivityAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return string.IsNullOrEmpty(activity.ReplyToId)
            ? SendToConversationAsync(serviceUrl, activity, cancellationToken)
            : ReplyToActivityAsync(serviceUrl, activity, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}v3/conversations/{conversationId}/activities</c>.</summary>
    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return PostAsync(serviceUrl, ActivitiesPath(activity), activity, cancellationToken);
    }

    /// <summary><c>POST {serviceUrl}v3/conversations/{conversationId}/activities/{replyToId}</c>.</summary>
    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var replyToId = activity.ReplyToId ?? throw new ArgumentException("The activity has no replyToId.", nameof(activity));
        return PostAsync(serviceUrl, $"{ActivitiesPath(activity)}/{Uri.EscapeDataString(replyToId)}", activity, cancellationToken);
    }

    /// <summary>The full URL for <paramref name="relativePath"/> under <paramref name="serviceUrl"/>, keeping its path.</summary>
    public static Uri BuildUri(string serviceUrl, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(serviceUrl);
        var baseUrl = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        return new Uri(new Uri(baseUrl, UriKind.Absolute), relativePath);
    }

    private static string ActivitiesPath(Activity activity)
    {
        var conversationId = activity.Conversation?.Id;
        if (string.IsNullOrEmpty(conversationId))
        {
            throw new ArgumentException("The activity has no conversation.id.", nameof(activity));
        }

        return $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities";
    }

    private async Task<ResourceResponse> PostAsync(string serviceUrl, string relativePath, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            var response = await SendAsync(serviceUrl, relativePath, activity, cancellationToken).ConfigureAwait(false);
            _metrics?.RecordOutboundSend(activity.ChannelId, BotMetrics.Delivered);
            return response;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _metrics?.RecordOutboundSend(activity.ChannelId, BotMetrics.Failed);
            throw;
        }
    }

    private async Task<ResourceResponse> SendAsync(string serviceUrl, string relativePath, Activity activity, CancellationToken cancellationToken)
    {
        var uri = BuildUri(serviceUrl, relativePath);
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Content = JsonHttpContent.Create(activity with { Id = null, ServiceUrl = null }, BotJsonContext.Default.Activity),
        };
        request.Options.Set(ChannelOption, activity.ChannelId ?? string.Empty);
        if (!_options.IsLocalMode)
        {
            if (!_trust.IsTrusted(serviceUrl))
            {
                throw new ConnectorException("The serviceUrl did not arrive on an authenticated request; refusing to send the token there.");
            }

            var token = await _tokens.GetTokenAsync(cancellationToken).ConfigureAwait(false);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await _httpClient.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var correlation = response.Headers.TryGetValues("X-Correlating-OperationId", out var values) ? values.FirstOrDefault() : null;
        if (!response.IsSuccessStatusCode)
        {
            Log.ConnectorRefused(_logger, (int)response.StatusCode, activity.ChannelId, activity.Conversation?.Id, correlation);
            throw new ConnectorException($"The Connector answered {(int)response.StatusCode}.", (int)response.StatusCode);
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new ResourceResponse(ReadId(body));
    }

    private static string? ReadId(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "id", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
