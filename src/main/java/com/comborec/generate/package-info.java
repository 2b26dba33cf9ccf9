/**
 * The synthetic data generator: {@link com.comborec.generate.Generator#run} writes a complete input
 * set in the contract layout for a date range, plus {@code truth/} with what was planted.
 *
 * <pre>
 * events/dt=D/part-NNNNN.csv[.gz]   sessions of views, clicks, wishlists, carts, orders (order_id), returns; guests
 * products/dt=D/products.csv[.gz]   daily catalog snapshot: price, cost, stock (some 0), inactive items, A > B > C
 * users/dt=D/users.csv[.gz]         snapshot on the first day and every usersEveryDays days
 * market/dt=D/market.csv[.gz]       demand and price index per top category and some full paths
 * feedback/dt=D/feedback.csv[.gz]   reactions to the recommendations published for D-1, or plausible ones
 * truth/                            planted structure and exact planted reject counts (see truth/README.txt)
 * </pre>
 *
 * <p>How it stays deterministic: the world (catalog, demand curves, complementary sets) is a
 * function of the seed; users are pure functions of (seed, user index); every file is one Spark
 * task with its own random stream keyed by (seed, source, day, file); the file layout is fixed by
 * the spec (never by the cluster), no clock is read, and files are written under hidden names and
 * renamed when complete.
 */
package com.comborec.generate;
