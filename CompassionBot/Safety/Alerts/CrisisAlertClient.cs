using System.Security.Cryptography;
using System.Text.Json;
using CompassionBot.Dialogs.Bot;
using CompassionBot.Hosting;
using Microsoft.Extensions.Options;

namespace CompassionBot.Safety.Alerts;

/// <summary>POSTs one alert to the clinic's webhook (typed HttpClient with the <c>crisis-alert</c> resilience pipeline).</summary>
internal sealed class CrisisAlertClient(HttpClient http, IOptions<CrisisAlertOptions> options, ClinicOptions clinic)
{
    /// <summary>Header carrying the alert's id (<see cref="CrisisAlert.AlertId"/>), so the receiver can drop repeats.</summary>
    public const string IdempotencyHeader = "Idempotency-Key";

    /// <summary>Header carrying <c>sha256=&lt;hex HMAC-SHA256 of the body&gt;</c> when a secret is configured.</summary>
    public const string SignatureHeader = "X-CompassionBot-Signature";

    /// <summary>Sends <paramref name="alert"/>.</summary>
    /// <exception cref="HttpRequestException">The webhook did not answer with a success status.</exception>
    /// <exception cref="InvalidOperationException">No webhook is configured.</exception>
    public async Task SendAsync(CrisisAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var url = options.Value.AlertWebhookUrl ?? throw new InvalidOperationException("Safety:AlertWebhookUrl is not set.");
        var payload = CrisisAlertPayload.From(alert, clinic.Name);
        var body = JsonSerializer.SerializeToUtf8Bytes(payload, CrisisAlertJsonContext.Default.CrisisAlertPayload);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonHttpContent.FromUtf8(body) };
        request.Headers.Add(IdempotencyHeader, alert.AlertId);
        if (options.Value.AlertWebhookSecret is { Length: > 0 } secret)
        {
            var signature = HMACSHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret), body);
            request.Headers.Add(SignatureHeader, "sha256=" + Convert.ToHexStringLower(signature));
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
