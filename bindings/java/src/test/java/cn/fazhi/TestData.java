package cn.fazhi;

import java.nio.file.Path;

/** Where the test data lies: the system property fazhi.source (the repository), set by ctest. */
final class TestData {
  private TestData() {}

  static final Path SOURCE = Path.of(System.getProperty("fazhi.source", "../.."));
  static final Path BAIYUN = SOURCE.resolve("data/examples/baiyun-2019");
  static final Path BAIYUN_PROFILE = BAIYUN.resolve("profile.json");
  static final Path ROLLUP = SOURCE.resolve("tests/data/rollup-small");
  static final Path COUNTY = SOURCE.resolve("data/examples/county-2024");
}
