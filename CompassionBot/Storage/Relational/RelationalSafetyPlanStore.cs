using CompassionBot.Dialogs.Safety;

namespace CompassionBot.Storage.Relational;

/// <summary>Safety plans in the clinic's database (migration 0003), one per channel and person, on SQLite or PostgreSQL.</summary>
internal sealed class RelationalSafetyPlanStore(IRelationalDatabase database) : ISafetyPlanStore
{
    public async Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var plans = await connection.Command(
            "SELECT plan_text, updated_at FROM safety_plans WHERE channel_id = @channel_id AND user_id = @user_id;",
            ("@channel_id", channelId),
            ("@user_id", userId)).ListAsync(
                reader => new SafetyPlan(reader.GetString(0), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1))),
                cancellationToken).ConfigureAwait(false);
        return plans.Count == 0 ? null : plans[0];
    }

    public async Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        await connection.Command(
            "INSERT INTO safety_plans (channel_id, user_id, plan_text, updated_at) VALUES (@channel_id, @user_id, @plan_text, @updated_at) " +
            "ON CONFLICT (channel_id, user_id) DO UPDATE SET plan_text = excluded.plan_text, updated_at = excluded.updated_at;",
            ("@channel_id", channelId),
            ("@user_id", userId),
            ("@plan_text", plan.Text),
            ("@updated_at", plan.UpdatedAt.ToUnixTimeMilliseconds())).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        var connection = write.Connection;
        return await connection.Command(
            "DELETE FROM safety_plans WHERE channel_id = @channel_id AND user_id = @user_id;",
            ("@channel_id", channelId),
            ("@user_id", userId)).RunAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
