package dev.tradeflow.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One embedded broker for every test class that asks for it (as a parameter), started on first use
 * and stopped when the whole test run ends.
 */
public final class SharedBroker implements ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SharedBroker.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedKafkaBroker.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("broker", key -> Running.start(), Running.class)
        .broker();
  }

  /** Closed by JUnit at the end of the run, as the root store closes AutoCloseable values. */
  private record Running(EmbeddedKafkaBroker broker, Path dir) implements AutoCloseable {

    static Running start() {
      try {
        Path dir = Files.createTempDirectory("tradeflow-shared-broker");
        int[] ports = FreePorts.take(2);
        return new Running(EmbeddedKafkaBroker.start(dir, ports[0], ports[1], false), dir);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      broker.close();
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
