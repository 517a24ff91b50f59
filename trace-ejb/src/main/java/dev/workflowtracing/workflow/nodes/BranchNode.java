package dev.workflowtracing.workflow.nodes;

import dev.workflowtracing.json.JsonFactory;
import dev.workflowtracing.workflow.NodeType;
import dev.workflowtracing.workflow.engine.execution.NodeAttempt;
import dev.workflowtracing.workflow.engine.execution.NodeHandler;
import dev.workflowtracing.workflow.engine.execution.RunState;
import dev.workflowtracing.workflow.engine.execution.Templates;
import io.opentelemetry.api.trace.Span;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates {@code config.condition} and outputs {@code result}: true or false, which picks the
 * outgoing edges whose {@code when} matches. Conditions compare two templated operands ({@code
 * ${nodes.call.status} == 200}) with ==, !=, &lt;, &lt;=, &gt;, &gt;= or contains; a lone operand
 * is true unless it is empty, "false" or "0".
 */
@ApplicationScoped
public class BranchNode implements NodeHandler {

  private static final Pattern COMPARISON =
      Pattern.compile("^(.*?)\\s*(==|!=|<=|>=|<|>|\\scontains\\s)\\s*(.*)$");

  @Override
  public NodeType type() {
    return NodeType.BRANCH;
  }

  @Override
  public JsonObject execute(NodeAttempt attempt) {
    String condition = attempt.node().configString("condition", "false");
    boolean result = evaluate(condition, attempt.state());
    Span.current().setAttribute("workflow.branch.result", result);
    return JsonFactory.createObjectBuilder().add("result", result).build();
  }

  static boolean evaluate(String condition, RunState state) {
    Matcher m = COMPARISON.matcher(condition.trim());
    if (!m.matches()) {
      String value = Templates.resolve(condition, state).trim();
      return !(value.isEmpty() || value.equalsIgnoreCase("false") || value.equals("0"));
    }
    String left = unquote(Templates.resolve(m.group(1), state).trim());
    String right = unquote(Templates.resolve(m.group(3), state).trim());
    String op = m.group(2).trim();
    if (op.equals("contains")) {
      return left.contains(right);
    }
    int order = compare(left, right);
    return switch (op) {
      case "==" -> order == 0;
      case "!=" -> order != 0;
      case "<" -> order < 0;
      case "<=" -> order <= 0;
      case ">" -> order > 0;
      default -> order >= 0;
    };
  }

  /** Numbers compare as numbers, anything else as text. */
  private static int compare(String left, String right) {
    try {
      return Double.compare(Double.parseDouble(left), Double.parseDouble(right));
    } catch (NumberFormatException e) {
      return left.compareTo(right);
    }
  }

  private static String unquote(String s) {
    return s.length() >= 2
            && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
        ? s.substring(1, s.length() - 1)
        : s;
  }
}
