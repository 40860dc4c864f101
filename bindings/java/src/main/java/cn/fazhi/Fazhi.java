package cn.fazhi;

/**
 * fazhi (法治): the figures of a justice bureau's annual rule-of-law report,
 * through the C ABI of libfazhi.so.1.
 *
 * <p>Start with {@link Dataset}, {@link Report}, {@link Calendar} and
 * {@link Lottery}. The library is found through the system property
 * {@code fazhi.library} (its path, or its folder), the environment variable
 * {@code FAZHI_LIBRARY}, the system loader, then {@code /usr/local/lib}.
 */
public final class Fazhi {
  private Fazhi() {}

  /** The library's version, "1.0.0". */
  public static String version() {
    return Text.borrowed(Capi.fz_version_string());
  }

  /** major * 10000 + minor * 100 + patch. */
  public static int versionNumber() {
    return Capi.fz_version_number();
  }

  /** The SONAME's number: 1 for every 1.x library. */
  public static int abiVersion() {
    return Capi.fz_abi_version();
  }
}
