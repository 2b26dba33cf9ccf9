package com.comborec.core;

/** One stage's entry in the manifest's {@code stages} list. */
public record StageTiming(String name, String startedAt, double seconds, String status) {}
