using CompassionBot.Dialogs.Bot;
using CompassionBot.Dialogs.Content;
using CompassionBot.Dialogs.Safety;
using CompassionBot.Dialogs.Schema;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CompassionBot.DirectLine;

/// <summary>
/// <c>GET /api/webchat/crisis-line?locale=es-MX</c>: the lines the web chat page names in its "If you need help now"
/// panel, resolved exactly as the bot resolves them for a Direct Line activity in that locale (<see cref="CrisisRegion"/>),
/// so the page, the welcome, help and the referral agree. Public numbers only; nothing about the person is kept.
/// </summary>
internal static class WebChatCrisisLineEndpoints
{
    public const string Path = "/api/webchat/crisis-line";

    public static IEndpointRouteBuilder MapWebChatCrisisLineEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, GetCrisisLine);
        return endpoints;
    }

    private static JsonHttpResult<CrisisLineResponse> GetCrisisLine(string? locale, MessageCatalog messages, ClinicOptions clinic)
    {
        var activity = new Activity { Type = ActivityTypes.Message, ChannelId = DirectLineConversationService.ChannelId, Locale = locale };
        var region = CrisisRegion.Resolve(activity, clinic.Region, messages);
        var crisisLine = messages.Get(CrisisRegion.MessageKey(messages, CrisisLine.KeyPrefix, region), locale);
        var emergencyLine = messages.Get(CrisisRegion.MessageKey(messages, CrisisLine.EmergencyKeyPrefix, region), locale);
        return TypedResults.Json(new CrisisLineResponse(region, crisisLine, emergencyLine), DirectLineJsonContext.Default.CrisisLineResponse);
    }
}
