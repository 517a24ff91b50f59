package dev.workflowtracing.ingest;

/**
 * What became of one request's spans: stored, or rejected (the OTLP partial success: invalid spans,
 * or spans the database refuses for good), with the reason for the first rejection.
 */
public record IngestResult(long stored, long rejected, String rejectionMessage) {}
