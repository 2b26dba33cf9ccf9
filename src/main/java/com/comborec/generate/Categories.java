package com.comborec.generate;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The fixed category tree {@code Top > Middle > Leaf} every generated catalog uses. Names carry a
 * comma, an ampersand and an apostrophe on purpose, so the category column needs CSV quoting.
 */
final class Categories implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Top | Middle: Leaf, Leaf; Middle: Leaf, ... */
  private static final String[] TREE = {
    "Kitchen|Cookware: Pans, Pots, Utensils; Tableware: Plates, Glasses, Cutlery",
    "Electronics|Audio: Headphones, Speakers; Computing: Laptops, Keyboards, Monitors; Phones:"
        + " Cases, Chargers",
    "Garden|Tools: Shovels, Pruners; Plants: Seeds, Pots & Planters; Outdoor: Grills, Lighting",
    "Sports|Running: Shoes, Apparel; Fitness: Weights, Mats, Bands; Cycling: Helmets, Lights",
    "Books|Fiction: Crime, Fantasy, Romance; Non-fiction: Cooking, History, Science",
    "Toys, Kids & Baby|Toys: Puzzles, Building Sets, Plush; Baby: Bottles, Strollers",
    "Beauty|Skincare: Creams, Cleansers; Hair: Shampoo, Styling; Fragrance: Perfume",
    "Fashion|Men's: Shirts, Jackets; Women's: Dresses, Bags; Accessories: Watches, Sunglasses",
    "Home|Furniture: Chairs, Tables, Shelves; Decor: Lamps, Frames, Rugs; Bedding: Pillows, Duvets",
    "Pets|Dogs: Dog Food, Leashes; Cats: Cat Food, Litter, Scratchers",
  };

  private final List<String> tops = new ArrayList<>();
  private final List<String> leafPaths = new ArrayList<>();
  private final List<Integer> leafTop = new ArrayList<>();

  Categories() {
    for (int t = 0; t < TREE.length; t++) {
      String[] topAndRest = TREE[t].split("\\|");
      tops.add(topAndRest[0]);
      for (String middle : topAndRest[1].split(";")) {
        String[] nameAndLeaves = middle.split(":");
        for (String leaf : nameAndLeaves[1].split(",")) {
          leafPaths.add(topAndRest[0] + " > " + nameAndLeaves[0].trim() + " > " + leaf.trim());
          leafTop.add(t);
        }
      }
    }
  }

  int topCount() {
    return tops.size();
  }

  int leafCount() {
    return leafPaths.size();
  }

  String top(int t) {
    return tops.get(t);
  }

  /** The full path of a leaf, as written to products.category. */
  String leafPath(int leaf) {
    return leafPaths.get(leaf);
  }

  int topOf(int leaf) {
    return leafTop.get(leaf);
  }

  /** Leaves whose full path also gets its own market rows: every fourth leaf. */
  boolean hasPathMarket(int leaf) {
    return leaf % 4 == 0;
  }

  /**
   * The last word of a leaf name in the singular, the product noun in titles ("Pans" gives "Pan").
   */
  String noun(int leaf) {
    String path = leafPaths.get(leaf);
    String leafName = path.substring(path.lastIndexOf('>') + 2);
    String last = leafName.substring(leafName.lastIndexOf(' ') + 1);
    if (last.endsWith("sses")) {
      return last.substring(0, last.length() - 2);
    }
    return last.endsWith("s") && !last.endsWith("ss") ? last.substring(0, last.length() - 1) : last;
  }
}
