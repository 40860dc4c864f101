// The tally's file (docs/tally.md): its content as a JSON value with sorted
// keys, whose CBOR encoding (nlohmann-json) is canonical and digested with
// SHA-256 (libcrypto), wrapped as {"format", "format_version", "content",
// "sha256"} and written as CBOR, or as JSON text for people. Reading checks
// the wrapper, the digest and then every field, so that a truncated, altered
// or other-version file is refused with what is wrong, never half read.

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <deque>
#include <limits>
#include <map>
#include <span>
#include <memory>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "fazhi/tally.hpp"
#include "metrics/breakdown_internal.hpp"
#include "metrics/portable.hpp"
#include "nlohmann/json.hpp"
#include "platform/huge_pages.hpp"
#include "platform/parallel.hpp"

namespace fazhi {
namespace internal {
namespace {

using Json = nlohmann::json;  // std::map objects: keys sorted, so the CBOR is canonical

constexpr char kFormat[] = "fazhi-tally";

std::string sha256_hex(std::string_view bytes) {
  unsigned char d[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), d, &len, EVP_sha256(), nullptr) != 1) return "";
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[d[i] >> 4]);
    out.push_back(kHex[d[i] & 0x0F]);
  }
  return out;
}

std::string code_text(RegionCode c) { return c == RegionCode() ? "000000" : c.str(); }

Json period_json(Period p) { return Json::array({format_iso_day(p.from), format_iso_day(p.to)}); }

// counts_text writes counters as decimal numbers parted by spaces: one
// string per group list, so that a national tally's many counters read
// back fast, and still as numbers people can read.
std::string counts_text(std::span<const int64_t> counts) {
  // Written into room for the longest numbers (a sign and 19 digits, and a
  // space, each), then copied at its length: a national tally writes
  // millions of numbers, and keeps each list until it is encoded.
  const size_t room = counts.size() * 21;
  const std::unique_ptr<char[]> text = std::make_unique_for_overwrite<char[]>(room);
  char* at = text.get();
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i > 0) *at++ = ' ';
    at = std::to_chars(at, text.get() + room, counts[i]).ptr;
  }
  return std::string(text.get(), at);
}

Json split_json(const TallySplit& s) {
  Json keys = Json::array(), districts = Json::array();
  for (const std::optional<std::string>& k : s.keys) keys.push_back(k ? Json(*k) : Json(nullptr));
  for (const TallySplit::District& d : s.districts) {
    districts.push_back(Json::array({d.code.str(), d.values, counts_text(d.counts)}));
  }
  return {{"family", kind_name(s.family)}, {"dimension", s.dimension}, {"dated", s.dated},
          {"quarters", s.quarters},        {"keys", std::move(keys)},  {"labels", s.labels},
          {"districts", std::move(districts)}};
}

Json pass_json(const TallyPass& p) {
  Json districts = Json::array();
  for (const auto& [code, counts] : p.districts) districts.push_back(Json::array({code.str(), counts_text(counts)}));
  return {{"family", kind_name(p.family)}, {"days", period_json(p.days)}, {"districts", std::move(districts)}};
}

Json tables_json(const TallyTables& tables) {
  Json splits = Json::array(), passes = Json::array();
  for (const TallySplit& s : tables.splits) splits.push_back(split_json(s));
  for (const TallyPass& p : tables.passes) passes.push_back(pass_json(p));
  return {{"splits", std::move(splits)}, {"passes", std::move(passes)}};
}

Json row_json(const RowTally& row) {
  Json slots = Json::array();
  for (const SlotCounts& s : row.slots) {
    // Each list as one string of numbers: a national tally holds
    // millions of them, which as one JSON value each take seconds to read.
    std::vector<int64_t> days, cases;
    Json lawyers = Json::array();
    for (const auto& [d, n] : s.days) days.insert(days.end(), {d, n});
    for (const auto& [id, n] : s.lawyers) {
      lawyers.push_back(id);
      cases.push_back(n);
    }
    slots.push_back({{"n", counts_text(s.n)},
                     {"days", counts_text(days)},
                     {"lawyers", std::move(lawyers)},
                     {"lawyer_cases", counts_text(cases)}});
  }
  return {{"region", row.code.str()}, {"periods", std::move(slots)}};
}

// run_head is a run without its rows.
Json run_head(const RunTally& run) {
  return {{"period", period_json(run.period)}, {"compared", period_json(run.compared)}};
}

// content_head is the content without its runs and tables: what content_of
// and content_cbor share.
Json content_head(const TallyData& t) {
  Json c = Json::object();
  c["format_version"] = kTallyFormatVersion;
  c["fazhi_version"] = t.fazhi_version;
  c["counters"] = static_cast<int64_t>(kCounterCount);
  c["region"] = code_text(t.region);
  c["calendar"] = {{"first", t.calendar.first}, {"last", t.calendar.last}, {"sha256", t.calendar.sha256}};
  Json counting = {{"roll_over_make_up_weekends", t.counting.roll_over_make_up_weekends},
                   {"exclude_suspended_days", t.counting.exclude_suspended_days},
                   {"legal_aid_review_limit_workdays", t.counting.legal_aid_review_limit_workdays},
                   {"legal_aid_assignment_limit_workdays", t.counting.legal_aid_assignment_limit_workdays},
                   {"legal_aid_case_limit_days", nullptr}};
  if (t.counting.legal_aid_case_limit_days) counting["legal_aid_case_limit_days"] = *t.counting.legal_aid_case_limit_days;
  c["counting"] = std::move(counting);
  Json records = Json::object();
  for (size_t k = 0; k < t.records.size(); ++k) {
    if (static_cast<RecordKind>(k) == RecordKind::kRegions) continue;
    records[std::string(kind_name(static_cast<RecordKind>(k)))] = t.records[k];
  }
  c["load"] = {{"records", std::move(records)},
               {"rows_read", t.rows_read},
               {"rows_rejected", t.rows_rejected},
               {"notices", t.notices}};
  Json names = Json::array();
  for (const auto& [code, name] : t.names) names.push_back(Json::array({code.str(), name}));
  c["names"] = std::move(names);
  return c;
}

// content_of is the content as one JSON value: the definition of what
// content_cbor encodes, and the file's JSON text.
Json content_of(const TallyData& t) {
  Json c = content_head(t);
  Json runs = Json::array();
  for (const RunTally& run : t.runs) {
    Json rows = Json::array();
    for (const RowTally& row : run.rows) rows.push_back(row_json(row));
    Json r = run_head(run);
    r["rows"] = std::move(rows);
    runs.push_back(std::move(r));
  }
  c["runs"] = std::move(runs);
  c["tables"] = tables_json(t.tables);
  return c;
}

// ---- The content's CBOR, a piece at a time ----------------------------------
//
// A national tally's content is ~40 MB of CBOR: built as one JSON tree and
// encoded on one thread, it took longer than the load of the records it
// counts. content_cbor encodes its pieces (runs of rows, each table) as
// separate values on every thread and joins them. CBOR (RFC 8949) allows
// that: an array's or a map's encoding is its header followed by the
// encodings of its items, and the headers are taken from nlohmann-json
// itself, so the bytes are to_cbor(content_of(t))'s.

using Encoded = std::string;  // a value's CBOR

Encoded encode(const Json& j) {
  Encoded out;
  Json::to_cbor(j, out);
  return out;
}

// header_of is the header of a container whose items encode to `tail`
// bytes, cut from the encoding of one like it: `skeleton`.
Encoded header_of(const Json& skeleton, size_t tail) {
  Encoded out = encode(skeleton);
  out.resize(out.size() - tail);
  return out;
}

// array_header is the header of an array of n items: that of n nulls,
// whose items are a byte each (0xF6).
Encoded array_header(size_t n) { return header_of(Json(Json::array_t(n)), n); }

// Parts are an encoding in pieces, to be joined in order. Made holds the
// pieces made along the way (headers, keys, heads): a deque, whose strings
// never move, so that the views of them stay good.
using Parts = std::vector<std::string_view>;
using Made = std::deque<Encoded>;

std::string_view keep(Made& made, Encoded e) { return made.emplace_back(std::move(e)); }

// map_parts appends to `out` the encoding of the JSON map `head` with the
// members `added` (each already encoded, in parts) put in: keys in the
// order a Json object (a std::map) keeps them.
void map_parts(Parts& out, Made& made, const Json& head, const std::map<std::string, Parts>& added) {
  std::map<std::string, Parts> members = added;
  for (const auto& [key, value] : head.items()) members[key] = {keep(made, encode(value))};
  Json skeleton = Json::object();
  size_t tail = 0;
  for (const auto& [key, value] : members) {
    skeleton[key] = nullptr;
    tail += encode(Json(key)).size() + 1;
  }
  out.push_back(keep(made, header_of(skeleton, tail)));
  for (const auto& [key, value] : members) {
    out.push_back(keep(made, encode(Json(key))));
    out.insert(out.end(), value.begin(), value.end());
  }
}

// joined is the parts as one buffer, copied a MiB at a time on `threads`
// threads into 2 MiB pages (each 4 KiB page a large copy first touches is a
// page fault, which on a virtual machine took more time than the copy): a
// national tally's content is tens of MB, and copied on one thread, its
// joins were most of the time the tally took after its tables.
Encoded joined(const Parts& parts, int threads) {
  std::vector<size_t> at(parts.size() + 1, 0);  // parts[k] goes to [at[k], at[k + 1])
  for (size_t k = 0; k < parts.size(); ++k) at[k + 1] = at[k] + parts[k].size();
  Encoded out;
  resize_huge(out, at.back());
  constexpr size_t kChunk = size_t{1} << 20;
  parallel_for_chunks(at.back(), kChunk, threads, [&](size_t first, size_t end, size_t) {
    auto k = static_cast<size_t>(std::upper_bound(at.begin(), at.end(), first) - at.begin()) - 1;
    for (size_t pos = first; pos < end; ++k) {
      const size_t n = std::min(end, at[k + 1]) - pos;
      std::memcpy(out.data() + pos, parts[k].data() + (pos - at[k]), n);
      pos += n;
    }
  });
  return out;
}

Encoded content_cbor(const TallyData& t, int threads) {
  threads = resolve_threads(threads);
  // The pieces: each run's rows kRowsPerPiece at a time, each split, each pass.
  constexpr size_t kRowsPerPiece = 64;
  struct Piece {
    size_t run = 0, first = 0, end = 0;  // rows [first, end) of runs[run]
    const TallySplit* split = nullptr;
    const TallyPass* pass = nullptr;
  };
  std::vector<Piece> pieces;
  for (const TallySplit& s : t.tables.splits) pieces.push_back({.split = &s});
  for (const TallyPass& p : t.tables.passes) pieces.push_back({.pass = &p});
  const size_t tables = pieces.size();
  std::vector<size_t> run_begin;  // runs[r]'s pieces are [run_begin[r], run_begin[r + 1])
  for (size_t r = 0; r < t.runs.size(); ++r) {
    run_begin.push_back(pieces.size());
    for (size_t first = 0; first < t.runs[r].rows.size(); first += kRowsPerPiece) {
      pieces.push_back({r, first, std::min(t.runs[r].rows.size(), first + kRowsPerPiece)});
    }
  }
  run_begin.push_back(pieces.size());
  std::vector<Encoded> encoded(pieces.size());
  parallel_for(pieces.size(), threads, [&](size_t k) {
    const Piece& p = pieces[k];
    if (p.split != nullptr) {
      encoded[k] = encode(split_json(*p.split));
    } else if (p.pass != nullptr) {
      encoded[k] = encode(pass_json(*p.pass));
    } else {
      for (size_t row = p.first; row < p.end; ++row) encoded[k] += encode(row_json(t.runs[p.run].rows[row]));
    }
  });
  Made made;
  Parts splits = {keep(made, array_header(t.tables.splits.size()))};
  Parts passes = {keep(made, array_header(t.tables.passes.size()))};
  for (size_t k = 0; k < tables; ++k) (pieces[k].split != nullptr ? splits : passes).push_back(encoded[k]);
  Parts runs = {keep(made, array_header(t.runs.size()))};
  for (size_t r = 0; r < t.runs.size(); ++r) {
    Parts rows = {keep(made, array_header(t.runs[r].rows.size()))};
    for (size_t k = run_begin[r]; k < run_begin[r + 1]; ++k) rows.push_back(encoded[k]);
    map_parts(runs, made, run_head(t.runs[r]), {{"rows", rows}});
  }
  Parts tables_map, content;
  map_parts(tables_map, made, Json::object(), {{"splits", splits}, {"passes", passes}});
  map_parts(content, made, content_head(t), {{"runs", runs}, {"tables", tables_map}});
  return joined(content, threads);
}

std::string digest_of(const Json& content) { return sha256_hex(encode(content)); }

Json envelope_head(const std::string& digest) {
  return {{"format", kFormat}, {"format_version", kTallyFormatVersion}, {"sha256", digest}};
}

// Malformed is a field that is not what the format says (thrown while
// reading the content, caught in parse).
struct Malformed {
  std::string what;
};

RegionCode read_code(const Json& j, bool national_ok) {
  const std::string text = j.get<std::string>();
  if (national_ok && text == "000000") return RegionCode();
  RegionCode c;
  if (!RegionCode::try_parse(text, c)) throw Malformed{absl::StrCat("'", text, "' is not a region code")};
  return c;
}

Period read_period(const Json& j) {
  if (!j.is_array() || j.size() != 2) throw Malformed{"a period is not [from, to]"};
  Period p;
  if (!parse_day_number(j[0].get<std::string>(), p.from) || !parse_day_number(j[1].get<std::string>(), p.to) ||
      p.to < p.from) {
    throw Malformed{"a period is not two ISO days in order"};
  }
  return p;
}

// read_numbers reads counts_text's numbers.
std::vector<int64_t> read_numbers(const Json& j) {
  if (!j.is_string()) throw Malformed{"a list of counts is not a string of numbers"};
  const std::string& text = j.get_ref<const std::string&>();
  std::vector<int64_t> out;
  const char* p = text.data();
  const char* end = p + text.size();
  while (p < end) {
    int64_t v = 0;
    const auto [next, err] = std::from_chars(p, end, v);
    if (err != std::errc() || (next < end && *next != ' ')) throw Malformed{"a list of counts is not numbers"};
    out.push_back(v);
    p = next < end ? next + 1 : next;
  }
  return out;
}

// read_counts reads counts_text's numbers: exactly `n` of them.
std::vector<int64_t> read_counts(const Json& j, size_t n) {
  std::vector<int64_t> out = read_numbers(j);
  if (out.size() != n) throw Malformed{"a list of counts is not as long as what it counts"};
  return out;
}

Family read_family(const Json& j) {
  const std::optional<RecordKind> k = parse_kind(j.get<std::string>());
  if (!k || *k == RecordKind::kRegions) throw Malformed{"a table's family is not a record kind with figures"};
  return *k;
}

// read_tables reads tables_json's, each district one of `districts` (ascending).
TallyTables read_tables(const Json& j, const std::vector<RegionCode>& districts) {
  auto check_district = [&](RegionCode c, RegionCode before) {
    if (!std::binary_search(districts.begin(), districts.end(), c)) {
      throw Malformed{absl::StrCat("a table counts district ", c.str(), ", which the tally does not")};
    }
    if (before != RegionCode() && !(before < c)) {
      throw Malformed{absl::StrCat("district ", c.str(), " is listed twice or out of order in a table")};
    }
  };
  TallyTables t;
  for (const Json& s : j.at("splits")) {
    TallySplit split{read_family(s.at("family")), s.at("dimension").get<std::string>(), s.at("dated").get<std::string>(),
                     s.at("quarters").get<bool>(), {}, {}, {}};
    for (const Json& k : s.at("keys")) {
      split.keys.push_back(k.is_null() ? std::nullopt : std::optional<std::string>(k.get<std::string>()));
    }
    split.labels = s.at("labels").get<std::vector<std::string>>();
    if (split.labels.size() != split.keys.size()) throw Malformed{"a table's keys and labels differ in number"};
    const size_t width = 2 * counter_width(split.family);
    RegionCode before;
    for (const Json& d : s.at("districts")) {
      TallySplit::District district{read_code(d.at(0), false), d.at(1).get<std::vector<uint32_t>>(), {}};
      check_district(district.code, before);
      before = district.code;
      for (size_t i = 0; i < district.values.size(); ++i) {
        if (district.values[i] >= split.keys.size() || (i > 0 && district.values[i] <= district.values[i - 1])) {
          throw Malformed{"a table's values are not its keys in order"};
        }
      }
      district.counts = read_counts(d.at(2), district.values.size() * width);
      split.districts.push_back(std::move(district));
    }
    t.splits.push_back(std::move(split));
  }
  for (const Json& p : j.at("passes")) {
    TallyPass pass{read_family(p.at("family")), read_period(p.at("days")), {}};
    const size_t width = 2 * counter_width(pass.family);
    RegionCode before;
    for (const Json& d : p.at("districts")) {
      const RegionCode code = read_code(d.at(0), false);
      check_district(code, before);
      before = code;
      pass.districts.emplace_back(code, read_counts(d.at(1), width));
    }
    t.passes.push_back(std::move(pass));
  }
  return t;
}

TallyData read_content(const Json& c) {
  TallyData t;
  if (c.at("counters").get<int64_t>() != kCounterCount) throw Malformed{"its counters are not this version's"};
  t.fazhi_version = c.at("fazhi_version").get<std::string>();
  t.region = read_code(c.at("region"), true);
  const Json& cal = c.at("calendar");
  t.calendar = {cal.at("first").get<std::string>(), cal.at("last").get<std::string>(),
                cal.at("sha256").get<std::string>()};
  const Json& counting = c.at("counting");
  t.counting.roll_over_make_up_weekends = counting.at("roll_over_make_up_weekends").get<bool>();
  t.counting.exclude_suspended_days = counting.at("exclude_suspended_days").get<bool>();
  t.counting.legal_aid_review_limit_workdays = counting.at("legal_aid_review_limit_workdays").get<int>();
  t.counting.legal_aid_assignment_limit_workdays = counting.at("legal_aid_assignment_limit_workdays").get<int>();
  if (!counting.at("legal_aid_case_limit_days").is_null()) {
    t.counting.legal_aid_case_limit_days = counting.at("legal_aid_case_limit_days").get<int>();
  }
  const Json& load = c.at("load");
  for (size_t k = 0; k < t.records.size(); ++k) {
    if (static_cast<RecordKind>(k) == RecordKind::kRegions) continue;
    t.records[k] = load.at("records").at(std::string(kind_name(static_cast<RecordKind>(k)))).get<int64_t>();
  }
  t.rows_read = load.at("rows_read").get<int64_t>();
  t.rows_rejected = load.at("rows_rejected").get<int64_t>();
  t.notices = load.at("notices").get<std::vector<std::string>>();
  for (const Json& n : c.at("names")) t.names.emplace_back(read_code(n.at(0), false), n.at(1).get<std::string>());
  for (const Json& r : c.at("runs")) {
    RunTally run{read_period(r.at("period")), read_period(r.at("compared")), {}};
    for (const Json& row : r.at("rows")) {
      RowTally rt{read_code(row.at("region"), false), {}};
      if (!run.rows.empty() && !(run.rows.back().code < rt.code)) {
        throw Malformed{absl::StrCat("district ", rt.code.str(), " is listed twice or out of order")};
      }
      const Json& slots = row.at("periods");
      if (slots.size() != 2) throw Malformed{"a district has not two periods"};
      for (size_t p = 0; p < 2; ++p) {
        SlotCounts& s = rt.slots[p];
        const std::vector<int64_t> n = read_numbers(slots[p].at("n"));
        if (n.size() != kCounterCount) throw Malformed{"a district's counters are not this version's"};
        std::copy(n.begin(), n.end(), s.n.begin());
        const std::vector<int64_t> days = read_numbers(slots[p].at("days"));
        if (days.size() % 2 != 0) throw Malformed{"a day count has no number of cases"};
        for (size_t k = 0; k < days.size(); k += 2) {
          if (days[k] < 0 || days[k] > std::numeric_limits<int32_t>::max() || days[k + 1] <= 0) {
            throw Malformed{"a day count is negative"};
          }
          s.days.emplace_back(static_cast<int32_t>(days[k]), days[k + 1]);
        }
        const Json& lawyers = slots[p].at("lawyers");
        const std::vector<int64_t> cases = read_counts(slots[p].at("lawyer_cases"), lawyers.size());
        for (size_t k = 0; k < cases.size(); ++k) {
          if (cases[k] <= 0) throw Malformed{"a lawyer's cases are not positive"};
          s.lawyers.emplace_back(lawyers[k].get<std::string>(), cases[k]);
        }
      }
      if (t.region != RegionCode() && !t.region.contains(rt.code)) {
        throw Malformed{absl::StrCat("district ", rt.code.str(), " lies outside the tally's region")};
      }
      run.rows.push_back(std::move(rt));
    }
    t.runs.push_back(std::move(run));
  }
  if (t.runs.empty() || t.runs.size() > 2) throw Malformed{"it has no period"};
  std::vector<RegionCode> districts;
  for (const RowTally& row : t.runs.front().rows) districts.push_back(row.code);
  t.tables = read_tables(c.at("tables"), districts);
  return t;
}

}  // namespace

void seal_tally(TallyData& t, int threads) {
  t.content = content_cbor(t, threads);
  t.digest = sha256_hex(t.content);
}

CalendarStamp CalendarStamp::of(const Calendar& cal) {
  // One byte per day from the first to the last: 2 a working day, 1 a rest
  // day, 0 a day the calendar does not cover.
  std::string days;
  const DayNumber first = to_day_number(cal.first_day()), last = to_day_number(cal.last_day());
  for (DayNumber d = first; d <= last; ++d) {
    const Date date = from_day_number(d);
    const absl::StatusOr<bool> work = cal.covers(date) ? cal.is_workday(date) : absl::StatusOr<bool>(false);
    days.push_back(!cal.covers(date) ? '0' : (work.ok() && *work ? '2' : '1'));
  }
  return {format_iso_day(first), format_iso_day(last), sha256_hex(days)};
}

}  // namespace internal

std::string Tally::serialize() const {
  // A tally read from a file keeps no encoding of its content (it would
  // hold the file twice): it is made again.
  const internal::TallyData& t = *data_;
  const std::string remade = t.content.empty() ? internal::content_cbor(t, 0) : std::string();
  const std::string_view content = t.content.empty() ? remade : t.content;
  internal::Made made;
  internal::Parts parts;
  internal::map_parts(parts, made, internal::envelope_head(t.digest), {{"content", {content}}});
  return internal::joined(parts, internal::resolve_threads(0));
}

std::string Tally::to_json_text() const {
  internal::Json e = internal::envelope_head(data_->digest);
  e["content"] = internal::content_of(*data_);
  return e.dump(1) + "\n";
}

absl::StatusOr<Tally> Tally::parse(std::string_view bytes) {
  using internal::Json;
  const size_t start = bytes.find_first_not_of(" \t\r\n");
  const bool text = start != std::string_view::npos && bytes[start] == '{';
  Json e;
  try {
    e = text ? Json::parse(bytes) : Json::from_cbor(bytes);
  } catch (const Json::exception&) {
    return absl::InvalidArgumentError("not a fazhi tally, or a truncated one: it does not read as CBOR or JSON");
  }
  try {
    if (!e.is_object() || e.value("format", "") != internal::kFormat) {
      return absl::InvalidArgumentError("not a fazhi tally: it has no \"format\": \"fazhi-tally\"");
    }
    const int version = e.at("format_version").get<int>();
    if (version != kTallyFormatVersion) {
      return absl::InvalidArgumentError(absl::StrCat("the tally's format version is ", version,
                                                     "; this fazhi reads version ", kTallyFormatVersion));
    }
    const Json& content = e.at("content");
    const std::string digest = internal::digest_of(content);
    if (digest != e.at("sha256").get<std::string>()) {
      return absl::InvalidArgumentError(
          "the tally's content does not match its SHA-256 digest: it was altered or damaged");
    }
    if (content.at("format_version").get<int>() != version) {
      return absl::InvalidArgumentError("the tally's content is of another format version");
    }
    auto t = std::make_shared<internal::TallyData>(internal::read_content(content));
    t->digest = digest;
    return Tally(std::move(t));
  } catch (const internal::Malformed& m) {
    return absl::InvalidArgumentError(absl::StrCat("the tally is malformed: ", m.what));
  } catch (const Json::exception& x) {
    return absl::InvalidArgumentError(absl::StrCat("the tally is malformed: ", x.what()));
  }
}

}  // namespace fazhi
