package dev.tradeflow.compliance.sanctions;

import java.time.Instant;

/**
 * Which edition of the list a screening used: the SHA-256 of its files (in a fixed order), how many
 * entries and aliases it holds, and when it was loaded. Screening results carry it as evidence.
 */
public record ListVersion(String sha256, int entries, int aliases, Instant loadedAt) {}
