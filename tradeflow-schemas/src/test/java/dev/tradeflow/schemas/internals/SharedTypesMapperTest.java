package dev.tradeflow.schemas.internals;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradeflow.domain.lc.AvailableBy;
import dev.tradeflow.domain.lc.ConfirmationInstruction;
import dev.tradeflow.domain.lc.DocumentDisposal;
import org.junit.jupiter.api.Test;

/** The domain enums and the schema enums list the same symbols, so every value maps both ways. */
class SharedTypesMapperTest {

  @Test
  void every_way_of_honouring_maps_both_ways() {
    assertThat(dev.tradeflow.schemas.avro.AvailableBy.values()).hasSameSizeAs(AvailableBy.values());
    for (AvailableBy mode : AvailableBy.values()) {
      assertThat(SharedTypesMapper.toDomain(SharedTypesMapper.toAvro(mode))).isEqualTo(mode);
    }
  }

  @Test
  void every_confirmation_instruction_maps_both_ways() {
    assertThat(dev.tradeflow.schemas.avro.ConfirmationInstruction.values())
        .hasSameSizeAs(ConfirmationInstruction.values());
    for (ConfirmationInstruction instruction : ConfirmationInstruction.values()) {
      assertThat(SharedTypesMapper.toDomain(SharedTypesMapper.toAvro(instruction)))
          .isEqualTo(instruction);
    }
  }

  @Test
  void every_document_disposal_maps_both_ways() {
    assertThat(dev.tradeflow.schemas.avro.DocumentDisposal.values())
        .hasSameSizeAs(DocumentDisposal.values());
    for (DocumentDisposal disposal : DocumentDisposal.values()) {
      assertThat(SharedTypesMapper.toDomain(SharedTypesMapper.toAvro(disposal)))
          .isEqualTo(disposal);
    }
  }
}
