namespace CompassionBot.Tests.Support;

/// <summary>One request the fake Twilio API received.</summary>
public sealed record FakeTwilioMessage(string Path, string To, string From, string Body, int Status);
