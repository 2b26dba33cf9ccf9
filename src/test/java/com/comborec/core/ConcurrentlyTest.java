package com.comborec.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrentlyTest {

  @Test
  void resultsComeBackInTheKeysOrder() {
    Map<String, Callable<Integer>> tasks = new LinkedHashMap<>();
    tasks.put("c", () -> 3);
    tasks.put("a", () -> 1);
    tasks.put("b", () -> 2);

    Map<String, Integer> out = Concurrently.call(tasks, 2);

    assertEquals(List.of("c", "a", "b"), List.copyOf(out.keySet()));
    assertEquals(List.of(3, 1, 2), List.copyOf(out.values()));
  }

  @Test
  void tasksRunAtTheSameTime() {
    // Each task waits for the other: one after another, the first would time out.
    CountDownLatch both = new CountDownLatch(2);
    Callable<Boolean> meet =
        () -> {
          both.countDown();
          return both.await(20, TimeUnit.SECONDS);
        };
    Map<Integer, Callable<Boolean>> tasks = new LinkedHashMap<>();
    tasks.put(1, meet);
    tasks.put(2, meet);

    assertEquals(Map.of(1, true, 2, true), Concurrently.call(tasks, 2));
  }

  @Test
  void oneThreadRunsOnTheCallersThread() {
    Thread caller = Thread.currentThread();
    Map<Integer, Callable<Boolean>> tasks = new LinkedHashMap<>();
    tasks.put(1, () -> Thread.currentThread() == caller);
    tasks.put(2, () -> Thread.currentThread() == caller);

    assertEquals(Map.of(1, true, 2, true), Concurrently.call(tasks, 1));
  }

  @Test
  void aFailureIsRethrownAsItWas() {
    Map<Integer, Callable<Integer>> tasks = new LinkedHashMap<>();
    tasks.put(1, () -> 1);
    tasks.put(
        2,
        () -> {
          throw new IllegalArgumentException("bad rows at cutoff 2011-07-03");
        });

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Concurrently.call(tasks, 2));
    assertTrue(e.getMessage().contains("2011-07-03"));
  }
}
