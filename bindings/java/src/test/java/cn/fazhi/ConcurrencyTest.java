package cn.fazhi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The C ABI's rules: a dataset no longer being loaded into, and a computed
 * report, may be read from many threads at once; errors are per thread.
 */
class ConcurrencyTest {
  static final int THREADS = 4;
  static final String[] REGIONS = {"440103", "440104", "440100", "440203", "440200", "440000"};

  @Test
  void separateReportsOnOneDatasetFromFourThreads() throws Exception {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      ds.seal();
      // The figures each region gives on one thread ...
      List<String> expected = new ArrayList<>();
      for (String region : REGIONS) {
        try (Report r = ds.report(region, 2019)) {
          expected.add(r.toJson());
        }
      }
      // ... are what every thread gets, each computing and reading its own reports.
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int offset = t;
          done.add(pool.submit(() -> {
            int n = 0;
            for (int round = 0; round < 25; round++) {
              for (int i = 0; i < REGIONS.length; i++) {
                int k = (i + offset) % REGIONS.length;
                try (Report r = ds.report(REGIONS[k], 2019)) {
                  assertEquals(expected.get(k), r.toJson(), REGIONS[k]);
                  r.metrics();
                  n++;
                }
              }
              // An error on this thread carries this thread's message.
              NotFoundException e = org.junit.jupiter.api.Assertions.assertThrows(NotFoundException.class,
                  () -> ds.report("11010" + offset, 2019));
              org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("11010" + offset), e.getMessage());
            }
            return n;
          }));
        }
        for (Future<Integer> f : done) assertEquals(25 * REGIONS.length, f.get());
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void oneReportReadFromFourThreads() throws Exception {
    try (Dataset ds = Dataset.fromDir(TestData.BAIYUN); Report r = ds.report("440111", 2019)) {
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        List<Callable<Boolean>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          tasks.add(() -> {
            for (int i = 0; i < 200; i++) {
              assertEquals(Optional.of(Fraction.of(110, 117)), r.value("litigation.win_rate"));
              assertEquals(Optional.of(BigInteger.valueOf(439)), r.value("reconsideration.received"));
            }
            return true;
          });
        }
        for (Future<Boolean> f : pool.invokeAll(tasks)) assertEquals(true, f.get());
      } finally {
        pool.shutdown();
      }
    }
  }

  @Test
  void closeRacingWithReadsNeverFreesUnderACall() throws Exception {
    try (Dataset ds = Dataset.fromDir(TestData.ROLLUP)) {
      for (int round = 0; round < 50; round++) {
        Report r = ds.report("440103", 2019);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
          Future<Integer> reader = pool.submit(() -> {
            int n = 0;
            try {
              while (true) {
                r.metric("litigation.win_rate");
                n++;
              }
            } catch (IllegalStateException closed) {
              return n;
            }
          });
          pool.submit(r::close).get();
          reader.get(); // ends with IllegalStateException, never a crash
        } finally {
          pool.shutdown();
        }
      }
    }
  }
}
