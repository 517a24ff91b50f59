-- The run list's most-expensive-first and most-tokens-first orders read from indices, as the
-- longest-first order is (version 10). PostgreSQL only.
create index runs_cost on runs ((coalesce(cost_nanos, -1)), run_id);
create index runs_tokens on runs ((coalesce(total_tokens, -1)), run_id);
