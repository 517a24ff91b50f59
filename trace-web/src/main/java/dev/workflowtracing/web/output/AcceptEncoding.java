package dev.workflowtracing.web.output;

/** The request's {@code Accept-Encoding}, read as RFC 9110 says. */
public final class AcceptEncoding {

  /** Below this, gzip saves less than the work costs. */
  public static final int GZIP_FROM_BYTES = 1_400;

  private AcceptEncoding() {}

  /** Whether Accept-Encoding allows the coding (named or {@code *}, and not {@code q=0}). */
  public static boolean accepts(String acceptEncoding, String coding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] fields = part.trim().split(";");
      String name = fields[0].trim();
      if (name.equalsIgnoreCase(coding) || name.equals("*")) {
        for (int i = 1; i < fields.length; i++) {
          if (fields[i].replace(" ", "").matches("q=0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }
}
