package dev.workflowtracing.instrumentation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.instrumentation.EffectiveSettings.Setting;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class EffectiveSettingsTest {

  @Test
  void secretsAreMaskedWhateverTheirSpellingAndListedOnce() {
    // What SmallRye reports when WORKFLOW_LLM_API_KEY and OTEL_EXPORTER_OTLP_HEADERS are set.
    Map<String, String> config =
        Map.of(
            "workflow.llm.api.key", "sk-from-env",
            "workflow.llm.api-key", "sk-from-env",
            "otel.exporter.otlp.headers", "x-key=abc",
            "tracing.enabled", "true",
            "java.home", "/usr/lib/jvm");

    List<Setting> settings = EffectiveSettings.of(List.copyOf(config.keySet()), config::get);

    assertThat(settings)
        .extracting(Setting::key)
        .contains("workflow.llm.api-key", "otel.exporter.otlp.headers", "tracing.enabled")
        .doesNotContain("workflow.llm.api.key", "java.home");
    assertThat(settings).noneMatch(s -> String.valueOf(s.value()).contains("sk-from-env"));
    assertThat(settings).noneMatch(s -> String.valueOf(s.value()).contains("abc"));
    assertThat(settings)
        .filteredOn(s -> s.key().equals("tracing.enabled"))
        .extracting(Setting::value)
        .containsExactly("true");
  }

  @Test
  void onlyEnvironmentSpellingStillMasked() {
    List<Setting> settings =
        EffectiveSettings.of(List.of("workflow.db.password"), key -> "hunter2");

    assertThat(settings)
        .filteredOn(s -> s.key().equals("workflow.db.password"))
        .extracting(Setting::value, Setting::secret)
        .containsExactly(Tuple.tuple(EffectiveSettings.MASK, true));
    assertThat(EffectiveSettings.isSecret("workflow.llm.api.key")).isTrue();
    assertThat(EffectiveSettings.isSecret("WORKFLOW_LLM_API_KEY")).isTrue();
    assertThat(EffectiveSettings.isSecret("tracing.ui.enabled")).isFalse();
  }
}
