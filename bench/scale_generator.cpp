#include "scale_generator.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <filesystem>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "fazhi/date.hpp"
#include "fazhi/text.hpp"

namespace fazhi::bench {
namespace {

// Rng is splitmix64: small, fast, and the same everywhere.
class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  // below(n): uniform in [0, n).
  uint32_t below(uint32_t n) {
    return static_cast<uint32_t>((static_cast<unsigned __int128>(next()) * n) >> 64);
  }
  // percent(p): true p% of the time.
  bool percent(uint32_t p) { return below(100) < p; }
  int32_t between(int32_t lo, int32_t hi) {  // inclusive
    return lo + static_cast<int32_t>(below(static_cast<uint32_t>(hi - lo + 1)));
  }

 private:
  uint64_t state_;
};

// Weighted picks from a small table of (weight, text).
struct Choice {
  uint32_t weight;
  std::string_view text;
};
template <size_t N>
std::string_view pick(Rng& rng, const Choice (&table)[N]) {
  uint32_t total = 0;
  for (const Choice& c : table) total += c.weight;
  uint32_t r = rng.below(total);
  for (const Choice& c : table) {
    if (r < c.weight) return c.text;
    r -= c.weight;
  }
  return table[N - 1].text;
}

constexpr int kProvinces[] = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41,
                              42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};
constexpr int kCitiesPerProvince = 10, kDistrictsPerCity = 10;

constexpr std::string_view kCategories[] = {
    "公安",         "市场监管", "自然资源", "人力资源社会保障",
    "住房城乡建设", "生态环境", "交通运输", "卫生健康"};
constexpr std::string_view kAgencies[] = {
    "公安分局",     "市场监督管理局", "自然资源局", "人力资源和社会保障局", "住房和城乡建设局",
    "生态环境分局", "交通运输局",     "卫生健康局", "城市管理和综合执法局", "税务局",
    "教育局",       "区人民政府"};
constexpr std::string_view kDisputes[] = {"婚姻家庭", "邻里纠纷", "房屋宅基地", "合同纠纷",
                                          "损害赔偿", "劳动争议", "物业纠纷",   "道路交通",
                                          "医疗纠纷", "其他纠纷"};

constexpr Choice kDispositions[] = {{30, "upheld"},
                                    {18, "claim_rejected"},
                                    {6, "application_rejected"},
                                    {12, "revoked"},
                                    {3, "altered"},
                                    {5, "confirmed_illegal"},
                                    {1, "confirmed_void"},
                                    {2, "ordered_performance"},
                                    {1, "agreement_remedy"},
                                    {5, "mediated"},
                                    {4, "settled"},
                                    {3, "withdrawn_after_correction"},
                                    {7, "withdrawn"},
                                    {2, "terminated"},
                                    {1, "other"}};
constexpr Choice kOutcomes[] = {{55, "judgment_win"},
                                {6, "judgment_loss"},
                                {12, "ruling_dismissed"},
                                {10, "withdrawn"},
                                {3, "withdrawn_after_correction"},
                                {4, "remanded"},
                                {4, "mediated"},
                                {6, "other"}};
constexpr Choice kInstances[] = {{60, "first"}, {30, "second"}, {10, "retrial"}};
constexpr Choice kCaseTypes[] = {
    {40, "criminal"}, {50, "civil"}, {5, "administrative"}, {5, "other"}};
constexpr Choice kMethods[] = {{60, "lottery"}, {30, "designated"}, {10, "duty"}};
constexpr Choice kRegistryKinds[] = {{60, "lawyer"},
                                     {10, "law_firm"},
                                     {15, "mediation_org"},
                                     {8, "mediator_fulltime"},
                                     {1, "notary_office"},
                                     {2, "notary_point"},
                                     {4, "legal_service_platform"}};

// Days are written from a table covering 2000-01-01 .. 2021-12-31.
class DayText {
 public:
  DayText() {
    first_ = to_day_number(Date(2000, 1, 1));
    const DayNumber last = to_day_number(Date(2021, 12, 31));
    text_.reserve(static_cast<size_t>(last - first_ + 1) * 10);
    for (DayNumber d = first_; d <= last; ++d) text_ += format_iso_day(d);
  }
  std::string_view operator()(DayNumber d) const {
    return std::string_view(text_).substr(static_cast<size_t>(d - first_) * 10, 10);
  }
  DayNumber day(int y, int m, int d) const {
    return to_day_number(Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m),
                              static_cast<unsigned short>(d)));
  }

 private:
  DayNumber first_;
  std::string text_;
};

// Out buffers a CSV file and writes it in large blocks. Under any shape but
// kOrdered it keeps the whole file and writes the rows in the shape's order
// when closed; the order draws on its own Rng, so the rows' contents do not
// depend on the shape.
class Out {
 public:
  Out(const std::string& path, Shape shape, uint64_t seed)
      : file_(std::fopen(path.c_str(), "wb")), shape_(shape), order_rng_(seed ^ kOrderSalt) {
    buf_.reserve(kFlush + 4096);
  }
  ~Out() { close(); }
  bool ok() const { return file_ != nullptr && !failed_; }
  void header(std::string_view line) {
    buf_.append(line).push_back('\n');
    row_begin_ = static_cast<int64_t>(buf_.size());
  }
  Out& add(std::string_view s) {
    buf_.append(s);
    return *this;
  }
  Out& num(int64_t v) {
    char tmp[24];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
    return *this;
  }
  Out& c() {
    buf_.push_back(',');
    return *this;
  }
  // end_row ends a data row; under kByDate, `day` places it.
  void end_row(DayNumber day = kNoDay) {
    buf_.push_back('\n');
    if (shape_ == Shape::kOrdered) {
      if (buf_.size() >= kFlush) flush(buf_);
      return;
    }
    uint64_t key = order_rng_.next();
    if (shape_ == Shape::kByDate)
      key = static_cast<uint64_t>(static_cast<uint32_t>(day)) << 32 | key >> 32;
    order_.emplace_back(key, static_cast<uint32_t>(row_begins_.size()));
    row_begins_.push_back(row_begin_);
    row_begin_ = static_cast<int64_t>(buf_.size());
  }
  int64_t close() {
    if (file_ != nullptr) {
      if (shape_ != Shape::kOrdered) write_in_order();
      flush(buf_);
      if (std::fclose(file_) != 0) failed_ = true;
      file_ = nullptr;
    }
    return written_;
  }

 private:
  static constexpr size_t kFlush = size_t{4} << 20;
  static constexpr uint64_t kOrderSalt = 0x5348415045ULL;
  void flush(std::string& block) {
    if (file_ != nullptr && !block.empty() &&
        std::fwrite(block.data(), 1, block.size(), file_) != block.size()) {
      failed_ = true;
    }
    written_ += static_cast<int64_t>(block.size());
    block.clear();
  }
  // write_in_order writes the header, then the kept rows sorted by key (ties
  // in the order they were made), and leaves buf_ empty.
  void write_in_order() {
    std::sort(order_.begin(), order_.end());
    const std::string_view all(buf_);
    const int64_t header_end = row_begins_.empty() ? row_begin_ : row_begins_.front();
    std::string block(all.substr(0, static_cast<size_t>(header_end)));
    block.reserve(kFlush + 4096);
    for (const auto& [key, row] : order_) {
      const int64_t begin = row_begins_[row];
      const int64_t end = row + 1 < row_begins_.size() ? row_begins_[row + 1] : row_begin_;
      block.append(all.substr(static_cast<size_t>(begin), static_cast<size_t>(end - begin)));
      if (block.size() >= kFlush) flush(block);
    }
    flush(block);
    buf_.clear();
  }
  std::FILE* file_;
  std::string buf_;
  int64_t written_ = 0;
  bool failed_ = false;
  Shape shape_;
  Rng order_rng_;
  int64_t row_begin_ = 0;                             // where the row being written starts
  std::vector<int64_t> row_begins_;                   // kept rows, in the order made
  std::vector<std::pair<uint64_t, uint32_t>> order_;  // (sort key, row)
};

struct World {
  Shape shape;
  std::vector<std::string> districts;  // "110101", ...
  DayText days;
  DayNumber first_2017_tail, first_2018, last_2019, last_2020;
  int first_city;
  World(Shape s, int first) : shape(s), first_city(first) {
    for (int p : kProvinces) {
      for (int c = first_city; c < first_city + kCitiesPerProvince; ++c) {
        for (int d = 1; d <= kDistrictsPerCity; ++d) {
          districts.push_back(absl::StrCat(p * 10000 + c * 100 + d));
        }
      }
    }
    first_2017_tail = days.day(2017, 9, 1);
    first_2018 = days.day(2018, 1, 1);
    last_2019 = days.day(2019, 12, 31);
    last_2020 = days.day(2020, 12, 31);
  }
  // A start date: 2018-2019, with about 5% carried over from late 2017.
  DayNumber start_day(Rng& rng) const {
    if (rng.percent(5)) return rng.between(first_2017_tail, first_2018 - 1);
    return rng.between(first_2018, last_2019);
  }
};

// id writes a sequence number after a prefix, unique per kind: as ten digits,
// or as few as it needs under Shape::kUnpadded.
void id(const World& w, Out& o, std::string_view prefix, int64_t seq) {
  if (w.shape == Shape::kUnpadded) {
    o.add(prefix).num(seq);
    return;
  }
  char digits[10];
  for (int k = 9; k >= 0; --k, seq /= 10) digits[k] = static_cast<char>('0' + seq % 10);
  o.add(prefix).add(std::string_view(digits, sizeof digits));
}

void tri(Out& o, Rng& rng, uint32_t yes, uint32_t no) {
  const uint32_t r = rng.below(100);
  if (r < yes) {
    o.add("1");
  } else if (r < yes + no) {
    o.add("0");
  }
}

int64_t write_reconsideration(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header(
      "case_id,region,received_date,accepted_date,closed_date,disposition,respondent,category,"
      "simple_procedure,extended,litigated,suspended_days,compensation");
  for (int64_t i = 0; i < n; ++i) {
    const std::string& region = w.districts[rng.below(static_cast<uint32_t>(w.districts.size()))];
    const DayNumber received = w.start_day(rng);
    DayNumber accepted = kNoDay, closed = kNoDay;
    std::string_view disposition;
    if (rng.percent(92)) {
      accepted = received + rng.between(0, 5);
      if (rng.percent(85)) {
        closed = accepted + rng.between(20, 89);
        disposition = pick(rng, kDispositions);
      }
    } else if (rng.percent(60)) {
      closed = received + rng.between(1, 5);
      disposition = "not_accepted";
    }
    id(w, o, "FY", i + 1);
    o.c().add(region).c().add(w.days(received)).c();
    if (accepted != kNoDay) o.add(w.days(accepted));
    o.c();
    if (closed != kNoDay) o.add(w.days(closed));
    o.c().add(disposition).c();
    o.add(region).add(kAgencies[rng.below(std::size(kAgencies))]).c();
    if (rng.percent(90)) o.add(kCategories[rng.below(std::size(kCategories))]);
    o.c();
    tri(o, rng, 20, 70);
    o.c();
    tri(o, rng, 10, 85);
    o.c();
    if (closed != kNoDay) tri(o, rng, 20, 75);
    o.c();
    if (rng.percent(10)) o.num(rng.between(0, 30));
    o.c();
    if (rng.percent(3)) o.add("1");
    o.end_row(received);
  }
  return o.close();
}

int64_t write_litigation(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header(
      "case_id,region,filed_date,instance,defendant,category,defence_date,closed_date,outcome,"
      "head_appeared,lawyer_only,hearing_held");
  for (int64_t i = 0; i < n; ++i) {
    const std::string& region = w.districts[rng.below(static_cast<uint32_t>(w.districts.size()))];
    const DayNumber filed = w.start_day(rng);
    id(w, o, "SS", i + 1);
    o.c().add(region).c().add(w.days(filed)).c().add(pick(rng, kInstances)).c();
    o.add(region).add(kAgencies[rng.below(std::size(kAgencies))]).c();
    o.add(kCategories[rng.below(std::size(kCategories))]).c();
    if (rng.percent(85)) o.add(w.days(filed + rng.between(3, 20)));
    o.c();
    const bool closed = rng.percent(80);
    if (closed) o.add(w.days(filed + rng.between(30, 200)));
    o.c();
    if (closed) o.add(pick(rng, kOutcomes));
    o.c();
    const bool hearing = rng.percent(70);
    if (hearing) tri(o, rng, 60, 40);
    o.c();
    tri(o, rng, 2, 90);
    o.c().add(hearing ? "1" : "0");
    o.end_row(filed);
  }
  return o.close();
}

int64_t write_legal_aid(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header(
      "case_id,region,applied_date,decided_date,decision,accepted_date,case_type,assigned_date,"
      "lawyer_id,firm_id,assignment_method,commitment,closed_date,recovered_amount");
  for (int64_t i = 0; i < n; ++i) {
    const uint32_t district = rng.below(static_cast<uint32_t>(w.districts.size()));
    const std::string& region = w.districts[district];
    const DayNumber applied = w.start_day(rng);
    id(w, o, "FA", i + 1);
    o.c().add(region).c().add(w.days(applied)).c();
    DayNumber decided = kNoDay, assigned = kNoDay, closed = kNoDay;
    bool granted = false;
    if (rng.percent(97)) {
      decided = applied + rng.between(0, 3);
      granted = rng.percent(92);
    }
    if (decided != kNoDay) o.add(w.days(decided));
    o.c();
    if (decided != kNoDay) o.add(granted ? "granted" : "denied");
    o.c();
    if (granted) o.add(w.days(decided));
    o.c();
    const std::string_view type = pick(rng, kCaseTypes);
    o.add(type).c();
    if (granted && rng.percent(95)) assigned = decided + rng.between(0, 3);
    if (assigned != kNoDay) o.add(w.days(assigned));
    o.c();
    if (assigned != kNoDay) {
      const uint32_t firm = rng.below(8);
      o.add("L").add(region).num(firm * 10 + rng.below(10)).c();
      o.add("F").add(region).num(firm).c();
      o.add(pick(rng, kMethods));
    } else {
      o.c().c();
    }
    o.c();
    tri(o, rng, 30, 60);
    o.c();
    if (assigned != kNoDay && rng.percent(70)) closed = assigned + rng.between(10, 180);
    if (closed != kNoDay) o.add(w.days(closed));
    o.c();
    if (closed != kNoDay && type == "civil" && rng.percent(30)) {
      o.num(rng.between(500, 200000)).add(".").num(rng.between(10, 99));
    }
    o.end_row(applied);
  }
  return o.close();
}

int64_t write_mediation(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header("case_id,region,org_id,received_date,closed_date,outcome,major_group,category");
  for (int64_t i = 0; i < n; ++i) {
    const std::string& region = w.districts[rng.below(static_cast<uint32_t>(w.districts.size()))];
    const DayNumber received = w.start_day(rng);
    id(w, o, "TJ", i + 1);
    o.c().add(region).c().add("TW").add(region).num(rng.below(20)).c();
    o.add(w.days(received)).c();
    const bool closed = rng.percent(92);
    if (closed) o.add(w.days(received + rng.between(1, 30)));
    o.c();
    if (closed) {
      const uint32_t r = rng.below(100);
      o.add(r < 93 ? "success" : r < 99 ? "failure" : "other");
    }
    o.c().add(rng.percent(1) ? "1" : "0").c();
    o.add(kDisputes[rng.below(std::size(kDisputes))]);
    o.end_row(received);
  }
  return o.close();
}

int64_t write_registry(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header("kind,entity_id,region,start_date,end_date");
  const DayNumber first = w.days.day(2000, 1, 1);
  for (int64_t i = 0; i < n; ++i) {
    const std::string& region = w.districts[rng.below(static_cast<uint32_t>(w.districts.size()))];
    const DayNumber start = rng.between(first, w.last_2019);
    o.add(pick(rng, kRegistryKinds)).c();
    id(w, o, "DJ", i + 1);
    o.c().add(region).c().add(w.days(start)).c();
    if (rng.percent(10)) {
      const DayNumber end = start + rng.between(100, 3000);
      if (end <= w.last_2020) o.add(w.days(end));
    }
    o.end_row(start);
  }
  return o.close();
}

int64_t write_activity(const World& w, const std::string& path, int64_t n, uint64_t seed) {
  Out o(path, w.shape, seed);
  Rng rng(seed);
  o.header("region,date,indicator,value,note");
  const std::span<const CodeEntry> indicators = code_table<Indicator>();
  for (int64_t i = 0; i < n; ++i) {
    o.add(w.districts[rng.below(static_cast<uint32_t>(w.districts.size()))]).c();
    const DayNumber day = rng.between(w.first_2018, w.last_2019);
    o.add(w.days(day)).c();
    o.add(indicators[rng.below(static_cast<uint32_t>(indicators.size()))].code).c();
    o.num(rng.between(1, 500)).c();
    if (rng.percent(5)) o.add("月度台账");
    o.end_row(day);
  }
  return o.close();
}

int64_t write_regions(const World& w, const std::string& path) {
  Out o(path, Shape::kOrdered, 0);
  o.header("region,name");
  for (int p : kProvinces) {
    o.num(p * 10000).c().add("测试省").num(p).end_row();
    for (int c = w.first_city; c < w.first_city + kCitiesPerProvince; ++c) {
      o.num(p * 10000 + c * 100).c().add("测试市").num(p * 100 + c).end_row();
    }
  }
  for (const std::string& d : w.districts) o.add(d).c().add("测试区").add(d).end_row();
  return o.close();
}

}  // namespace

bool parse_shape(std::string_view name, Shape* shape) {
  static constexpr std::pair<std::string_view, Shape> kNames[] = {{"ordered", Shape::kOrdered},
                                                                  {"shuffled", Shape::kShuffled},
                                                                  {"unpadded", Shape::kUnpadded},
                                                                  {"by_date", Shape::kByDate}};
  for (const auto& [text, value] : kNames) {
    if (name == text) {
      *shape = value;
      return true;
    }
  }
  return false;
}

absl::StatusOr<ScaleStats> generate_scale(const ScaleOptions& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.out, ec);
  if (ec) return absl::UnavailableError(absl::StrCat(options.out, ": ", ec.message()));
  if (options.first_city < 1 || options.first_city + kCitiesPerProvince - 1 > 99) {
    return absl::InvalidArgumentError("first_city must be between 1 and 90");
  }
  const World world(options.shape, options.first_city);
  const int64_t n = options.records;
  ScaleStats stats;
  auto rows = [&](RecordKind k) -> int64_t& { return stats.rows[static_cast<size_t>(k)]; };
  rows(RecordKind::kMediation) = n * 45 / 100;
  rows(RecordKind::kLegalAid) = n * 30 / 100;
  rows(RecordKind::kReconsideration) = n * 12 / 100;
  rows(RecordKind::kLitigation) = n * 8 / 100;
  rows(RecordKind::kRegistry) = n - rows(RecordKind::kMediation) - rows(RecordKind::kLegalAid) -
                                rows(RecordKind::kReconsideration) - rows(RecordKind::kLitigation);
  rows(RecordKind::kActivity) = n / 20;
  rows(RecordKind::kRegions) = static_cast<int64_t>(std::size(kProvinces)) *
                               (1 + kCitiesPerProvince * (1 + kDistrictsPerCity));
  auto path = [&](RecordKind k) {
    return absl::StrCat(options.out, "/", std::string(kind_name(k)), ".csv");
  };
  auto seed = [&](RecordKind k) {
    return options.seed * 0x100000001B3ULL + static_cast<uint64_t>(k);
  };
  auto bytes = [&](RecordKind k) -> int64_t& { return stats.bytes[static_cast<size_t>(k)]; };
  using K = RecordKind;
  std::vector<std::thread> writers;
  writers.emplace_back([&] {
    bytes(K::kMediation) =
        write_mediation(world, path(K::kMediation), rows(K::kMediation), seed(K::kMediation));
  });
  writers.emplace_back([&] {
    bytes(K::kLegalAid) =
        write_legal_aid(world, path(K::kLegalAid), rows(K::kLegalAid), seed(K::kLegalAid));
  });
  writers.emplace_back([&] {
    bytes(K::kReconsideration) = write_reconsideration(
        world, path(K::kReconsideration), rows(K::kReconsideration), seed(K::kReconsideration));
    bytes(K::kLitigation) =
        write_litigation(world, path(K::kLitigation), rows(K::kLitigation), seed(K::kLitigation));
    bytes(K::kRegistry) =
        write_registry(world, path(K::kRegistry), rows(K::kRegistry), seed(K::kRegistry));
    bytes(K::kActivity) =
        write_activity(world, path(K::kActivity), rows(K::kActivity), seed(K::kActivity));
    bytes(K::kRegions) = write_regions(world, path(K::kRegions));
  });
  for (std::thread& t : writers) t.join();
  for (int64_t b : stats.bytes) stats.total_bytes += b;
  for (size_t k = 0; k < stats.bytes.size(); ++k) {
    const std::string p = path(static_cast<RecordKind>(k));
    if (static_cast<int64_t>(std::filesystem::file_size(p, ec)) != stats.bytes[k] || ec) {
      return absl::UnavailableError(absl::StrCat(p, ": write failed"));
    }
  }
  return stats;
}

}  // namespace fazhi::bench
