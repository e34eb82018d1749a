using System.Globalization;
using CompassionBot.Sms;
using CompassionBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CompassionBot.CheckIns;

/// <summary>Enrolments and check-in sends on SQLite. A slot's idempotency key is the primary key of its send row.</summary>
internal sealed partial class CheckInStore(SqliteDatabase database, TimeProvider timeProvider)
{
    private const string Columns =
        "id, phone, clinician, time_zone, locale, days, local_time, start_date, end_date, status, paused_until, " +
        "every_nth_slot, slots_to_skip, unanswered_streak, confirmed_at, created_at";

    public async Task CreateAsync(CheckInEnrolment enrolment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(enrolment);
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Execute(
            $"INSERT INTO checkin_enrolments ({Columns}, updated_at) VALUES ($id, $phone, $clinician, $zone, $locale, $days, $time, $start, $end, $status, NULL, 1, 0, 0, NULL, $now, $now)",
            ("$id", enrolment.Id), ("$phone", enrolment.Phone), ("$clinician", enrolment.Clinician), ("$zone", enrolment.TimeZone),
            ("$locale", enrolment.Locale), ("$days", enrolment.Schedule.DaysText), ("$time", enrolment.Schedule.TimeText),
            ("$start", Date(enrolment.StartDate)), ("$end", enrolment.EndDate is { } end ? Date(end) : null),
            ("$status", "active"), ("$now", SmsSqlite.Format(enrolment.CreatedAt)));
    }

    public async Task<CheckInEnrolment?> GetAsync(string id, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return Read(connection, $"SELECT {Columns} FROM checkin_enrolments WHERE id = $id", ("$id", id)).FirstOrDefault();
    }

    /// <summary>The newest enrolment of <paramref name="phone"/> that has not ended.</summary>
    public async Task<CheckInEnrolment?> FindActiveByPhoneAsync(string phone, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return Read(connection, $"SELECT {Columns} FROM checkin_enrolments WHERE phone = $phone AND status <> 'ended' ORDER BY created_at DESC LIMIT 1", ("$phone", phone)).FirstOrDefault();
    }

    /// <summary>Every enrolment that has not ended.</summary>
    public async Task<IReadOnlyList<CheckInEnrolment>> ListOpenAsync(CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return Read(connection, $"SELECT {Columns} FROM checkin_enrolments WHERE status <> 'ended' ORDER BY id");
    }

    /// <summary>Sets the status (and pause end); false when the enrolment does not exist or has ended.</summary>
    public async Task<bool> SetStatusAsync(string id, EnrolmentStatus status, DateTimeOffset? pausedUntil, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return connection.Execute(
            "UPDATE checkin_enrolments SET status = $status, paused_until = $until, updated_at = $now WHERE id = $id AND status <> 'ended'",
            ("$id", id), ("$status", status.ToString().ToLowerInvariant()), ("$until", pausedUntil is { } until ? SmsSqlite.Format(until) : null),
            ("$now", Now())) > 0;
    }

    /// <summary>Moves the local time of <paramref name="enrolmentId"/>'s check-ins.</summary>
    public async Task ChangeTimeAsync(string enrolmentId, TimeOnly time, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Execute(
            "UPDATE checkin_enrolments SET local_time = $time, updated_at = $now WHERE id = $id",
            ("$id", enrolmentId), ("$time", time.ToString("HH:mm", CultureInfo.InvariantCulture)), ("$now", Now()));
    }

    /// <summary>
    /// Records that <paramref name="phone"/> answered its latest check-in (any text counts), which resets the unanswered
    /// streak and the frequency. True when that check-in was still unanswered: this text is the reply to it.
    /// </summary>
    public async Task<bool> TryMarkAnsweredAsync(string phone, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using var command = connection.Command(
            "SELECT s.idempotency_key, s.enrolment_id, s.answered_at FROM checkin_sends s JOIN checkin_enrolments e ON e.id = s.enrolment_id " +
            "WHERE e.phone = $phone AND s.status = 'sent' ORDER BY s.sent_at DESC LIMIT 1",
            ("$phone", phone));
        string key, enrolmentId;
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || !reader.IsDBNull(2))
            {
                return false;
            }

            (key, enrolmentId) = (reader.GetString(0), reader.GetString(1));
        }

        connection.Execute("UPDATE checkin_sends SET answered_at = $now WHERE idempotency_key = $key AND answered_at IS NULL", ("$key", key), ("$now", Now()));
        connection.Execute(
            "UPDATE checkin_enrolments SET unanswered_streak = 0, every_nth_slot = 1, slots_to_skip = 0, updated_at = $now WHERE id = $id",
            ("$id", enrolmentId), ("$now", Now()));
        return true;
    }

    public async Task RecordNotificationAsync(CheckInEnrolment enrolment, string kind, CancellationToken cancellationToken)
    {
        using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        connection.Execute(
            "INSERT INTO clinician_notifications (enrolment_id, clinician, kind, created_at) VALUES ($id, $clinician, $kind, $now)",
            ("$id", enrolment.Id), ("$clinician", enrolment.Clinician), ("$kind", kind), ("$now", Now()));
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        return database.OpenConnection();
    }

    private string Now() => SmsSqlite.Format(timeProvider.GetUtcNow());

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<CheckInEnrolment> Read(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var enrolments = new List<CheckInEnrolment>();
        while (reader.Read())
        {
            enrolments.Add(new CheckInEnrolment(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                reader.GetString(3),
                reader.GetString(4),
                CheckInSchedule.Parse(reader.GetString(5).Split(','), reader.GetString(6))!,
                DateOnly.ParseExact(reader.GetString(7), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                reader.IsDBNull(8) ? null : DateOnly.ParseExact(reader.GetString(8), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                Enum.Parse<EnrolmentStatus>(reader.GetString(9), ignoreCase: true),
                SmsSqlite.ParseOrNull(reader, 10),
                reader.GetInt32(11),
                reader.GetInt32(12),
                reader.GetInt32(13),
                SmsSqlite.ParseOrNull(reader, 14),
                SmsSqlite.Parse(reader.GetString(15))));
        }

        return enrolments;
    }
}
