-- How many spans a run should have produced (root + executed nodes + attempts), written when the
-- run ends; a trace is complete when that many spans are stored and none is an orphan.
alter table runs add column expected_span_count integer;
