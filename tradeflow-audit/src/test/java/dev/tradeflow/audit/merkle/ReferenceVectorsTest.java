package dev.tradeflow.audit.merkle;

import static dev.tradeflow.audit.merkle.Rfc6962Vectors.CONSISTENCIES;
import static dev.tradeflow.audit.merkle.Rfc6962Vectors.INCLUSIONS;
import static dev.tradeflow.audit.merkle.Rfc6962Vectors.LEAVES;
import static dev.tradeflow.audit.merkle.Rfc6962Vectors.ROOTS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.audit.merkle.Rfc6962Vectors.Consistency;
import dev.tradeflow.audit.merkle.Rfc6962Vectors.Inclusion;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The tree and its proofs against the published {@link Rfc6962Vectors}. */
class ReferenceVectorsTest {

  static final MerkleTree TREE =
      MerkleTree.of(LEAVES.stream().map(l -> TreeHasher.leaf(HexFormat.of().parseHex(l))).toList());

  @Test
  void the_root_of_each_size_is_the_published_one() {
    for (int size = 0; size <= 8; size++) {
      assertThat(TREE.root(size).hex()).as("root of %d", size).isEqualTo(ROOTS.get(size));
    }
  }

  @Test
  void the_inclusion_proofs_are_the_published_ones_and_verify() {
    for (Inclusion vector : INCLUSIONS) {
      InclusionProof proof = TREE.inclusionProof(vector.index(), vector.size());
      assertThat(hex(proof.path())).as("%s", vector).isEqualTo(vector.path());
      assertThat(
              new InclusionProof(vector.index(), vector.size(), hashes(vector.path()))
                  .verify(TREE.leaf(vector.index()), Hash.fromHex(ROOTS.get((int) vector.size()))))
          .isTrue();
    }
  }

  @Test
  void the_consistency_proofs_are_the_published_ones_and_verify() {
    for (Consistency vector : CONSISTENCIES) {
      ConsistencyProof proof = TREE.consistencyProof(vector.oldSize(), vector.newSize());
      assertThat(hex(proof.path())).as("%s", vector).isEqualTo(vector.proof());
      assertThat(
              new ConsistencyProof(vector.oldSize(), vector.newSize(), hashes(vector.proof()))
                  .verify(
                      Hash.fromHex(ROOTS.get((int) vector.oldSize())),
                      Hash.fromHex(ROOTS.get((int) vector.newSize()))))
          .isTrue();
    }
  }

  @Test
  void the_edge_cases_of_the_reference_verifier_are_decided_alike() {
    Hash r0 = Hash.fromHex(ROOTS.get(0));
    Hash r1 = Hash.fromHex(ROOTS.get(1));
    Hash r2 = Hash.fromHex(ROOTS.get(2));
    assertThat(new ConsistencyProof(0, 0, List.of()).verify(r0, r0)).isTrue();
    assertThat(new ConsistencyProof(0, 1, List.of()).verify(r0, r1)).isTrue();
    assertThat(new ConsistencyProof(1, 1, List.of()).verify(r1, r1)).isTrue();
    assertThat(new ConsistencyProof(1, 1, List.of()).verify(r1, r2)).isFalse();
    assertThat(new ConsistencyProof(2, 1, List.of()).verify(r2, r1)).isFalse();
    assertThat(new ConsistencyProof(1, 2, List.of()).verify(r1, r2)).isFalse();
    assertThat(new ConsistencyProof(1, 1, List.of(r1)).verify(r1, r1)).isFalse();
    assertThat(new ConsistencyProof(0, 1, List.of(r1)).verify(r0, r1)).isFalse();
    Hash leaf = TREE.leaf(0);
    Stream.of(
            new InclusionProof(0, 0, List.of()),
            new InclusionProof(1, 0, List.of()),
            new InclusionProof(2, 1, List.of()))
        .forEach(proof -> assertThat(proof.verify(leaf, r1)).as("%s", proof).isFalse());
    assertThat(new InclusionProof(0, 1, List.of()).verify(leaf, r2)).isFalse();
  }

  private static List<String> hex(List<Hash> hashes) {
    return hashes.stream().map(Hash::hex).toList();
  }

  private static List<Hash> hashes(List<String> hex) {
    return hex.stream().map(Hash::fromHex).toList();
  }
}
