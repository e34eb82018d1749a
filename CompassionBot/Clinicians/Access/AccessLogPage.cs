namespace CompassionBot.Clinicians.Access;

/// <summary>A page of the access log, newest first.</summary>
/// <param name="Entries">At most the page's <c>limit</c> entries.</param>
/// <param name="NextBefore">The <c>before</c> of the next (older) page; null on the last page.</param>
public sealed record AccessLogPage(IReadOnlyList<AccessLogEntry> Entries, long? NextBefore);
