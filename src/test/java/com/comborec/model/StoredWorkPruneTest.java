package com.comborec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.comborec.TestSpark;
import com.comborec.core.RunContext;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night prunes what no later night can find. The shop's settings (7 forward days, grid anchored
 * on 03-31, two inner cutoffs, one ranker training cutoff): on 03-31 the inner cutoffs are 03-24
 * and 03-17, measured with the rankers of grid days 03-24 and 03-17, which learned from 03-17 and
 * 03-10. So cutoffs from 03-10 on and rankers from 03-17 on stay.
 */
class StoredWorkPruneTest {
  @TempDir Path dir;

  @Test
  void oldCutoffsOldRankersAndEntriesUnderAnotherKeyGoTheRestStays() throws IOException {
    RunContext ctx =
        new RunContext(
            TestSpark.session(),
            SyntheticShop.config(dir, "out", "model.ranker.training-cutoffs=1"),
            SyntheticShop.RUN_DAY,
            "test");
    StoredWork store = new StoredWork(ctx, StoredWorkTest.protocol(ctx));
    LocalDate kept = LocalDate.parse("2026-03-10");
    store.keep(kept, StoredWorkTest.MEASURED);
    Path root = Path.of(URI.create(store.cutoffPath(kept))).getParent().getParent();
    Path stale = write(root.resolve("cutoff=2026-03-10/0123stale.json"));
    Path staleChecksum = write(root.resolve("cutoff=2026-03-10/.0123stale.json.crc"));
    Path staleRows = write(root.resolve("cutoff=2026-03-10/0123stale-rows/rows.json"));
    Path oldCutoff = write(root.resolve("cutoff=2026-03-03/0123old.json")).getParent();
    Path oldRanker =
        write(root.resolve("ranker=2026-03-10/0123/ranker.json")).getParent().getParent();
    Path newRanker = write(root.resolve("ranker=2026-03-17/0123/ranker.json"));
    Path other = write(root.resolve("notes/readme.txt"));

    List<String> deleted = store.prune(SyntheticShop.RUN_DAY);

    // A checksummed local file system lists no .crc files and deletes them with their file.
    assertEquals(
        Stream.of(oldCutoff, stale, staleRows.getParent(), oldRanker)
            .map(p -> p.getFileName().toString())
            .sorted()
            .toList(),
        deleted.stream()
            .map(p -> p.substring(p.lastIndexOf('/') + 1))
            .filter(name -> !name.endsWith(".crc"))
            .sorted()
            .toList());
    for (Path gone : List.of(oldCutoff, stale, staleChecksum, staleRows, oldRanker)) {
      assertFalse(Files.exists(gone), gone.toString());
    }
    assertTrue(Files.exists(newRanker) && Files.exists(other));
    assertEquals(Optional.of(StoredWorkTest.MEASURED), store.find(kept), "today's entry stays");
    assertEquals(List.of(), store.prune(SyntheticShop.RUN_DAY), "nothing left to prune");
  }

  private static Path write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, "{}");
  }
}
