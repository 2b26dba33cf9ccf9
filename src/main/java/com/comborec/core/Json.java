package com.comborec.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.Map;

/** JSON in and out for manifests and small sidecar files (Jackson comes with Spark). */
public final class Json {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Records as manifest sections: snake_case names, null components left out. */
  private static final ObjectMapper TREE =
      new ObjectMapper()
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private Json() {}

  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise to JSON", e);
    }
  }

  /** A record (or map) as nested maps, lists and plain values, with snake_case field names. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> tree(Object value) {
    return TREE.convertValue(value, Map.class);
  }

  @SuppressWarnings("unchecked")
  public static Map<String, Object> readMap(String json) {
    try {
      return MAPPER.readValue(json, Map.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("invalid JSON: " + e.getOriginalMessage(), e);
    }
  }
}
