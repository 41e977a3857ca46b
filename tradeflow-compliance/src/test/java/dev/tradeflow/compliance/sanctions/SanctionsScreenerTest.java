package dev.tradeflow.compliance.sanctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradeflow.compliance.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SanctionsScreenerTest {

  private static SanctionsScreener screener;

  @BeforeAll
  static void load() {
    screener = SanctionsScreener.of(SanctionsLists.ofac(), MatchThresholds.DEFAULT);
  }

  @Test
  void a_directory_in_the_ofac_layout_loads_as_the_same_list(@TempDir Path dir) throws IOException {
    SanctionsLists.copySnapshot(dir);
    assertThat(SanctionsList.load(dir).version().sha256())
        .isEqualTo(SanctionsLists.ofac().version().sha256());
  }

  @Test
  void the_whole_snapshot_loads_with_aliases_addresses_programs_and_identifiers() {
    SanctionsList list = SanctionsLists.ofac();
    assertThat(list.version().entries()).isEqualTo(8976);
    assertThat(list.version().aliases()).isEqualTo(11910);
    assertThat(list.version().sha256()).hasSize(64);
    ListedEntry nasrallah = entry(list, 2686);
    assertThat(nasrallah.name()).isEqualTo("NASRALLAH, Hasan");
    assertThat(nasrallah.type()).isEqualTo(PartyType.INDIVIDUAL);
    assertThat(nasrallah.programs()).containsExactly("SDGT", "SYRIA");
    ListedEntry havinBank = entry(list, 906);
    assertThat(havinBank.type()).isEqualTo(PartyType.ENTITY);
    assertThat(havinBank.identifiers()).contains(Identifier.bic("HAVIGB2L"));
    assertThat(havinBank.countries()).contains("GB");
    assertThat(entry(list, 15036).identifiers()).contains(Identifier.imo("9187629"));
  }

  @Test
  void a_listed_name_blocks_and_explains_itself() {
    List<SanctionsMatch> hits = screener.screen(ScreeningQuery.name("Banco Nacional de Cuba"));
    SanctionsMatch best = hits.get(0);
    assertThat(best.entry().id()).isEqualTo(new ListingId(306));
    assertThat(best.severity()).isEqualTo(Severity.BLOCK);
    assertThat(best.explain())
        .startsWith("1.000 BLOCK SDN-306 BANCO NACIONAL DE CUBA [CUBA] entity")
        .contains("matched primary \"BANCO NACIONAL DE CUBA\"");
  }

  @Test
  void an_alias_in_another_spelling_is_found_and_named() {
    SanctionsMatch best =
        screener.screen(ScreeningQuery.name("Osama bin Laden").ofType(PartyType.INDIVIDUAL)).get(0);
    assertThat(best.entry().id().number()).isEqualTo(6365);
    assertThat(best.matchedName().kind()).isEqualTo(NameVariant.Kind.AKA);
    assertThat(best.explain()).contains("[SDGT]").contains("matched aka \"BIN LADEN, Osama\"");
  }

  @Test
  void a_near_match_is_for_review_not_a_block() {
    SanctionsMatch best = screener.screen(ScreeningQuery.name("Hasan Nasralah")).get(0);
    assertThat(best.entry().id().number()).isEqualTo(2686);
    assertThat(best.score()).isBetween(MatchThresholds.DEFAULT.review(), 0.999);
  }

  @Test
  void a_look_alike_is_clear() {
    assertThat(screener.screen(ScreeningQuery.name("Banco Nacional de Chile"))).isEmpty();
    assertThat(screener.screen(ScreeningQuery.name("Bluewater Textiles Ltd"))).isEmpty();
  }

  @Test
  void a_listed_identifier_matches_exactly_whatever_the_name() {
    SanctionsMatch bank =
        screener
            .screen(ScreeningQuery.name("Some Bank").withIdentifier(Identifier.bic("HAVIGB2LXXX")))
            .get(0);
    assertThat(bank.entry().id().number()).isEqualTo(906);
    assertThat(bank.score()).isEqualTo(1.0);
    assertThat(bank.explain()).contains("matched identifier BIC HAVIGB2L");
    SanctionsMatch vessel =
        screener
            .screen(ScreeningQuery.name("Ocean Star").withIdentifier(Identifier.imo("9187629")))
            .get(0);
    assertThat(vessel.entry().id().number()).isEqualTo(15036);
  }

  @Test
  void a_known_type_compares_only_with_entries_of_that_type() {
    assertThat(screener.screen(ScreeningQuery.name("Hermann").ofType(PartyType.VESSEL)))
        .extracting(m -> m.entry().id().number())
        .contains(4234);
    assertThat(screener.screen(ScreeningQuery.name("Hermann").ofType(PartyType.INDIVIDUAL)))
        .isEmpty();
  }

  @Test
  void a_country_none_of_the_addresses_share_lowers_the_score_and_says_so() {
    SanctionsMatch here = screener.screen(ScreeningQuery.name("Havin Bank").inCountry("GB")).get(0);
    SanctionsMatch elsewhere =
        screener.bestMatches(ScreeningQuery.name("Havin Bank").inCountry("FR"), 0.5, 1).get(0);
    assertThat(elsewhere.entry()).isEqualTo(here.entry());
    assertThat(elsewhere.score()).isLessThan(here.score());
    assertThat(elsewhere.caveat()).hasValueSatisfying(c -> assertThat(c).contains("not FR"));
    assertThat(here.caveat()).isEmpty();
  }

  @Test
  void a_broken_file_names_itself_and_its_line(@TempDir Path dir) throws IOException {
    SanctionsLists.copySnapshot(dir);
    Files.writeString(dir.resolve("alt.csv"), "36,12,\"aka\",\"AERO-CARIBBEAN\"\r\n");
    assertThatThrownBy(() -> SanctionsList.load(dir))
        .isInstanceOf(SanctionsListException.class)
        .hasMessage("alt.csv line 1: 4 fields, expected 5");
    Files.writeString(dir.resolve("alt.csv"), "99999999,1,\"aka\",\"NOBODY\",-0- \r\n");
    assertThatThrownBy(() -> SanctionsList.load(dir))
        .hasMessage("alt.csv line 1: entry 99999999 is not in sdn.csv");
    Files.delete(dir.resolve("add.csv"));
    assertThatThrownBy(() -> SanctionsList.load(dir))
        .hasMessageContaining("add.csv")
        .hasMessageContaining("compliance.sanctions-dir");
  }

  @Test
  void a_changed_list_is_reloaded_and_a_broken_one_leaves_the_old_in_use(@TempDir Path dir)
      throws IOException {
    SanctionsLists.copySnapshot(dir);
    SanctionsScreener reloading = SanctionsScreener.load(dir, MatchThresholds.DEFAULT);
    ScreeningQuery newcomer = ScreeningQuery.name("Zyxwv Quantum Holdings");
    assertThat(reloading.screen(newcomer)).isEmpty();
    assertThat(reloading.reloadIfChanged()).isFalse();

    Path sdn = dir.resolve("sdn.csv");
    String listed = Files.readString(sdn).replace("\u001a", "");
    Files.writeString(
        sdn,
        listed
            + "99999,\"ZYXWV QUANTUM HOLDINGS LTD.\",-0- ,\"SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n");
    Files.setLastModifiedTime(sdn, FileTime.from(Instant.now().plusSeconds(5)));
    String before = reloading.version().sha256();
    assertThat(reloading.reloadIfChanged()).isTrue();
    assertThat(reloading.version().sha256()).isNotEqualTo(before);
    assertThat(reloading.screen(newcomer).get(0).entry().id().number()).isEqualTo(99999);

    Files.writeString(sdn, "not,a,list\r\n");
    Files.setLastModifiedTime(sdn, FileTime.from(Instant.now().plusSeconds(10)));
    assertThatThrownBy(reloading::reloadIfChanged).isInstanceOf(SanctionsListException.class);
    assertThat(reloading.screen(newcomer)).isNotEmpty();
  }

  private static ListedEntry entry(SanctionsList list, int number) {
    return list.entries().stream().filter(e -> e.id().number() == number).findFirst().orElseThrow();
  }
}
