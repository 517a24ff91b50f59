package dev.workflowtracing.instrumentation;

import jakarta.interceptor.InvocationContext;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * An {@link InvocationContext} around a plain call, standing in for the container in unit tests.
 */
public final class CallInvocation implements InvocationContext {

  private final Object[] parameters;
  private final Callable<Object> call;
  private final Map<String, Object> data = new HashMap<>();

  public CallInvocation(Callable<Object> call, Object... parameters) {
    this.call = call;
    this.parameters = parameters;
  }

  @Override
  public Object proceed() throws Exception {
    return call.call();
  }

  @Override
  public Object[] getParameters() {
    return parameters;
  }

  @Override
  public void setParameters(Object[] params) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Object getTarget() {
    return null;
  }

  @Override
  public Object getTimer() {
    return null;
  }

  @Override
  public Method getMethod() {
    return null;
  }

  @Override
  public Constructor<?> getConstructor() {
    return null;
  }

  @Override
  public Map<String, Object> getContextData() {
    return data;
  }
}
