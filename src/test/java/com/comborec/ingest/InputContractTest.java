package com.comborec.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.InputFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A violated input contract exits 3 with the file and columns named, and publishes nothing. */
class InputContractTest {
  static final String PRODUCTS_HEADER = "item_id,title,category,brand,price,cost,stock,active";

  @Test
  void missingColumnsNameTheFileAndColumns(@TempDir Path root) {
    InputFixture fx =
        new InputFixture(root)
            .file("products", "2026-11-01", "p.csv", PRODUCTS_HEADER, "A,a,x,,1.0,,,")
            .file(
                "events",
                "2026-11-27",
                "bad-header.csv",
                "event_time,user_id,sku,event_type",
                "2026-11-27 10:00:00,u,A,view");
    InputFixture.Result r = fx.run("nightly", "2026-11-27");
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("bad-header.csv") && r.err().contains("[item_id]"), r.err());
  }

  @Test
  void missingEventsPartitionExits3(@TempDir Path root) {
    InputFixture fx =
        new InputFixture(root)
            .file("products", "2026-11-01", "p.csv", PRODUCTS_HEADER, "A,a,x,,1.0,,,")
            .file(
                "events",
                "2026-11-26",
                "e.csv",
                "event_time,item_id,event_type",
                "2026-11-26 10:00:00,A,view");
    InputFixture.Result r = fx.run("nightly", "2026-11-27");
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("'events'") && r.err().contains("dt=2026-11-27"), r.err());
  }

  @Test
  void missingProductSnapshotExits3(@TempDir Path root) {
    InputFixture fx =
        new InputFixture(root)
            .file("products", "2026-11-28", "p.csv", PRODUCTS_HEADER, "A,a,x,,1.0,,,")
            .file(
                "events",
                "2026-11-27",
                "e.csv",
                "event_time,item_id,event_type",
                "2026-11-27 10:00:00,A,view");
    InputFixture.Result r = fx.run("nightly", "2026-11-27");
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("'products'"), r.err());
  }

  @Test
  void emptyFileExits3(@TempDir Path root) {
    InputFixture fx =
        new InputFixture(root)
            .file("products", "2026-11-01", "p.csv", PRODUCTS_HEADER, "A,a,x,,1.0,,,")
            .bytes("events", "2026-11-27", "empty.csv", new byte[0]);
    InputFixture.Result r = fx.run("nightly", "2026-11-27");
    assertEquals(3, r.exitCode(), r.err());
    assertTrue(r.err().contains("empty.csv") && r.err().contains("header"), r.err());
  }
}
