package dev.tradeflow.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The domain is pure Java: no Kafka, no Avro, no Jackson, no I/O. */
class DomainArchitectureTest {

  private static final JavaClasses DOMAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tradeflow.domain");

  private static final ArchRule ONLY_JAVA_AND_THE_DOMAIN =
      classes()
          .that()
          .resideInAPackage("dev.tradeflow.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("java..", "dev.tradeflow.domain..")
          .because("the domain is pure Java, shared by the processor, the replay tool and tests");

  private static final ArchRule NO_INFRASTRUCTURE_OR_IO =
      noClasses()
          .that()
          .resideInAPackage("dev.tradeflow.domain..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.apache.kafka..",
              "org.apache.avro..",
              "io.confluent..",
              "com.fasterxml.jackson..",
              "java.io..",
              "java.nio.file..",
              "java.net..",
              "java.sql..")
          .because("decide and evolve are pure functions: no messaging, no serialisation, no I/O");

  @Test
  void the_domain_depends_only_on_java_and_itself() {
    assertThat(DOMAIN).isNotEmpty();
    ONLY_JAVA_AND_THE_DOMAIN.check(DOMAIN);
  }

  @Test
  void the_domain_uses_no_messaging_serialisation_or_io() {
    NO_INFRASTRUCTURE_OR_IO.check(DOMAIN);
  }

  @Test
  void the_rules_catch_a_domain_class_that_reads_a_file() {
    JavaClasses offender = new ClassFileImporter().importClasses(ReadsAFile.class);

    assertThatThrownBy(() -> NO_INFRASTRUCTURE_OR_IO.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("java.nio.file.Files");
    assertThatThrownBy(() -> ONLY_JAVA_AND_THE_DOMAIN.check(offender))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(ClassFileImporter.class.getName());
  }

  /** A domain class gone wrong: it reads a file and reaches for a library. */
  static final class ReadsAFile {
    String holidays() throws IOException {
      new ClassFileImporter();
      return Files.readString(Path.of("holidays.txt"));
    }
  }
}
