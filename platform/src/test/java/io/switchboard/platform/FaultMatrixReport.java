package io.switchboard.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault matrix's table: one row per scenario, printed when the suite ends and written to {@code
 * target/fault-matrix.md} so that {@code docs/reliability.md} quotes what a run produced.
 */
final class FaultMatrixReport {

  /**
   * One scenario's outcome.
   *
   * @param scenario what went wrong
   * @param sent events (webhooks, send requests or Updates) the harness sent
   * @param accepted those the platform acknowledged
   * @param lost acknowledged but never took effect (no record, no message at the handset)
   * @param duplicated effects beyond the first (a second message at a handset, a status recorded
   *     twice, an Update applied twice)
   * @param note how the fault was made
   */
  record Row(String scenario, int sent, int accepted, int lost, int duplicated, String note) {}

  private static final List<Row> ROWS = new ArrayList<>();

  private FaultMatrixReport() {}

  static synchronized void add(Row row) {
    ROWS.add(row);
  }

  static synchronized String table() {
    StringBuilder table =
        new StringBuilder(
            "| scenario | sent | accepted | lost | duplicated | how |\n|---|---:|---:|---:|---:|---|\n");
    for (Row row : ROWS) {
      table.append(
          String.format(
              "| %s | %d | %d | %d | %d | %s |%n",
              row.scenario(),
              row.sent(),
              row.accepted(),
              row.lost(),
              row.duplicated(),
              row.note()));
    }
    return table.toString();
  }

  static void publish() throws IOException {
    String table = table();
    System.out.println("\nFault matrix\n" + table);
    Path out = Path.of("target", "fault-matrix.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, table);
  }
}
