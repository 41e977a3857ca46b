package dev.tradeflow.app.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.app.demo.DemoRunner;
import dev.tradeflow.domain.lc.LcStatus;
import org.junit.jupiter.api.Test;

/** The demo's scripted lifecycles, over the public API of the real service. */
class DemoIT {

  @Test
  void every_scripted_lifecycle_ends_as_ucp_600_says() throws Exception {
    DemoRunner.Summary summary = SharedKafka.sagaDemo();

    assertThat(summary.failures()).isEmpty();
    assertThat(summary.credits()).isGreaterThanOrEqualTo(20);
    assertThat(summary.countByStatus())
        .containsKeys(
            LcStatus.CLOSED,
            LcStatus.ADVISED,
            LcStatus.CONFIRMED,
            LcStatus.EXPIRED,
            LcStatus.REJECTED,
            LcStatus.CANCELLED);
    assertThat(summary.eventsWritten()).isGreaterThan(summary.credits() * 3L);
    assertThat(summary.sagasByStep()).containsOnlyKeys("ISSUED", "REJECTED", "ENDED");
    assertThat(summary.sagasByStep().get("REJECTED")).isEqualTo(12);
  }
}
