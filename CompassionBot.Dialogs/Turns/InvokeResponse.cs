using System.Text.Json;

namespace CompassionBot.Dialogs.Turns;

/// <summary>
/// The answer to an <c>invoke</c> activity, written by the channel endpoint as the HTTP status and JSON body of the
/// inbound request. A turn that leaves <see cref="ITurnContext.InvokeResponse"/> null is answered with 501.
/// </summary>
/// <param name="Status">HTTP status code, e.g. 200.</param>
/// <param name="Body">Optional JSON body.</param>
public sealed record InvokeResponse(int Status, JsonElement? Body = null);
