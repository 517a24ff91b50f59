-- A run's span count is counted from spans when the run is read (RunRecord.spanCount): keeping
-- this column up to date cost an update of the run row per trace in every span batch.
alter table runs drop column span_count;
