package com.comborec.core;

import java.time.ZoneId;

/**
 * The top-level values of {@code comborec} that core owns and every section may be checked against.
 *
 * @param paths input, output and work roots
 * @param timeZone zone of timestamps without an offset and of day boundaries
 * @param lookbackDays days of events (ending on the run day) that every stage reads
 * @param spark how the SparkSession is built
 */
public record RootSettings(
    StoragePaths paths, ZoneId timeZone, int lookbackDays, SparkSettings spark) {}
