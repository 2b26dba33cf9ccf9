package com.comborec.responsible;

/**
 * One entry of a served list, as the contract's items struct: rank 1..N, the model's score, its
 * reason.
 */
public record RankedItem(
    int rank, String itemId, double score, String reason, String becauseItemId) {}
