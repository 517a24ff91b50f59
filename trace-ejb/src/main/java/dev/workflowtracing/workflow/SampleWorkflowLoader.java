package dev.workflowtracing.workflow;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Loads the sample workflows listed in {@code samples/index.txt} (the config module) at startup, so
 * a fresh server has something to run. A sample already stored is left alone.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class SampleWorkflowLoader {

  private static final Logger LOG = Logger.getLogger(SampleWorkflowLoader.class.getName());

  @EJB WorkflowCatalog catalog;

  @Inject WorkflowSettings settings;

  @PostConstruct
  void load() {
    if (!settings.samplesEnabled()) {
      return;
    }
    int loaded = 0;
    for (String name : read("samples/index.txt").split("\\R")) {
      if (name.isBlank() || name.startsWith("#")) {
        continue;
      }
      try {
        if (catalog.saveIfAbsent(read("samples/" + name.trim()))) {
          loaded++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Sample workflow " + name + " was not loaded: " + e.getMessage());
      }
    }
    int count = loaded;
    LOG.info(() -> "Sample workflows loaded: " + count);
  }

  private static String read(String resource) {
    try (InputStream in =
        SampleWorkflowLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        return "";
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + resource, e);
    }
  }
}
