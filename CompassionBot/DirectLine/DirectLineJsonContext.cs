using System.Text.Json.Serialization;

namespace CompassionBot.DirectLine;

/// <summary>Source-generated JSON metadata for the Direct Line wire types that are not activities.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(TokenParameters))]
[JsonSerializable(typeof(ConversationResponse))]
[JsonSerializable(typeof(DemoTokenResponse))]
[JsonSerializable(typeof(CrisisLineResponse))]
[JsonSerializable(typeof(ErrorResponse))]
[JsonSerializable(typeof(DirectLineNotificationPayload))]
internal sealed partial class DirectLineJsonContext : JsonSerializerContext;
