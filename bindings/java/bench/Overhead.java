import cn.fazhi.Dataset;
import cn.fazhi.Metric;
import cn.fazhi.NotFoundException;
import cn.fazhi.Report;
import cn.fazhi.ReportOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The Java binding's overhead over C: the work of overhead.c through the
 * binding, with every value converted to its Java type (Metric: Strings,
 * BigInteger, BigDecimal, Fraction) and the all-regions JSON copied into a
 * byte[]; then, for information, that JSON as a String.
 *
 * <pre>
 *   java -cp fazhi.jar:jna.jar:fazhi-bench.jar -Dfazhi.library=libfazhi.so.1 Overhead DIR [ROUNDS [REGIONS [STAGES]]]
 *
 * STAGES "c": only the stages overhead.c has (no json_str), for timing the
 * two whole processes against each other.
 * </pre>
 */
public final class Overhead {
  private static final LocalDate FROM = LocalDate.of(2019, 1, 1);
  private static final LocalDate TO = LocalDate.of(2019, 12, 31);

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: Overhead DIR [ROUNDS]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<String> all = Files.readAllLines(dir.resolve("regions.csv")).stream().skip(1)
        .map(line -> line.substring(0, 6)).collect(Collectors.toList());
    int sample = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    boolean withString = args.length <= 3 || !args[3].equals("c");
    if (sample < 1 || sample > all.size()) sample = all.size();
    List<String> regions = new ArrayList<>();
    for (int i = 0; i < sample; i++) regions.add(all.get((int) ((long) i * all.size() / sample)));
    double[] load = new double[rounds];
    double[] json = new double[rounds];
    double[] reports = new double[rounds];
    double[] jsonString = new double[rounds];
    long checksum = 0;
    // Round 0 warms up (the page cache, the JIT) and is not counted, as in C.
    for (int round = 0; round <= rounds; round++) {
      long t0 = System.nanoTime();
      Dataset ds = Dataset.fromDir(dir);
      ds.seal();
      long t1 = System.nanoTime();
      checksum += ds.allReportsJsonUtf8(FROM, TO, new ReportOptions()).length;
      long t2 = System.nanoTime();
      for (String region : regions) {
        Report r;
        try {
          r = ds.report(region, 2019);
        } catch (NotFoundException withoutRecords) {
          continue;
        }
        try (r) {
          for (Metric m : r.metrics()) checksum += m.text().length() + m.label().length();
        }
      }
      long t3 = System.nanoTime();
      // For information (C has no such stage): the JSON as a Java String,
      // decoded from UTF-8 to UTF-16. It computes every report again, so a
      // whole-process comparison with overhead_c leaves it out (STAGES "c").
      if (withString) checksum += ds.allReportsJson(FROM, TO, new ReportOptions()).length();
      long t4 = System.nanoTime();
      ds.close();
      if (round > 0) {
        load[round - 1] = (t1 - t0) / 1e6;
        json[round - 1] = (t2 - t1) / 1e6;
        reports[round - 1] = (t3 - t2) / 1e6;
        jsonString[round - 1] = (t4 - t3) / 1e6;
      }
    }
    System.out.printf("Java, %d of %d regions one by one, %d rounds (checksum %d)%n", sample, all.size(),
        rounds, checksum);
    print("load", load);
    print("all_json", json);
    print("reports", reports);
    print("json_str", jsonString);
  }

  private static void print(String name, double[] ms) {
    double[] sorted = ms.clone();
    Arrays.sort(sorted);
    System.out.printf("%-8s best %9.1f ms  median %9.1f ms%n", name, sorted[0], sorted[sorted.length / 2]);
  }
}
