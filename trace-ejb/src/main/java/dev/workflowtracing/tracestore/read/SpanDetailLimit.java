package dev.workflowtracing.tracestore.read;

/**
 * How much of each span a whole-trace read carries. Attributes and events are most of a span's
 * bytes: a trace of 110,000 failed attempts, each with its stack trace, is half a gigabyte of JSON,
 * more than a server should build in memory or a browser parse. Above {@code maxChars} of stored
 * attributes and events, or when a client asks, a trace's spans come without them; each span's own
 * read ({@code /spans/{spanId}}) still has them.
 *
 * @param maxChars the most characters of stored attributes and events a trace may carry
 * @param omitAlways the client asked for the spans without them
 */
public record SpanDetailLimit(long maxChars, boolean omitAlways) {

  public static SpanDetailLimit upTo(long maxChars) {
    return new SpanDetailLimit(maxChars, false);
  }

  public SpanDetailLimit omittingAlways() {
    return new SpanDetailLimit(maxChars, true);
  }

  /** Whether a trace with this many characters of attributes and events goes without them. */
  public boolean omits(long storedChars) {
    return omitAlways || storedChars > maxChars;
  }

  /**
   * Names the variant in the cache beside the media type: an asked-for slim trace is kept apart
   * from the usual one (which is slim only above the limit, the same for every reader).
   */
  String variant() {
    return omitAlways ? ";details=omitted" : "";
  }
}
