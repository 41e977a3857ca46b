package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.TradeflowService;
import dev.tradeflow.app.compliance.KafkaDocumentRegister;
import dev.tradeflow.compliance.screening.DocumentReference;
import dev.tradeflow.runtime.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The document register on a real broker: two compliance instances claiming one bill of lading for
 * two credits at once agree on whose it is, and an instance started later knows it too.
 */
class DocumentRegisterIT {

  @Test
  void instances_agree_on_the_first_claim_and_a_new_one_reads_it_from_the_log() throws Exception {
    TradeflowService service = SharedKafka.service();
    KafkaClients clients = new KafkaClients(service.config(), service.bootstrapServers());
    DocumentReference billOfLading =
        new DocumentReference(
            DocumentReference.Kind.BILL_OF_LADING, "Maersk A/S", "REG-" + UUID.randomUUID());
    Duration timeout = Duration.ofSeconds(30);
    try (KafkaDocumentRegister one =
            KafkaDocumentRegister.open(clients, timeout, Clock.systemUTC());
        KafkaDocumentRegister two =
            KafkaDocumentRegister.open(clients, timeout, Clock.systemUTC())) {
      CompletableFuture<Optional<String>> underA =
          CompletableFuture.supplyAsync(() -> one.recordAndFindOther(billOfLading, "LC-A"));
      CompletableFuture<Optional<String>> underB =
          CompletableFuture.supplyAsync(() -> two.recordAndFindOther(billOfLading, "LC-B"));
      Optional<String> a = underA.get();
      Optional<String> b = underB.get();
      // Exactly one of them came first, and the other is told whose it is.
      assertThat(a.isEmpty() ^ b.isEmpty()).as("a=%s b=%s", a, b).isTrue();
      String owner = a.isEmpty() ? "LC-A" : "LC-B";
      assertThat(a.or(() -> b)).contains(owner);
      // The owner may screen it again; nobody else may.
      assertThat(one.recordAndFindOther(billOfLading, owner)).isEmpty();
      assertThat(two.recordAndFindOther(billOfLading, "LC-C")).contains(owner);

      try (KafkaDocumentRegister later =
          KafkaDocumentRegister.open(clients, timeout, Clock.systemUTC())) {
        assertThat(later.recordAndFindOther(billOfLading, "LC-D")).contains(owner);
        assertThat(later.recordAndFindOther(billOfLading, owner)).isEmpty();
      }
    }
  }
}
