package com.comborec.generate;

/**
 * Product titles and brands built from a small vocabulary, so that titles share tokens within a
 * category. Some titles hold a comma, some a quote and a few a line break: the CSV writer must
 * quote them and the ingest must read them back whole.
 */
final class Titles {
  private static final String[] BRANDS = {
    "Acme", "Northwind", "Nature's Best", "Contoso", "Fabrikam", "Globex", "Initech", "Umbrella",
    "Stark & Co", "Wayne", "Hooli", "Vandelay", "Oceanic", "Tyrell", "Cyberdyne", "Soylent",
    "Wonka", "Gringotts", "Monarch, Ltd.", "Aperture", "Massive", "Duff", "Krusty", "Pied Piper",
    "Zorg", "Buy n Large", "Virtucon", "Octan", "Ollivander", "Prestige Worldwide"
  };
  private static final String[] ADJECTIVES = {
    "Classic", "Premium", "Compact", "Deluxe", "Eco", "Pro", "Ultra", "Smart", "Vintage",
    "Essential", "Travel", "Family", "Mini", "Max", "Organic", "Soft", "Sturdy", "Light"
  };
  private static final String[] MATERIALS = {
    "Steel", "Bamboo", "Cotton", "Ceramic", "Oak", "Glass", "Leather", "Wool", "Carbon", "Linen"
  };
  private static final String[] COLORS = {
    "Black", "White", "Red", "Blue", "Green", "Grey", "Sand", "Navy", "Olive", "Rose"
  };

  private Titles() {}

  static int brandCount() {
    return BRANDS.length;
  }

  static String brand(int b) {
    return BRANDS[b];
  }

  /** A brand of the top category: each top draws from its own slice of six brands. */
  static int brandFor(int top, Rng rng) {
    return (top * 3 + rng.nextInt(6)) % BRANDS.length;
  }

  /** The title of item {@code index}; {@code rng} is the item's own stream. */
  static String title(int index, String brand, String noun, Rng rng) {
    String adjective = ADJECTIVES[rng.nextInt(ADJECTIVES.length)];
    String material = MATERIALS[rng.nextInt(MATERIALS.length)];
    String color = COLORS[rng.nextInt(COLORS.length)];
    int size = 10 + rng.nextInt(90);
    double style = rng.nextDouble();
    if (index % 250 == 7) {
      // A line break inside a quoted field: rare in real exports, fatal to a line-based reader.
      return brand + " " + adjective + " " + noun + "\nLimited edition, " + color;
    }
    if (style < 0.12) {
      return brand + " " + noun + ", " + material + ", " + color + ", " + size + " cm";
    }
    if (style < 0.16) {
      return brand + " \"" + adjective + "\" " + noun + " " + color;
    }
    if (style < 0.18) {
      return brand + " " + noun + " " + size + "\" " + material;
    }
    return brand + " " + adjective + " " + material + " " + noun + " " + color;
  }
}
