package dev.tradeflow.app.json;

import com.fasterxml.jackson.databind.JavaType;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/** A Kafka serde writing values with the service's one JSON mapping. */
public final class JsonSerde<T> implements Serde<T> {

  private final JavaType type;

  private JsonSerde(JavaType type) {
    this.type = type;
  }

  public static <T> JsonSerde<T> of(Class<T> type) {
    return new JsonSerde<>(Json.mapper().constructType(type));
  }

  @Override
  public Serializer<T> serializer() {
    return (topic, value) -> value == null ? null : Json.toBytes(value);
  }

  @Override
  public Deserializer<T> deserializer() {
    return (topic, data) -> {
      if (data == null) {
        return null;
      }
      try {
        return Json.mapper().readValue(data, type);
      } catch (IOException e) {
        throw new SerializationException(
            "not a " + type.getRawClass().getSimpleName() + ": " + e.getMessage(), e);
      }
    };
  }
}
