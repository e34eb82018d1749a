using CompassionBot.Dialogs.Safety;
using Dapper;

namespace CompassionBot.Storage.Relational;

/// <summary>Safety plans in the clinic's database (migration 0003), one per channel and person, on SQLite or PostgreSQL.</summary>
internal sealed class RelationalSafetyPlanStore(IRelationalDatabase database) : ISafetyPlanStore
{
    public async Task<SafetyPlan?> GetAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<PlanRow>(new CommandDefinition(
            "SELECT plan_text, updated_at FROM safety_plans WHERE channel_id = @channelId AND user_id = @userId;",
            new { channelId, userId },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is null ? null : new SafetyPlan(row.PlanText, DateTimeOffset.FromUnixTimeMilliseconds(row.UpdatedAt));
    }

    public async Task SetAsync(string channelId, string userId, SafetyPlan plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        await write.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO safety_plans (channel_id, user_id, plan_text, updated_at) VALUES (@channelId, @userId, @planText, @updatedAt) " +
            "ON CONFLICT (channel_id, user_id) DO UPDATE SET plan_text = excluded.plan_text, updated_at = excluded.updated_at;",
            new { channelId, userId, planText = plan.Text, updatedAt = plan.UpdatedAt.ToUnixTimeMilliseconds() },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    public async Task<bool> RemoveAsync(string channelId, string userId, CancellationToken cancellationToken)
    {
        await using var write = await database.OpenWriteAsync(cancellationToken).ConfigureAwait(false);
        return await write.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM safety_plans WHERE channel_id = @channelId AND user_id = @userId;",
            new { channelId, userId },
            cancellationToken: cancellationToken)).ConfigureAwait(false) > 0;
    }

    private sealed record PlanRow
    {
        public required string PlanText { get; init; }

        public long UpdatedAt { get; init; }
    }
}
