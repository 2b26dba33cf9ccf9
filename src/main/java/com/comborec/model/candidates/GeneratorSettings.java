package com.comborec.model.candidates;

import com.comborec.features.InteractionSettings;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.Map;

/**
 * What the generators need besides the events.
 *
 * @param easeLambda EASE's L2 penalty
 * @param easeMaxItems EASE and item-kNN cover this many most-bought items
 * @param als ALS training parameters
 * @param coocNeighbors co-occurrence neighbours kept per item
 * @param coocMaxUserItems co-occurrence pairs come from each user's strongest items only
 * @param eventWeights interaction weight per event type
 * @param interactions decay and quantity damping of interaction strengths
 * @param timeZone the day boundary of the cutoff
 */
public record GeneratorSettings(
    double easeLambda,
    int easeMaxItems,
    AlsParams als,
    int coocNeighbors,
    int coocMaxUserItems,
    Map<String, Double> eventWeights,
    InteractionSettings interactions,
    ZoneId timeZone)
    implements Serializable {}
