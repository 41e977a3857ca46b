package dev.tradeflow.domain.user;

import java.util.Objects;
import java.util.Set;

/** Who asks: an authenticated user's name and roles. */
public record User(String name, Set<Role> roles) {

  public User {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a user has a name");
    }
    name = name.strip();
    roles = Set.copyOf(roles);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }
}
