using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Storage.Sqlite;

/// <summary>Safety plans in the SQLite file (migration 0003), one per channel and person.</summary>
internal sealed class SqliteSafetyPlanStore(SqliteDatabase database) : ISafetyPlanStore
{
    public async Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT plan_text, updated_at FROM safety_plans WHERE channel_id = $channel_id AND user_id = $user_id;";
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$user_id", userId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? new SafetyPlan(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))) : null;
    }

    public async Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText =
            "INSERT INTO safety_plans (channel_id, user_id, plan_text, updated_at) VALUES ($channel_id, $user_id, $plan_text, $updated_at) " +
            "ON CONFLICT (channel_id, user_id) DO UPDATE SET plan_text = excluded.plan_text, updated_at = excluded.updated_at;";
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$user_id", userId);
        command.Parameters.AddWithValue("$plan_text", plan.Text);
        command.Parameters.AddWithValue("$updated_at", plan.UpdatedAt.ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await database.EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        using var connection = database.OpenConnection();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM safety_plans WHERE channel_id = $channel_id AND user_id = $user_id;";
        command.Parameters.AddWithValue("$channel_id", channelId);
        command.Parameters.AddWithValue("$user_id", userId);
        return command.ExecuteNonQuery() > 0;
    }
}
