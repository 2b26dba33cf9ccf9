package com.comborec.responsible;

import java.io.StringWriter;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * Captures every log event at INFO and above (what an operator sees; raw ids are allowed only at
 * DEBUG) while open, from every logger that reaches the root (slf4j goes to log4j2 here).
 */
public final class LogCapture implements AutoCloseable {
  private static final String NAME = "comborec-log-capture";
  private final StringWriter text = new StringWriter();
  private final LoggerContext context = LoggerContext.getContext(false);
  private final WriterAppender appender;

  public LogCapture() {
    Configuration config = context.getConfiguration();
    appender =
        WriterAppender.createAppender(
            PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").build(),
            null,
            text,
            NAME,
            false,
            true);
    appender.start();
    config.addAppender(appender);
    config.getRootLogger().addAppender(appender, Level.INFO, null);
    context.updateLoggers();
  }

  public String text() {
    return text.toString();
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(NAME);
    appender.stop();
    context.updateLoggers();
  }
}
