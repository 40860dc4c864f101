package cn.fazhi;

import com.sun.jna.Pointer;
import java.time.LocalDate;

/** One standing entity (registry.csv): a law firm, a lawyer, a mediation organisation, ...; no end date while it stands. */
public final class RegistryRecord extends DataRecord {
  private final Structs.Registry s = new Structs.Registry();

  /** kind (required). */
  public RegistryRecord kind(String value) {
    s.kind = text(value, "kind");
    return this;
  }

  /** entity_id (required). */
  public RegistryRecord entityId(String value) {
    s.entity_id = text(value, "entity_id");
    return this;
  }

  /** region (required). */
  public RegistryRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** start_date (required). */
  public RegistryRecord startDate(LocalDate value) {
    s.start_date = date(value, "start_date");
    return this;
  }

  /** end_date. */
  public RegistryRecord endDate(LocalDate value) {
    s.end_date = date(value, "end_date");
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_registry(ds, s.written());
  }
}
