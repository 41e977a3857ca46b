package dev.tradeflow.runtime.dlq;

import java.util.Objects;
import java.util.Optional;

/** Which open dead letters a replay re-publishes, oldest first. */
public sealed interface ReplaySelection {

  /** One dead letter; refused while an older open one of the same key and consumer waits. */
  record One(DeadLetterId id) implements ReplaySelection {
    public One {
      Objects.requireNonNull(id, "id");
    }
  }

  /** Every open dead letter with this key (UTF-8), of one original topic or of all. */
  record ByKey(String key, Optional<String> topic) implements ReplaySelection {
    public ByKey {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(topic, "topic");
    }
  }

  /** Every open dead letter, of one original topic or of all. */
  record All(Optional<String> topic) implements ReplaySelection {
    public All {
      Objects.requireNonNull(topic, "topic");
    }
  }
}
