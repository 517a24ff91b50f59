/**
 * The API's edge: every request passes here before a resource sees it. Headers, path and query
 * texts are checked once ({@link dev.workflowtracing.web.input.RequestGuard}), bodies are bounded
 * in size ({@link dev.workflowtracing.web.input.RequestSizeLimit}) and in shape ({@link
 * dev.workflowtracing.web.input.JsonBodyReader}), and parameters are parsed with the checks in
 * {@link dev.workflowtracing.web.input.Params}. What fails becomes a 4xx problem that says what to
 * fix.
 */
package dev.workflowtracing.web.input;
