package dev.tradeflow.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The dependency rules between the modules and inside the app. */
class ArchitectureTest {

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.tradeflow");

  @Test
  void the_domain_knows_nothing_of_the_modules_around_it() {
    noClasses()
        .that()
        .resideInAPackage("dev.tradeflow.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tradeflow.schemas..", "dev.tradeflow.runtime..", "dev.tradeflow.app..")
        .check(CLASSES);
  }

  @Test
  void schemas_runtime_audit_and_compliance_do_not_reach_into_the_app() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.tradeflow.schemas..",
            "dev.tradeflow.runtime..",
            "dev.tradeflow.audit..",
            "dev.tradeflow.compliance..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.tradeflow.app..")
        .check(CLASSES);
  }

  @Test
  void other_modules_use_only_the_public_api_of_schemas_runtime_audit_and_compliance() {
    for (String module : new String[] {"schemas", "runtime", "audit", "compliance"}) {
      noClasses()
          .that()
          .resideOutsideOfPackage("dev.tradeflow." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.tradeflow." + module + "..internals..")
          .check(CLASSES);
    }
  }

  @Test
  void the_merkle_trees_and_checkpoints_know_nothing_of_kafka() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.tradeflow.audit.merkle..", "dev.tradeflow.audit.checkpoint..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.apache.kafka..", "dev.tradeflow.runtime..")
        .check(CLASSES);
  }

  @Test
  void screening_is_pure_java_without_kafka_or_the_runtime() {
    noClasses()
        .that()
        .resideInAPackage("dev.tradeflow.compliance..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..",
            "org.apache.avro..",
            "dev.tradeflow.runtime..",
            "dev.tradeflow.schemas..",
            "java.sql..")
        .because("the rules are tested, measured and replayed without infrastructure")
        .check(CLASSES);
  }

  @Test
  void the_command_processor_does_not_depend_on_the_api_or_the_cli() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.tradeflow.app.processor..", "dev.tradeflow.app.query..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "dev.tradeflow.app.api..", "dev.tradeflow.app.cli..", "dev.tradeflow.app.demo..")
        .check(CLASSES);
  }
}
