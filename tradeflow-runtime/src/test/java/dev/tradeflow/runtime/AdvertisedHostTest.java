package dev.tradeflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AdvertisedHostTest {

  private static String advertised(Map<String, String> env) {
    return ConfigLoader.load(Optional.empty(), env).http().advertisedHost();
  }

  @Test
  void listening_on_every_interface_advertises_the_loopback_address() {
    assertThat(advertised(Map.of())).isEqualTo("127.0.0.1");
  }

  @Test
  void listening_on_one_address_advertises_it() {
    assertThat(advertised(Map.of("TRADEFLOW_HTTP_HOST", "10.0.0.5"))).isEqualTo("10.0.0.5");
  }

  @Test
  void an_explicit_advertised_host_wins() {
    assertThat(advertised(Map.of("TRADEFLOW_HTTP_ADVERTISED_HOST", "tf-2.bank.internal")))
        .isEqualTo("tf-2.bank.internal");
  }
}
