package cn.fazhi;

import java.util.Optional;

/**
 * A region a dataset can report on (GB/T 2260), from {@link Dataset#regions}:
 * "440111" 白云区, a district of "440100".
 *
 * @param code "440111"
 * @param name from regions.csv ("白云区"); empty when it names none
 * @param level district, city or province
 * @param parent the next level up ("440100"); empty for a province
 */
public record Region(String code, Optional<String> name, Level level, Optional<String> parent) {
  /** The levels of a region (FZ_REGION_*): figures roll up district, city, province. */
  public enum Level {
    /** "440000". */
    PROVINCE,
    /** "440100". */
    CITY,
    /** "440111". */
    DISTRICT
  }
}
