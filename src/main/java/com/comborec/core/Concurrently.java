package com.comborec.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs independent pieces of driver work side by side, for work made of many small Spark jobs that
 * leave the cluster idle between them. Spark's scheduler takes jobs from several driver threads;
 * each thread inherits the caller's Spark local properties (job group, description) when created.
 */
public final class Concurrently {
  private Concurrently() {}

  /**
   * Each task's result under its key, in the keys' order; at most {@code threads} run at once (1:
   * one after another, on the calling thread). The first failure is rethrown, unwrapped, after the
   * tasks still queued are cancelled.
   */
  public static <K, V> Map<K, V> call(Map<K, Callable<V>> tasks, int threads) {
    Map<K, V> out = new LinkedHashMap<>();
    if (threads <= 1 || tasks.size() <= 1) {
      tasks.forEach((key, task) -> out.put(key, unchecked(task)));
      return out;
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(threads, tasks.size()),
            r -> {
              Thread t = new Thread(r, "comborec-concurrent-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      List<K> keys = new ArrayList<>(tasks.keySet());
      List<Future<V>> futures = new ArrayList<>();
      for (K key : keys) {
        futures.add(pool.submit(tasks.get(key)));
      }
      for (int i = 0; i < keys.size(); i++) {
        out.put(keys.get(i), result(futures.get(i)));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static <V> V result(Future<V> future) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for concurrent work", e);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    }
  }

  private static <V> V unchecked(Callable<V> task) {
    try {
      return task.call();
    } catch (Exception e) {
      throw rethrown(e);
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      throw r;
    }
    if (cause instanceof Error e) {
      throw e;
    }
    return new IllegalStateException(cause);
  }
}
