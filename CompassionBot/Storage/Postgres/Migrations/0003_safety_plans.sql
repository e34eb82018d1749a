-- Safety plans the clinic has put on file, per channel and person; see RelationalSafetyPlanStore.
CREATE TABLE safety_plans (
    channel_id TEXT   NOT NULL,
    user_id    TEXT   NOT NULL,
    plan_text  TEXT   NOT NULL,
    updated_at BIGINT NOT NULL, -- Unix time, milliseconds
    PRIMARY KEY (channel_id, user_id)
);
