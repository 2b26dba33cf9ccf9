package com.comborec.arch;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layering rule over compiled classes: a package may depend only on packages of lower layers
 * (and on itself). Packages of one layer are siblings and may not depend on each other, so a cycle
 * between any two packages is always a violation.
 */
final class PackageGraph {
  /** The name used for classes directly in the root package. */
  static final String ROOT = "(root)";

  private final String root;
  private final List<List<String>> layers;

  /**
   * @param root the base package, e.g. {@code com.comborec}
   * @param layers top-level packages under root, lowest layer first
   */
  PackageGraph(String root, List<List<String>> layers) {
    this.root = root;
    this.layers = layers;
  }

  /** "from -> to (class A uses class B)" for every forbidden edge, and every unplaced package. */
  Set<String> violations(JavaClasses classes) {
    Set<String> out = new TreeSet<>();
    for (JavaClass c : classes) {
      String from = topPackage(c);
      if (from == null) {
        continue;
      }
      int fromLayer = layerOf(from);
      if (fromLayer < 0) {
        out.add(from + " is in no layer: place it in the package graph");
        continue;
      }
      for (Dependency d : c.getDirectDependenciesFromSelf()) {
        String to = topPackage(d.getTargetClass());
        if (to == null || to.equals(from)) {
          continue;
        }
        int toLayer = layerOf(to);
        if (toLayer < 0 || toLayer >= fromLayer) {
          out.add(
              from
                  + " -> "
                  + to
                  + " ("
                  + c.getSimpleName()
                  + " uses "
                  + d.getTargetClass().getSimpleName()
                  + ")");
        }
      }
    }
    return out;
  }

  /**
   * The first package segment under root; {@link #ROOT} for classes in root itself (they sit above
   * every layer: a subpackage must not use them); null for classes outside root.
   */
  private String topPackage(JavaClass c) {
    String pkg = c.getPackageName();
    if (pkg.equals(root)) {
      return ROOT;
    }
    if (!pkg.startsWith(root + ".")) {
      return null;
    }
    String rest = pkg.substring(root.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }

  private int layerOf(String pkg) {
    if (pkg.equals(ROOT)) {
      return layers.size();
    }
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  /** The layers as one line each, for messages. */
  @Override
  public String toString() {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      lines.add(i + ": " + layers.get(i));
    }
    return String.join("\n", lines);
  }
}
