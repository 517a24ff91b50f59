package dev.workflowtracing.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The EAR the build just made, deployed as it is: the tests see what users deploy. */
final class Deployments {

  private Deployments() {}

  static EnterpriseArchive builtEar() {
    File ear = new File(System.getProperty("it.ear"));
    return ShrinkWrap.create(ZipImporter.class, "workflow-tracing.ear")
        .importFrom(ear)
        .as(EnterpriseArchive.class);
  }
}
