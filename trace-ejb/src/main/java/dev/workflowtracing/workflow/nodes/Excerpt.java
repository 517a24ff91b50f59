package dev.workflowtracing.workflow.nodes;

/** The start of a text for a message or a reply: at most so many characters, then "…". */
final class Excerpt {

  private Excerpt() {}

  static String of(String text, int maxChars) {
    return text.length() > maxChars ? text.substring(0, maxChars) + "…" : text;
  }
}
