package dev.workflowtracing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.SpanRole;
import dev.workflowtracing.conventions.WorkflowAttributes;
import io.opentelemetry.api.common.AttributeKey;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The span contract has one source, the conventions package; the Canvas's constants for attribute
 * keys and span roles must name only what it defines.
 */
class SpanConventionsContractTest {

  private static final Path CANVAS = Path.of("src/main/frontend/src");

  @Test
  void everyAttributeKeyTheCanvasReadsIsAConvention() throws IOException {
    List<String> canvasKeys = quotedValuesOf("export const ATTR = {");
    List<String> javaKeys =
        Arrays.stream(WorkflowAttributes.class.getFields())
            .filter(f -> Modifier.isStatic(f.getModifiers()))
            .filter(f -> f.getType() == AttributeKey.class)
            .map(SpanConventionsContractTest::keyOf)
            .toList();

    assertThat(canvasKeys).isNotEmpty();
    assertThat(javaKeys).containsAll(canvasKeys);
    assertThat(canvasKeys).contains(WorkflowAttributes.SPAN_ROLE.getKey());
  }

  @Test
  void theCanvasKnowsTheSpanRoles() throws IOException {
    assertThat(quotedValuesOf("export const SPAN_ROLE = {"))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(SpanRole.values()).map(SpanRole::value).toList());
  }

  /** The quoted strings of the object literal that starts with {@code declaration}. */
  private static List<String> quotedValuesOf(String declaration) throws IOException {
    try (Stream<Path> files = Files.walk(CANVAS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".ts")).toList()) {
        String text = Files.readString(file);
        int start = text.indexOf(declaration);
        if (start >= 0) {
          String body = text.substring(start, text.indexOf('}', start));
          List<String> values = new ArrayList<>();
          Matcher quoted = Pattern.compile("'([^']+)'").matcher(body);
          while (quoted.find()) {
            values.add(quoted.group(1));
          }
          return values;
        }
      }
    }
    throw new AssertionError("No \"" + declaration + "\" under " + CANVAS);
  }

  private static String keyOf(Field field) {
    try {
      return ((AttributeKey<?>) field.get(null)).getKey();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
