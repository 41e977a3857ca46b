package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.archive.Archive;
import dev.tradeflow.audit.archive.ArchiveManifest;
import dev.tradeflow.runtime.TradeflowConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow archive ...}: the audited topics written out for keeping. */
@Command(
    name = "archive",
    description = "Write the audited topics and their checkpoints to files for WORM storage.",
    subcommands = {ArchiveCommand.Export.class})
final class ArchiveCommand {

  @ParentCommand TradeflowCli cli;

  @Command(
      name = "export",
      description =
          "Write every audited partition (one segment file each), the checkpoints and a manifest"
              + " of SHA-256 hashes tied to the latest checkpoints into a new directory; files are"
              + " made read-only. Check it later with: audit verify --archive DIR.")
  static final class Export implements Callable<Integer> {
    @ParentCommand ArchiveCommand archive;

    @Option(names = "--to", required = true, paramLabel = "DIR", description = "a new directory")
    Path to;

    @Override
    public Integer call() {
      TradeflowConfig config = archive.cli.config();
      try (KafkaCluster cluster = KafkaCluster.connect(config, false)) {
        KafkaAuditSource source = new KafkaAuditSource(AuditCommand.auditor(config, cluster));
        ArchiveManifest manifest = Archive.export(source, to, Clock.systemUTC());
        long records =
            manifest.segments().stream().mapToLong(ArchiveManifest.Segment::records).sum();
        System.out.printf(
            "Archived %d records of %d partitions and %d checkpoint records to %s%n",
            records, manifest.segments().size(), manifest.checkpoints().records(), to);
        return 0;
      }
    }
  }
}
