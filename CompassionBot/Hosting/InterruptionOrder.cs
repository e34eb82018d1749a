namespace CompassionBot.Hosting;

/// <summary>
/// The order in which the bot tries interruptions, first to last (<see cref="InterruptionRegistration"/>); the order
/// of registration plays no part.
/// </summary>
internal enum InterruptionOrder
{
    /// <summary>SMS carrier keywords: on SMS "STOP" is a legal opt-out, so it comes before the bot's own "stop".</summary>
    SmsKeywords,

    /// <summary>The answer to a check-in ("1", "later") and schedule changes by text.</summary>
    CheckInReply,

    /// <summary>"link CODE" / "vincular CODE" and "unlink": sharing the practice history with the clinician.</summary>
    ClientLink,

    /// <summary>Help, menu, stop, pause and language switches.</summary>
    Core,
}
