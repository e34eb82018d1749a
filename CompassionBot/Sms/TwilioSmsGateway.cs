using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;

namespace CompassionBot.Sms;

/// <summary>
/// <see cref="ISmsGateway"/> over the Twilio SDK's Messages API, on the <see cref="HttpClientName"/> client (base URL
/// rewrite and the retry/timeout pipeline, see <see cref="SmsServiceCollectionExtensions"/>).
/// </summary>
internal sealed class TwilioSmsGateway : ISmsGateway
{
    /// <summary>The named HttpClient the SDK sends through.</summary>
    public const string HttpClientName = "Twilio";

    /// <summary>Twilio's error code for a recipient who unsubscribed (texted STOP).</summary>
    public const int UnsubscribedRecipientCode = 21610;

    private readonly Lazy<ITwilioRestClient> _client;
    private readonly SmsOptions _options;
    private readonly ILogger<TwilioSmsGateway> _logger;

    public TwilioSmsGateway(IHttpClientFactory httpClients, IOptions<SmsOptions> options, ILogger<TwilioSmsGateway> logger)
    {
        ArgumentNullException.ThrowIfNull(httpClients);
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        _client = new Lazy<ITwilioRestClient>(() => new TwilioRestClient(
            _options.Twilio.AccountSid,
            _options.Twilio.AuthToken,
            accountSid: _options.Twilio.AccountSid,
            httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName))));
    }

    public async Task<SmsSendResult> SendAsync(string phone, string body, CancellationToken cancellationToken)
    {
        var message = new CreateMessageOptions(new Twilio.Types.PhoneNumber(phone))
        {
            From = new Twilio.Types.PhoneNumber(_options.Twilio.PhoneNumber),
            Body = body,
        };
        try
        {
            var created = await MessageResource.CreateAsync(message, _client.Value).WaitAsync(cancellationToken).ConfigureAwait(false);
            return new SmsSendResult(SmsSendOutcome.Sent, created.Sid);
        }
        catch (ApiException ex) when (ex.Code == UnsubscribedRecipientCode)
        {
            return new SmsSendResult(SmsSendOutcome.Unsubscribed);
        }
        catch (ApiException ex)
        {
            Log.TwilioRefused(_logger, ex.Code, ex.Status);
            return new SmsSendResult(SmsSendOutcome.Failed);
        }
        catch (Exception ex) when (ex is ApiConnectionException or HttpRequestException or TimeoutException
            or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            Log.TwilioUnreachable(_logger, ex.GetType().Name);
            return new SmsSendResult(SmsSendOutcome.Failed);
        }
    }
}
