package dev.workflowtracing.workflow;

import java.util.regex.Pattern;

/**
 * The {@code ${path}} placeholders of node configurations: where they are, and which paths a run
 * can fill ({@code input}, {@code input.name}, {@code nodes.ask.text}). Checked when a workflow is
 * saved; filled by the engine.
 */
public final class Placeholders {

  public static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private static final Pattern PATH =
      Pattern.compile("\\s*(input(\\.[^.\\s]+)*|nodes(\\.[^.\\s]+)+)\\s*");

  private Placeholders() {}

  /** Whether the text inside {@code ${...}} is a path: names joined by single dots. */
  public static boolean isPath(String path) {
    return PATH.matcher(path).matches();
  }
}
