namespace CompassionBot.CheckIns;

/// <summary>
/// What claiming a send row decided, and the claim's fence: only the instance that made this claim
/// (<see cref="CheckInStore.InstanceId"/>, at <see cref="ClaimedAt"/>) may move the row on to sending and sent.
/// </summary>
/// <param name="Outcome">What to do now.</param>
/// <param name="Key">The send row's idempotency key.</param>
/// <param name="ClaimedAt">The row's <c>claimed_at</c> as stored by this claim; null when nothing was claimed.</param>
internal sealed record CheckInClaim(ClaimOutcome Outcome, string Key, string? ClaimedAt);
