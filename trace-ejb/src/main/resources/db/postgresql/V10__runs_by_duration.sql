-- The run list's longest-first order (RunOrder.LONGEST_FIRST: coalesce(duration_ms, -1), then the
-- run id, both descending) read from an index instead of a sort of every matching run, which grows
-- with the store; alone and with the workflow or the status filter. PostgreSQL only (H2 has no
-- index on an expression; there this migration does nothing). On the partitioned table each index
-- is made on every partition, those of today and those made later.
create index runs_duration on runs ((coalesce(duration_ms, -1)), run_id);
create index runs_workflow_duration on runs (workflow_id, (coalesce(duration_ms, -1)), run_id);
create index runs_status_duration on runs (status, (coalesce(duration_ms, -1)), run_id);
