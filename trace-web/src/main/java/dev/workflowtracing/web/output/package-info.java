/** How answers go out: content codings the client accepts (gzip of large JSON answers). */
package dev.workflowtracing.web.output;
