package dev.workflowtracing.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.workflowtracing.web.admin.AdminResource;
import dev.workflowtracing.web.admin.MetricsResource;
import dev.workflowtracing.web.runs.RunResource;
import dev.workflowtracing.web.security.MeResource;
import dev.workflowtracing.web.traces.TraceResource;
import dev.workflowtracing.web.ui.UiConfigResource;
import dev.workflowtracing.web.workflows.WorkflowResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The served OpenAPI document (docs/openapi.yaml) is valid YAML and lists every endpoint. */
class OpenApiDocumentTest {

  private static final Set<Class<?>> RESOURCES =
      Set.of(
          WorkflowResource.class,
          RunResource.class,
          TraceResource.class,
          AdminResource.class,
          MetricsResource.class,
          MeResource.class,
          UiConfigResource.class,
          OpenApiResource.class);

  @Test
  void everyEndpointIsDocumented() throws IOException {
    Set<String> documented = new TreeSet<>();
    paths(document())
        .forEach(
            (path, item) ->
                ((Map<?, ?>) item)
                    .keySet().stream()
                        .filter(Set.of("get", "put", "post", "delete")::contains)
                        .forEach(method -> documented.add(method + " " + path)));

    assertThat(documented).containsAll(endpoints());
  }

  private static Set<String> endpoints() {
    Set<String> endpoints = new TreeSet<>();
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = verb(method);
        if (verb != null) {
          Path path = method.getAnnotation(Path.class);
          endpoints.add(verb + " " + base + (path == null ? "" : path.value()));
        }
      }
    }
    return endpoints;
  }

  private static String verb(Method method) {
    if (method.isAnnotationPresent(GET.class)) {
      return "get";
    }
    if (method.isAnnotationPresent(PUT.class)) {
      return "put";
    }
    if (method.isAnnotationPresent(POST.class)) {
      return "post";
    }
    return method.isAnnotationPresent(DELETE.class) ? "delete" : null;
  }

  private static Map<?, ?> document() throws IOException {
    try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the classpath").isNotNull();
      return new Yaml().load(in);
    }
  }

  private static Map<?, ?> paths(Map<?, ?> document) {
    assertThat(document.get("openapi")).isEqualTo("3.0.3");
    return (Map<?, ?>) document.get("paths");
  }
}
