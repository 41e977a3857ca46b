package dev.tradeflow.app.api;

import io.javalin.config.RoutesConfig;

/**
 * A group of routes a part of the service adds to the API (reports, dead letters), answered with
 * the API's problem details for bad requests and failures.
 */
@FunctionalInterface
public interface RouteSet {

  void addTo(RoutesConfig routes);
}
