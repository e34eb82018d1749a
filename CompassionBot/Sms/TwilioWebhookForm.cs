using System.Text;
using CompassionBot.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace CompassionBot.Sms;

/// <summary>
/// Reads the form Twilio posts (<c>application/x-www-form-urlencoded</c>; Twilio sends nothing else) within bounds
/// far above any real webhook's: at most <see cref="MaxBodyBytes"/>, <see cref="MaxFields"/> fields and keys of
/// <see cref="MaxKeyLength"/> characters. Whatever it is sent, it answers a form or a refusal (never an exception).
/// </summary>
internal static class TwilioWebhookForm
{
    /// <summary>Largest body read, in bytes (an SMS webhook is about 1 KB; a 1,600-character body and 10 media URLs fit).</summary>
    public const int MaxBodyBytes = 64 * 1024;

    /// <summary>Most fields read (an MMS with 10 media has about 40).</summary>
    public const int MaxFields = 128;

    /// <summary>Longest field name read (Twilio's are under 32 characters).</summary>
    public const int MaxKeyLength = 128;

    /// <summary>The form, or the status and reason (for the log) of its refusal.</summary>
    public static async Task<(FormCollection? Form, int Status, string? Reason)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            return (null, StatusCodes.Status415UnsupportedMediaType, "not an urlencoded form");
        }

        var body = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return (null, StatusCodes.Status413PayloadTooLarge, $"body over {MaxBodyBytes} bytes");
        }

        using var reader = new FormReader(Encoding.UTF8.GetString(body))
        {
            ValueCountLimit = MaxFields,
            KeyLengthLimit = MaxKeyLength,
            ValueLengthLimit = MaxBodyBytes,
        };
        try
        {
            return (new FormCollection(await reader.ReadFormAsync(cancellationToken).ConfigureAwait(false)), StatusCodes.Status200OK, null);
        }
        catch (InvalidDataException)
        {
            return (null, StatusCodes.Status400BadRequest, $"more than {MaxFields} fields or a field name over {MaxKeyLength} characters");
        }
    }

    /// <summary>Whether any field name or value holds a NUL character, which no text column takes.</summary>
    public static bool HasNul(IFormCollection form) =>
        form.Any(field => field.Key.Contains('\0', StringComparison.Ordinal) || field.Value.Any(value => value?.Contains('\0', StringComparison.Ordinal) == true));
}
