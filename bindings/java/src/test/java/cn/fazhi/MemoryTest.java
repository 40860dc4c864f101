package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Handles are released: by close(), and by the Cleaner when one was never closed. */
class MemoryTest {
  /** Resident memory. Under ctest the heap is fixed and touched up front, so RSS moves only with native memory. */
  static long rssBytes() throws Exception {
    System.gc();
    Thread.sleep(100); // the native buffers of the binding's own calls are freed after a collection
    String[] statm = Files.readString(Path.of("/proc/self/statm")).trim().split(" ");
    return Long.parseLong(statm[1]) * 4096;
  }

  static boolean heapIsPretouched() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:+AlwaysPreTouch");
  }

  static void cycle(Dataset ds) {
    try (Report r = ds.report("440103", 2019)) {
      r.toJson();
      r.narrative();
      r.metrics();
    }
  }

  @Test
  void twoThousandReportsLeaveNoHandleAndNoGrowth() throws Exception {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      for (int i = 0; i < 500; i++) cycle(ds); // warm up: the JIT, allocator pools
      long handles = NativeHandle.live();
      long before = rssBytes();
      for (int i = 0; i < 2000; i++) cycle(ds);
      assertEquals(handles, NativeHandle.live(), "every report closed is freed at once");
      // The RSS bound needs a heap that does not grow (ctest's -Xms = -Xmx, -XX:+AlwaysPreTouch).
      Assumptions.assumeTrue(heapIsPretouched(), "the heap is not pre-touched: RSS would measure its growth");
      long growth = rssBytes() - before;
      // One report holds tens of KB natively and its JSON as much: a leak of
      // one per cycle would be more than 40 MB.
      assertTrue(growth < 16L << 20, "RSS grew by " + growth
          + " bytes over 2,000 reports");
    }
  }

  @Test
  void theCleanerFreesWhatWasNeverClosed() throws Exception {
    long handles = NativeHandle.live();
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      for (int i = 0; i < 100; i++) ds.report("440103", 2019).metric("litigation.win_rate");
    }
    for (int i = 0; i < 100 && NativeHandle.live() > handles; i++) {
      System.gc();
      Thread.sleep(20);
    }
    assertEquals(handles, NativeHandle.live());
  }
}
