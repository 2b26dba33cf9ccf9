package com.comborec.core;

import java.util.function.Function;

/**
 * A section of the configuration ({@code comborec.<name>}) and the code that reads and validates
 * it. The package that uses a section declares it as a constant next to its settings record; the
 * stage that owns it lists it in {@link Stage#settings()}; {@link ComboConfig} reads every listed
 * section before Spark starts, so a bad value never costs a cluster slot.
 *
 * @param name the key under {@code comborec}, e.g. {@code model}
 * @param reader reads the section; may check it against the root values (e.g. the look-back)
 */
public record SettingsSection<T>(String name, Reader<T> reader) {

  /** Reads one section; {@code root} holds the values every section may be checked against. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(Settings section, RootSettings root);
  }

  /** A section that needs nothing but its own keys. */
  public static <T> SettingsSection<T> of(String name, Function<Settings, T> reader) {
    return new SettingsSection<>(name, (section, root) -> reader.apply(section));
  }
}
