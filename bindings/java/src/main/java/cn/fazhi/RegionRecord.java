package cn.fazhi;

import com.sun.jna.Pointer;

/** One region's name (regions.csv): "440111", "白云区". */
public final class RegionRecord extends DataRecord {
  private final Structs.Regions s = new Structs.Regions();

  /** region (required). */
  public RegionRecord region(String value) {
    s.region = text(value, "region");
    return this;
  }

  /** name (required). */
  public RegionRecord name(String value) {
    s.name = text(value, "name");
    return this;
  }

  @Override
  int addTo(Pointer ds) {
    return Capi.fz_dataset_add_regions(ds, s.written());
  }
}
