package com.comborec.model;

/** One tuning fit: its parameters, its ALS metrics at K on the holdout and how long it took. */
public record TuneResult(
    int rank,
    double regParam,
    double alpha,
    double halfLifeDays,
    double ndcg,
    double precision,
    double recall,
    double map,
    double seconds) {}
