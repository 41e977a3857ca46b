package dev.tradeflow.domain.event;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A deterministic text form of an event for hashing, in the spirit of RFC 8785: records become JSON
 * objects with their fields sorted by name, absent values are left out, decimals are written
 * without trailing zeros. Leaving absent values out means that adding an optional field to an event
 * type never changes the hash of an event written before it existed.
 */
public final class CanonicalEncoding {

  /** Record components sorted by name, looked up once per record class. */
  private static final ClassValue<List<RecordComponent>> SORTED_COMPONENTS =
      new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
          List<RecordComponent> components = new ArrayList<>(List.of(type.getRecordComponents()));
          components.sort(Comparator.comparing(RecordComponent::getName));
          return List.copyOf(components);
        }
      };

  private CanonicalEncoding() {}

  public static String encode(Object value) {
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  private static void write(Object value, StringBuilder out) {
    if (value instanceof Optional<?> optional) {
      write(optional.orElse(null), out);
    } else if (value == null) {
      out.append("null");
    } else if (value instanceof Record record) {
      writeRecord(record, out);
    } else if (value instanceof Collection<?> collection) {
      out.append('[');
      String separator = "";
      for (Object element : collection) {
        out.append(separator);
        write(element, out);
        separator = ",";
      }
      out.append(']');
    } else if (value instanceof Map<?, ?> map) {
      writeMap(map, out);
    } else if (value instanceof BigDecimal decimal) {
      out.append(decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString());
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else if (value instanceof CharSequence
        || value instanceof Enum<?>
        || value instanceof TemporalAccessor
        || value instanceof Currency
        || value instanceof UUID) {
      writeString(value.toString(), out);
    } else {
      throw new IllegalArgumentException("no canonical encoding for " + value.getClass());
    }
  }

  private static void writeRecord(Record record, StringBuilder out) {
    out.append('{');
    String separator = "";
    for (RecordComponent component : SORTED_COMPONENTS.get(record.getClass())) {
      Object fieldValue = read(record, component);
      if (isAbsent(fieldValue)) {
        continue;
      }
      out.append(separator);
      writeString(component.getName(), out);
      out.append(':');
      write(fieldValue, out);
      separator = ",";
    }
    out.append('}');
  }

  private static void writeMap(Map<?, ?> map, StringBuilder out) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    entries.sort(Comparator.comparing(entry -> String.valueOf(entry.getKey())));
    out.append('{');
    String separator = "";
    for (Map.Entry<?, ?> entry : entries) {
      if (isAbsent(entry.getValue())) {
        continue;
      }
      out.append(separator);
      writeString(String.valueOf(entry.getKey()), out);
      out.append(':');
      write(entry.getValue(), out);
      separator = ",";
    }
    out.append('}');
  }

  private static boolean isAbsent(Object value) {
    return value == null || (value instanceof Optional<?> optional && optional.isEmpty());
  }

  private static Object read(Record record, RecordComponent component) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }

  private static void writeString(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
