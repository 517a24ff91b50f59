-- What each run's model calls used and cost (issue: across runs), kept with the run when it ends:
-- tokens in and out and their sum (the run list sorts by it), cost in billionths of
-- workflow.llm.currency (null when no model had a price), and of that what went to attempts that
-- failed. Null for runs that ended before this version.
alter table runs add column input_tokens bigint;
alter table runs add column output_tokens bigint;
alter table runs add column total_tokens bigint;
alter table runs add column cost_nanos bigint;
alter table runs add column failed_attempt_tokens bigint;
alter table runs add column failed_attempt_cost_nanos bigint;
