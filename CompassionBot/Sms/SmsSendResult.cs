namespace CompassionBot.Sms;

/// <summary>What became of an outbound SMS, with Twilio's message SID(s) when it was accepted.</summary>
/// <param name="Outcome">Sent, refused or not permitted.</param>
/// <param name="MessageSid">Twilio's SID of the accepted message (several, comma-separated, for a split text); null otherwise.</param>
public readonly record struct SmsSendResult(SmsSendOutcome Outcome, string? MessageSid = null);
