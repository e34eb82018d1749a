-- Conversation references for proactive messages, one per channel and conversation (Bot Framework channels); see
-- RelationalConversationReferenceStore.
CREATE TABLE conversation_references (
    channel_id           TEXT   NOT NULL,
    conversation_id      TEXT   NOT NULL,
    reference            TEXT   NOT NULL, -- ConversationReference JSON
    service_url_verified BIGINT NOT NULL, -- 1 when the serviceUrl came from an authenticated activity
    updated_at           BIGINT NOT NULL, -- Unix time, milliseconds
    last_delivery        TEXT   NULL,     -- ProactiveDelivery JSON
    PRIMARY KEY (channel_id, conversation_id)
);
