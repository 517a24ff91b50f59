package dev.workflowtracing.tracestore.read;

/**
 * How the API writes a whole trace (one JSON document, or JSON lines that a browser reads a slice
 * at a time). The web layer provides them; the trace cache keeps each encoding's bytes apart.
 */
public interface TraceEncoding {

  /** The media type this encoding writes; it names the encoding in the cache. */
  String mediaType();

  byte[] encode(TraceView trace);
}
