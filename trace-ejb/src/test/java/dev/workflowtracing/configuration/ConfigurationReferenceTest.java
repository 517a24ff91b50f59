package dev.workflowtracing.configuration;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.conventions.WorkflowAttributes;
import io.opentelemetry.api.common.AttributeKey;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md, the defaults and the code agree: every key the code reads is documented,
 * every documented key is read somewhere, and every default has a documented key.
 */
class ConfigurationReferenceTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern KEY =
      Pattern.compile("\"((?:tracing|otel|workflow)\\.[a-z0-9.-]+[a-z0-9])\"");
  private static final Pattern DOCUMENTED =
      Pattern.compile("^\\| `((?:tracing|otel|workflow)\\.[a-z0-9.-]+)`", Pattern.MULTILINE);

  @Test
  void everyKeyReadIsDocumentedAndEveryDocumentedKeyIsRead() throws IOException {
    Set<String> read = keysReadByTheCode();
    Set<String> documented = documentedKeys();

    assertThat(read).isNotEmpty();
    assertThat(documented).as("keys read but not in docs/configuration.md").containsAll(read);
    assertThat(read).as("keys in docs/configuration.md that no code reads").containsAll(documented);
  }

  @Test
  void everyDefaultIsDocumented() throws IOException {
    Properties defaults = new Properties();
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/microprofile-config.properties")) {
      defaults.load(in);
    }
    assertThat(documentedKeys()).containsAll(defaults.stringPropertyNames());
  }

  private static Set<String> keysReadByTheCode() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (String module : new String[] {"trace-ejb", "trace-web"}) {
      try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
        // EffectiveSettings shows whatever keys are set, by their spellings; it reads none.
        for (Path file :
            files
                .filter(p -> p.toString().endsWith(".java"))
                .filter(p -> !p.endsWith("EffectiveSettings.java"))
                .toList()) {
          Matcher key = KEY.matcher(Files.readString(file));
          while (key.find()) {
            keys.add(key.group(1));
          }
        }
      }
    }
    // Span attribute keys and the SDK's own metric names share the prefixes; they are not settings.
    keys.removeAll(attributeKeys());
    keys.removeIf(k -> k.startsWith("workflow.") && !isWorkflowSetting(k));
    keys.removeIf(k -> k.startsWith("otel.sdk."));
    return keys;
  }

  private static Set<String> attributeKeys() {
    Set<String> keys = new TreeSet<>();
    for (Field field : WorkflowAttributes.class.getFields()) {
      if (field.getType() == AttributeKey.class) {
        try {
          keys.add(((AttributeKey<?>) field.get(null)).getKey());
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return keys;
  }

  private static boolean isWorkflowSetting(String key) {
    return Stream.of(
            "workflow.samples.",
            "workflow.node.",
            "workflow.parallelism",
            "workflow.llm.",
            "workflow.http.",
            "workflow.queue.",
            "workflow.stats.",
            "workflow.run.timeout-ms")
        .anyMatch(key::startsWith);
  }

  private static Set<String> documentedKeys() throws IOException {
    Set<String> keys = new TreeSet<>();
    Matcher key = DOCUMENTED.matcher(Files.readString(ROOT.resolve("docs/configuration.md")));
    while (key.find()) {
      keys.add(key.group(1));
    }
    return keys;
  }
}
