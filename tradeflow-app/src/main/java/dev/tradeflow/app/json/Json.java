package dev.tradeflow.app.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.tradeflow.domain.credit.FacilityCommand;
import dev.tradeflow.domain.credit.FacilityEvent;
import dev.tradeflow.domain.credit.FacilityId;
import dev.tradeflow.domain.credit.ReservationId;
import dev.tradeflow.domain.event.EventHash;
import dev.tradeflow.domain.issuance.SagaId;
import dev.tradeflow.domain.lc.AmendmentId;
import dev.tradeflow.domain.lc.CommandId;
import dev.tradeflow.domain.lc.LcCommand;
import dev.tradeflow.domain.lc.LcEvent;
import dev.tradeflow.domain.lc.LcId;
import dev.tradeflow.domain.lc.PresentationId;
import dev.tradeflow.domain.privacy.CardNumbers;
import dev.tradeflow.domain.review.CaseCommand;
import dev.tradeflow.domain.review.CaseEvent;
import dev.tradeflow.domain.review.CaseId;
import dev.tradeflow.runtime.dlq.DeadLetterId;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * The one JSON mapping of the service, used by the API, the command topic and the state stores. The
 * domain carries no Jackson annotations: identifiers are written as plain strings, decimals as
 * strings (no binary floating point on money), and the sealed command and event families are told
 * apart by a {@code type} property named after the record.
 */
public final class Json {

  /** Sealed families of the issuance flow written with a {@code type} property, like commands. */
  private static final List<Class<?>> TYPED_FAMILIES =
      List.of(FacilityCommand.class, FacilityEvent.class, CaseCommand.class, CaseEvent.class);

  private static final ObjectMapper MAPPER = build();

  /** {@link #MAPPER} with every text value's card numbers masked as it is read. */
  private static final ObjectMapper INBOUND =
      MAPPER
          .copy()
          .registerModule(
              new SimpleModule("pci-masking").addDeserializer(String.class, new MaskedText()));

  private Json() {}

  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The mapping for what clients send: as {@link #mapper()}, with card numbers (PANs) in every text
   * field masked on reading (PCI DSS), so that none reaches a topic or a store. Identifiers (LC,
   * command, presentation and amendment ids) are read as they are: ids are chosen by the bank's
   * systems, not typed as free text.
   */
  public static ObjectMapper inbound() {
    return INBOUND;
  }

  /** A JSON string, with its card numbers masked. */
  private static final class MaskedText extends StdScalarDeserializer<String> {
    MaskedText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      return CardNumbers.mask(StringDeserializer.instance.deserialize(parser, context));
    }
  }

  private static ObjectMapper build() {
    SimpleModule values = new SimpleModule("tradeflow-values");
    stringValue(values, LcId.class, LcId::value, LcId::new);
    stringValue(values, CommandId.class, CommandId::value, CommandId::new);
    stringValue(values, PresentationId.class, PresentationId::value, PresentationId::new);
    stringValue(values, AmendmentId.class, AmendmentId::value, AmendmentId::new);
    stringValue(values, EventHash.class, EventHash::hex, EventHash::new);
    stringValue(values, DeadLetterId.class, DeadLetterId::toString, DeadLetterId::parse);
    stringValue(values, SagaId.class, SagaId::value, SagaId::new);
    stringValue(values, CaseId.class, CaseId::value, CaseId::new);
    stringValue(values, FacilityId.class, FacilityId::value, FacilityId::new);
    stringValue(values, ReservationId.class, ReservationId::value, ReservationId::new);
    values.addDeserializer(LocalDate.class, new BusinessDateDeserializer());
    values.setMixInAnnotation(LcCommand.class, TypedByName.class);
    values.setMixInAnnotation(LcEvent.class, TypedByName.class);
    for (Class<?> family : TYPED_FAMILIES) {
      values.setMixInAnnotation(family, TypedByName.class);
    }

    ObjectMapper mapper =
        JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .addModule(values)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .defaultPropertyInclusion(
                JsonInclude.Value.construct(
                    JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_NULL))
            // Records are written by their components only, not by helpers such as isPositive().
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .build();
    mapper
        .configOverride(BigDecimal.class)
        .setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
    for (Class<?> type : LcCommand.class.getPermittedSubclasses()) {
      mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    for (Class<?> type : LcEvent.class.getPermittedSubclasses()) {
      mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
    }
    for (Class<?> family : TYPED_FAMILIES) {
      for (Class<?> type : family.getPermittedSubclasses()) {
        mapper.registerSubtypes(new NamedType(type, type.getSimpleName()));
      }
    }
    return mapper;
  }

  private static <T> void stringValue(
      SimpleModule module,
      Class<T> type,
      Function<T, String> toText,
      Function<String, T> fromText) {
    module.addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
              throws IOException {
            gen.writeString(toText.apply(value));
          }
        });
    module.addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser parser, DeserializationContext context)
              throws IOException {
            if (!parser.currentToken().isScalarValue()) {
              return type.cast(context.handleUnexpectedToken(type, parser));
            }
            try {
              return fromText.apply(parser.getValueAsString());
            } catch (IllegalArgumentException e) {
              throw context.weirdStringException(parser.getText(), type, e.getMessage());
            }
          }
        });
  }

  /** Reads or writes a value, turning Jackson's checked exception into an unchecked one. */
  public static byte[] toBytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * ISO dates within 1900-2999: business dates of a credit live there, and the log of record (Avro
   * {@code date}, days in an int) and the calendar arithmetic stay far from their limits.
   */
  private static final class BusinessDateDeserializer extends JsonDeserializer<LocalDate> {
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

    @Override
    public LocalDate deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != JsonToken.VALUE_STRING) {
        return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
      }
      String text = parser.getText();
      LocalDate date;
      try {
        date = LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw context.weirdStringException(
            text, LocalDate.class, "expected an ISO date YYYY-MM-DD");
      }
      if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
        throw context.weirdStringException(
            text, LocalDate.class, "a business date lies between " + EARLIEST + " and " + LATEST);
      }
      return date;
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  @JsonSubTypes({})
  private interface TypedByName {}
}
