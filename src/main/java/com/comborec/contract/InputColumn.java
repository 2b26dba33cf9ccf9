package com.comborec.contract;

import org.apache.spark.sql.types.DataType;

/**
 * One contract column of an input source: its name, the type it is parsed to, and whether it is
 * required.
 */
public record InputColumn(String name, DataType type, boolean required) {}
