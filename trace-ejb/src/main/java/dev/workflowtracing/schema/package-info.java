/** Database schema migrations (Flyway), run once at startup before any other bean. */
package dev.workflowtracing.schema;
