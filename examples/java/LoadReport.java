// A first program against fazhi's Java binding: loads a dataset folder,
// computes one region's report for a year and prints a few figures, exact.
//
//   java -cp build/bindings/java/fazhi.jar:/usr/share/java/jna.jar:/usr/share/java/gson.jar \
//        -Dfazhi.library=build/libfazhi.so.1 \
//        examples/java/LoadReport.java data/examples/baiyun-2019 [440111 [2019]]
import cn.fazhi.Dataset;
import cn.fazhi.FazhiException;
import cn.fazhi.Fraction;
import cn.fazhi.LoadSummary;
import cn.fazhi.Metric;
import cn.fazhi.Report;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;

public class LoadReport {
  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: LoadReport DATA_DIR [REGION [YEAR]]");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    String region = args.length > 1 ? args[1] : "440111";
    int year = args.length > 2 ? Integer.parseInt(args[2]) : 2019;
    try (Dataset ds = Dataset.fromDir(dir); Report report = ds.report(region, year)) {
      LoadSummary loaded = ds.summary();
      System.out.printf("%s（%s） %s 至 %s：%d 行读入，%d 行拒收%n", report.regionName(),
          report.regionCode(), report.period().from(), report.period().to(), loaded.rowsAccepted(),
          loaded.rowsRejected());

      Metric received = report.metric("reconsideration.received");
      System.out.printf("%s %s（上年 %s，同比 %s）%n", received.label(), received.text(),
          received.previousText(), received.yoyText());

      Metric winRate = report.metric("litigation.win_rate");
      Fraction f = winRate.exact().orElseThrow();
      System.out.printf("%s %s = %s（四位小数 %s）%n", winRate.label(), winRate.text(), f,
          f.toBigDecimal(4, RoundingMode.HALF_UP));

      Metric recovered = report.metric("legal_aid.recovered_amount");
      BigDecimal yuan = (BigDecimal) recovered.value().orElseThrow();
      System.out.printf("%s %s = %s 元%n", recovered.label(), recovered.text(), yuan.toPlainString());
    } catch (FazhiException e) {
      System.err.println("fazhi: " + e.status().cName() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
