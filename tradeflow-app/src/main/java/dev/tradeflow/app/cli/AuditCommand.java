package dev.tradeflow.app.cli;

import dev.tradeflow.app.TradeflowService.KafkaCluster;
import dev.tradeflow.audit.AuditReport;
import dev.tradeflow.audit.AuditReport.PartitionReport;
import dev.tradeflow.audit.AuditVerifier;
import dev.tradeflow.audit.KafkaAuditSource;
import dev.tradeflow.audit.archive.Archive;
import dev.tradeflow.audit.checkpoint.KeyRing;
import dev.tradeflow.audit.checkpoint.SigningKey;
import dev.tradeflow.audit.checkpoint.VerifierKey;
import dev.tradeflow.audit.merkle.Hash;
import dev.tradeflow.audit.merkle.MerkleTree;
import dev.tradeflow.audit.merkle.TreeHasher;
import dev.tradeflow.audit.proof.BundleVerifier;
import dev.tradeflow.audit.proof.EvidenceBundle;
import dev.tradeflow.audit.proof.Prover;
import dev.tradeflow.runtime.KafkaClients;
import dev.tradeflow.runtime.TradeflowConfig;
import dev.tradeflow.runtime.security.ServicePrincipal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./tradeflow audit ...}: the Merkle audit log, its proofs and their verification. */
@Command(
    name = "audit",
    description = "The RFC 6962 audit log: roots, proofs and their verification.",
    subcommands = {
      AuditCommand.Verify.class,
      AuditCommand.Prove.class,
      AuditCommand.VerifyBundle.class,
      AuditCommand.Keys.class,
      AuditCommand.MerkleRoot.class,
      AuditCommand.InclusionProofCommand.class,
      AuditCommand.ConsistencyProofCommand.class
    })
final class AuditCommand {

  /**
   * Clients of {@code cluster} with an auditor's rights: on the secured embedded broker they may
   * read the audited topics and the checkpoints, and nothing else.
   */
  static KafkaClients auditor(TradeflowConfig config, KafkaCluster cluster) {
    return new KafkaClients(config, cluster.bootstrapServers()).as(ServicePrincipal.AUDITOR);
  }

  @ParentCommand TradeflowCli cli;

  @Command(
      name = "verify",
      description =
          "Recompute every audited partition's tree from the topics and check every signed"
              + " checkpoint against it; exit 1 at the first departure, naming its offset.")
  static final class Verify implements Callable<Integer> {
    @ParentCommand AuditCommand audit;

    @Option(
        names = "--public-key",
        paramLabel = "FILE",
        description =
            "a verifier key file to trust (repeatable); default: the *.pub keys in audit.keys-dir")
    List<Path> publicKeys;

    @Option(
        names = "--archive",
        paramLabel = "DIR",
        description = "verify an archive export instead of the topics (no broker needed)")
    Path archive;

    @Override
    public Integer call() throws IOException {
      TradeflowConfig config = audit.cli.config();
      List<VerifierKey> trusted = trusted(config, publicKeys);
      AuditVerifier verifier = new AuditVerifier(config.audit().origin(), trusted);
      if (archive != null) {
        Archive copy = Archive.open(archive);
        AuditReport report = verifier.verify(copy);
        print(report);
        List<String> changed = copy.filesChangedSinceExport();
        if (!changed.isEmpty()) {
          System.out.println(
              "Files changed since the export (SHA-256 of the manifest): " + changed);
        }
        return report.passed() && changed.isEmpty() ? 0 : 1;
      }
      try (KafkaCluster cluster = KafkaCluster.connect(config, false)) {
        AuditReport report = verifier.verify(new KafkaAuditSource(auditor(config, cluster)));
        print(report);
        return report.passed() ? 0 : 1;
      }
    }
  }

  @Command(
      name = "prove",
      description =
          "Write a credit's records with inclusion proofs to signed checkpoints, and consistency"
              + " proofs between those, into a bundle an auditor checks offline (verify-bundle).")
  static final class Prove implements Callable<Integer> {
    @ParentCommand AuditCommand audit;

    @Option(names = "--lc", required = true, paramLabel = "ID", description = "the LC id")
    String lcId;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "bundle.json")
    Path out;

    @Option(
        names = "--archive",
        paramLabel = "DIR",
        description = "prove from an archive export instead of the topics")
    Path archive;

    @Override
    public Integer call() throws IOException {
      TradeflowConfig config = audit.cli.config();
      Prover prover =
          new Prover(
              new AuditVerifier(config.audit().origin(), trusted(config, List.of())),
              Clock.systemUTC());
      EvidenceBundle bundle;
      if (archive != null) {
        bundle = prover.prove(Archive.open(archive), lcId);
      } else {
        try (KafkaCluster cluster = KafkaCluster.connect(config, false)) {
          bundle = prover.prove(new KafkaAuditSource(auditor(config, cluster)), lcId);
        }
      }
      bundle.write(out);
      System.out.printf(
          "Wrote %s: %d records of %s with their proofs%n",
          out, bundle.logs().stream().mapToInt(l -> l.records().size()).sum(), lcId);
      return 0;
    }
  }

  @Command(
      name = "verify-bundle",
      description =
          "Check an evidence bundle with the log's verifier key alone: no broker, no"
              + " configuration. Exit 1 on any failed check.")
  static final class VerifyBundle implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "BUNDLE", description = "bundle.json")
    Path bundle;

    @Option(
        names = "--public-key",
        required = true,
        paramLabel = "FILE",
        description = "a verifier key file (repeatable)")
    List<Path> publicKeys;

    @Override
    public Integer call() throws IOException {
      List<VerifierKey> keys = new ArrayList<>();
      for (Path file : publicKeys) {
        keys.add(VerifierKey.parse(Files.readString(file)));
      }
      BundleVerifier.Result result = new BundleVerifier(keys).verify(EvidenceBundle.read(bundle));
      if (result.passed()) {
        System.out.printf(
            "OK: %d records of %s are in the signed, consistent log%n",
            result.recordsProven(), result.subject());
        return 0;
      }
      result.failures().forEach(f -> System.out.println("FAILED: " + f));
      return 1;
    }
  }

  @Command(
      name = "keys",
      description =
          "Print the verifier keys of audit.keys-dir, to hand to auditors; --rotate adds a new"
              + " signing key (every signing key present signs each checkpoint).")
  static final class Keys implements Callable<Integer> {
    @ParentCommand AuditCommand audit;

    @Option(names = "--rotate", description = "add a new signing key")
    boolean rotate;

    @Override
    public Integer call() {
      TradeflowConfig config = audit.cli.config();
      Path dir = config.audit().keysDir();
      if (rotate) {
        SigningKey key = SigningKey.generate(config.audit().origin());
        KeyRing.add(dir, key);
        System.out.println(
            "Added signing key "
                + key.verifierKey().keyIdHex()
                + " to "
                + dir
                + ": it signs from the service's next start; retire an old key by deleting its"
                + " .key file (keep its .pub)");
      }
      KeyRing ring = KeyRing.load(dir);
      for (VerifierKey key : ring.verifierKeys()) {
        boolean signing = ring.signingKeys().stream().anyMatch(k -> k.verifierKey().equals(key));
        System.out.println(key + (signing ? "" : "  (retired)"));
      }
      return 0;
    }
  }

  /** The keys given, or those of the configured key directory. */
  static List<VerifierKey> trusted(TradeflowConfig config, List<Path> files) throws IOException {
    if (files == null || files.isEmpty()) {
      List<VerifierKey> keys = KeyRing.load(config.audit().keysDir()).verifierKeys();
      if (keys.isEmpty()) {
        throw new IllegalArgumentException(
            "no verifier key in "
                + config.audit().keysDir()
                + ": give the auditor's copy with --public-key FILE");
      }
      return keys;
    }
    List<VerifierKey> keys = new ArrayList<>();
    for (Path file : files) {
      keys.add(VerifierKey.parse(Files.readString(file)));
    }
    return keys;
  }

  private static void print(AuditReport report) {
    long records = 0;
    long leaves = 0;
    int checkpoints = 0;
    for (PartitionReport partition : report.partitions()) {
      records += partition.records();
      leaves += partition.treeSize();
      checkpoints += partition.checkpoints();
      if (partition.records() > 0 || partition.checkpoints() > 0) {
        System.out.printf(
            "%-28s %6d records, %6d audited in %4d checkpoints%s%n",
            partition.log(),
            partition.records(),
            partition.treeSize(),
            partition.checkpoints(),
            partition.notYetCheckpointed() > 0
                ? " (" + partition.notYetCheckpointed() + " awaiting their checkpoint)"
                : "");
      }
    }
    if (report.passed()) {
      System.out.printf(
          "OK: %d records in %d partitions; %d audited, in %d signed checkpoints that all"
              + " verify%n",
          records, report.partitions().size(), leaves, checkpoints);
    } else {
      System.out.println("FAILED: " + report.firstDivergence().orElseThrow());
    }
  }

  /** Leaf data as hex, one leaf per line (an empty line is an empty leaf). */
  static final class Leaves {
    @Option(
        names = "--leaves",
        paramLabel = "FILE",
        description = "leaf data as hex, one leaf per line; standard input without it")
    Path file;

    /** The tree of the leaves, or an exception naming the line that is not hex. */
    MerkleTree tree() throws IOException {
      String text;
      if (file == null) {
        InputStream in = System.in;
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } else {
        text = Files.readString(file);
      }
      List<String> lines = text.lines().toList();
      MerkleTree tree = new MerkleTree();
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        try {
          tree.append(TreeHasher.leaf(HexFormat.of().parseHex(line)));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "leaf " + i + " (line " + (i + 1) + ") is not hex: '" + line + "'", e);
        }
      }
      return tree;
    }
  }

  @Command(
      name = "merkle-root",
      description = "Print the RFC 6962 root hash, as hex, of the leaves given as hex.")
  static final class MerkleRoot implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Override
    public Integer call() throws IOException {
      System.out.println(leaves.tree().root().hex());
      return 0;
    }
  }

  @Command(
      name = "inclusion-proof",
      description =
          "Print the audit path of leaf I (from 0) in the tree of the leaves, one hash (hex) per"
              + " line, leaf to root.")
  static final class InclusionProofCommand implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Option(names = "--index", required = true, paramLabel = "I", description = "leaf index")
    long index;

    @Option(
        names = "--size",
        paramLabel = "N",
        description = "the tree's size (default: every leaf given)")
    Long size;

    @Override
    public Integer call() throws IOException {
      MerkleTree tree = leaves.tree();
      print(tree.inclusionProof(index, size == null ? tree.size() : size).path());
      return 0;
    }
  }

  @Command(
      name = "consistency-proof",
      description =
          "Print the proof that the tree of the first M leaves is a prefix of the tree of all of"
              + " them, one hash (hex) per line.")
  static final class ConsistencyProofCommand implements Callable<Integer> {
    @Mixin Leaves leaves;

    @Option(names = "--old", required = true, paramLabel = "M", description = "the older size")
    long oldSize;

    @Option(
        names = "--size",
        paramLabel = "N",
        description = "the newer size (default: every leaf given)")
    Long size;

    @Override
    public Integer call() throws IOException {
      MerkleTree tree = leaves.tree();
      print(tree.consistencyProof(oldSize, size == null ? tree.size() : size).path());
      return 0;
    }
  }

  private static void print(List<Hash> hashes) {
    hashes.forEach(h -> System.out.println(h.hex()));
  }
}
