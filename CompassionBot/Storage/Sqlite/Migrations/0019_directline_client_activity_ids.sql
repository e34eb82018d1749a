-- The client's own id of a posted activity (Web Chat's channelData.clientActivityID), so that a retried post is
-- recognised and answered with the activity it first created, and not logged or answered twice (see
-- RelationalDirectLineStore.AppendFromClientAsync). NULL for the bot's activities and posts without one.
-- Twin of the PostgreSQL 0019.
ALTER TABLE directline_activities ADD COLUMN client_activity_id TEXT NULL;

CREATE UNIQUE INDEX directline_activities_client_activity_id ON directline_activities (conversation_id, client_activity_id)
WHERE client_activity_id IS NOT NULL;
