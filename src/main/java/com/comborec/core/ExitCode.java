package com.comborec.core;

/** The process exit codes of the data contract; schedulers branch on them. */
public enum ExitCode {
  PUBLISHED(0),
  FAILURE(1),
  USAGE(2),
  INPUT_CONTRACT(3),
  DATA_QUALITY(4),
  MODEL_QUALITY(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The manifest status a run that ends with this code gets. */
  public String manifestStatus() {
    switch (this) {
      case PUBLISHED:
        return "published";
      case DATA_QUALITY:
        return "refused_data_quality";
      case MODEL_QUALITY:
        return "refused_model_quality";
      default:
        return "failed";
    }
  }
}
