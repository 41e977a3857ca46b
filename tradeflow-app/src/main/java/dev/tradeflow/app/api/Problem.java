package dev.tradeflow.app.api;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An RFC 9457 problem detail: {@code type} names the kind of problem (a stable code), {@code
 * detail} says what to fix; {@code extensions} add machine-readable members (the field at fault,
 * the command's outcome).
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    Map<String, Object> extensions) {

  public static final String CONTENT_TYPE = "application/problem+json";

  public Problem {
    extensions = Map.copyOf(extensions);
  }

  public static Problem of(int status, String code, String title, String detail, String instance) {
    return new Problem("urn:tradeflow:problem:" + code, title, status, detail, instance, Map.of())
        .with("code", code);
  }

  public Problem with(String name, Object value) {
    Map<String, Object> more = new HashMap<>(extensions);
    more.put(name, value);
    return new Problem(type, title, status, detail, instance, more);
  }

  /** The JSON members: the standard ones first, then the extensions. */
  public Map<String, Object> body() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    body.put("instance", instance);
    body.putAll(extensions);
    return body;
  }
}
