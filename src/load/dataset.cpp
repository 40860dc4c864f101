// dataset.cpp -- the Dataset: its public calls over the Store (store.hpp),
// the load stages (load.cpp) and records added one at a time, checked by the
// same schema (kinds.hpp) as a CSV row.
#include "fazhi/dataset.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "load/commit.hpp"
#include "load/csv.hpp"
#include "load/encoding.hpp"
#include "load/kinds.hpp"
#include "load/load.hpp"
#include "load/range.hpp"
#include "load/store.hpp"
#include "load/xlsx.hpp"
#include "platform/parallel.hpp"
#include "platform/notices.hpp"

namespace fazhi {
namespace internal {
namespace {

// check_added_text holds a record added one by one to what a CSV field
// may be: at most kMaxRowBytes, and no NUL byte (no id or name holds one, a
// C caller cannot pass one, and it would end the text in a C program that
// reads it back).
template <typename K>
absl::Status check_added_text(const typename K::Row& row) {
  std::vector<std::pair<std::string_view, std::string_view>> texts;  // (column, text)
  if constexpr (K::kHasId) texts.emplace_back(K::kIdColumn, K::id(row));
  std::apply([&](auto... m) { (texts.emplace_back(std::string_view(), row.*m), ...); }, K::kRowText);
  for (const auto& [column, text] : texts) {
    const absl::string_view at = column.empty() ? "a text field" : absl_view(column);
    if (text.size() > kMaxRowBytes) {
      return absl::InvalidArgumentError(
          absl::StrCat(at, ": longer than 1 MiB (", text.size(), " bytes), a CSV field's limit"));
    }
    if (text.find('\0') != std::string_view::npos) {
      return absl::InvalidArgumentError(absl::StrCat(at, ": holds a NUL byte"));
    }
  }
  return absl::OkStatus();
}

template <typename K>
absl::Status add_record(Store& store, const typename K::Record& record) {
  if (absl::Status s = check_open(store); !s.ok()) return s;
  typename K::Row row;
  Problem p;
  if (!K::from_record(record, row, p) || !K::check(row, p)) {
    absl::Status error = absl::InvalidArgumentError(
        p.column.empty() ? p.reason : absl::StrCat(absl_view(p.column), ": ", p.reason));
    count_add(store, K::kKind, p.column, std::move(p.reason), false, p.code);
    return error;
  }
  if (absl::Status s = check_added_text<K>(row); !s.ok()) return s;
  RangeOut<K> one(16);
  stage_row(one, row, 0);
  const std::vector<RangeOut<K>*> ranges = {&one};
  const DamagedIfThrown guard(store);  // the id goes in before the row
  if constexpr (K::kHasId) {
    std::vector<IdDup> dups;
    dedupe(store.ids[static_cast<size_t>(K::kKind)], ranges, dups);
    if (!dups.empty()) {
      std::string reason = dup_reason<K>(K::scope(row), K::id(row));
      absl::Status error =
          absl::InvalidArgumentError(absl::StrCat(absl_view(K::kIdColumn), ": ", reason));
      count_add(store, K::kKind, K::kIdColumn, std::move(reason), false, RejectCode::kDuplicate);
      return error;
    }
  }
  commit_ranges<K>(store, ranges, 1);
  count_add(store, K::kKind, {}, {}, true);
  return absl::OkStatus();
}

}  // namespace
}  // namespace internal

// ---- LoadSummary ---------------------------------------------------------------------

int64_t LoadSummary::rows_read(RecordKind kind) const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.kind == kind ? f.rows_read : 0;
  return n;
}
int64_t LoadSummary::rows_kept(RecordKind kind) const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.kind == kind ? f.rows_kept : 0;
  return n;
}
int64_t LoadSummary::rows_rejected(RecordKind kind) const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.kind == kind ? f.rows_rejected : 0;
  return n;
}
int64_t LoadSummary::rows_read() const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.rows_read;
  return n;
}
int64_t LoadSummary::rows_rejected() const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.rows_rejected;
  return n;
}
int64_t LoadSummary::files_refused() const {
  int64_t n = 0;
  for (const FileSummary& f : files) n += f.refused.empty() ? 0 : 1;
  return n;
}

// ---- Dataset -------------------------------------------------------------------------

struct Dataset::Impl : internal::Store {};

Dataset::Dataset() : impl_(std::make_unique<Impl>()) {}
Dataset::~Dataset() = default;
Dataset::Dataset(Dataset&&) noexcept = default;
Dataset& Dataset::operator=(Dataset&&) noexcept = default;

absl::StatusOr<LoadSummary> Dataset::load_dir(const std::string& dir, const LoadOptions& options) {
  namespace fs = std::filesystem;
  // Paths are whatever bytes the disk holds (a GBK-named file exported on
  // Chinese Windows): they are opened as they are, but named in notices,
  // rejections and errors as valid UTF-8.
  const std::string dir_name = internal::to_valid_utf8(dir);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    if (fs::exists(dir, ec)) {
      return absl::InvalidArgumentError(internal::make_notice(internal::kRefusedNotFolder, dir_name));
    }
    return absl::NotFoundError(internal::make_notice(internal::kRefusedNoFolder, dir_name));
  }
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  if (ec) return absl::UnavailableError(absl::StrCat(dir_name, ": cannot list: ", ec.message()));
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  std::vector<internal::FileSpec> specs;
  std::vector<std::string> notices;
  std::vector<internal::Refusal> refused;
  // The CSV text of the .xlsx record files, which their specs view.
  std::vector<std::unique_ptr<std::string>> converted;
  for (const fs::directory_entry& e : entries) {
    const std::string path = e.path().string();
    const std::string name = internal::to_valid_utf8(path);
    const std::string ext = e.path().extension().string();
    const bool csv = absl::EqualsIgnoreCase(absl_view(ext), ".csv");
    const bool xlsx = absl::EqualsIgnoreCase(absl_view(ext), ".xlsx");
    const bool xls = absl::EqualsIgnoreCase(absl_view(ext), ".xls");
    std::optional<RecordKind> kind;
    if (csv || xlsx || xls) kind = parse_kind(e.path().stem().string());
    // A FIFO, a device or a dangling link named like a record file goes on
    // to be refused with what it is (RegularFile), not passed over.
    if (!kind || e.is_directory(ec)) {
      notices.push_back(
          internal::make_notice(e.is_directory(ec) ? internal::kNoticeIgnoredFolder : internal::kNoticeIgnoredFile, name));
      continue;
    }
    if (csv) {
      specs.push_back({*kind, name, path, {}});
      continue;
    }
    // A workbook's first sheet goes on as the CSV text it holds; one that
    // cannot be read (an .xls among them) is refused like an unreadable file.
    absl::StatusOr<internal::XlsxSheet> sheet =
        xls ? absl::InvalidArgumentError(internal::make_notice(internal::kRefusedXls, name))
            : internal::read_xlsx_file(path, name);
    if (!sheet.ok()) {
      if (options.strict) return sheet.status();
      refused.push_back({name, *kind, sheet.status()});
      continue;
    }
    converted.push_back(std::make_unique<std::string>(std::move(sheet->csv)));
    specs.push_back({*kind, name, {}, *converted.back()});
  }
  if (specs.empty() && refused.empty()) notices.push_back(internal::make_notice(internal::kNoticeNoRecordFiles, dir_name));
  // Names that differ only in case (legal_aid.csv, Legal_Aid.CSV) are one
  // kind twice: which holds the records is not for the loader to guess, so
  // each is refused.
  std::vector<internal::FileSpec> single;
  for (const internal::FileSpec& spec : specs) {
    std::vector<std::string> same;
    bool other_form = false;  // mediation.csv beside mediation.xlsx
    for (const internal::FileSpec& other : specs) {
      if (other.kind == spec.kind && other.name != spec.name) {
        same.push_back(other.name);
        other_form |= other.path.empty() != spec.path.empty();
      }
    }
    if (same.empty()) {
      single.push_back(spec);
      continue;
    }
    const absl::Status why = absl::InvalidArgumentError(
        internal::make_notice(other_form ? internal::kRefusedKindTwiceForms : internal::kRefusedKindTwiceCase,
                              spec.name, absl_view(kind_name(spec.kind)), absl::StrJoin(same, ", ")));
    if (options.strict) return why;
    refused.push_back({spec.name, spec.kind, why});
  }
  if (single.empty() && !refused.empty()) {
    return internal::refused_status(refused);
  }
  return internal::load(*impl_, single, options, std::move(notices), std::move(refused));
}

absl::StatusOr<LoadSummary> Dataset::load_file(RecordKind kind, const std::string& path,
                                               const LoadOptions& options) {
  return internal::load(*impl_, {{kind, internal::to_valid_utf8(path), path, {}}}, options, {});
}

absl::StatusOr<LoadSummary> Dataset::load_buffer(RecordKind kind, std::string_view data,
                                                 std::string_view name,
                                                 const LoadOptions& options) {
  return internal::load(*impl_, {{kind, internal::to_valid_utf8(name), {}, data}}, options, {});
}

absl::Status Dataset::add(const ReconsiderationRecord& r) {
  return internal::add_record<internal::Reconsideration>(*impl_, r);
}
absl::Status Dataset::add(const LitigationRecord& r) {
  return internal::add_record<internal::Litigation>(*impl_, r);
}
absl::Status Dataset::add(const LegalAidRecord& r) {
  return internal::add_record<internal::LegalAid>(*impl_, r);
}
absl::Status Dataset::add(const MediationRecord& r) {
  return internal::add_record<internal::Mediation>(*impl_, r);
}
absl::Status Dataset::add(const RegistryRecord& r) {
  return internal::add_record<internal::Registry>(*impl_, r);
}
absl::Status Dataset::add(const ActivityRecord& r) {
  return internal::add_record<internal::Activity>(*impl_, r);
}
absl::Status Dataset::add(const RegionNameRecord& r) {
  return internal::add_record<internal::Regions>(*impl_, r);
}

void Dataset::reject_add(RecordKind kind, std::string_view reason) {
  if (internal::check_open(*impl_).ok()) internal::count_add(*impl_, kind, {}, std::string(reason), false,
                                                             RejectCode::kInvalidValue);
}

void Dataset::seal() {
  const internal::DamagedIfThrown guard(*impl_);
  impl_->ids = {};
  // Rows added one by one, or by several loads, are grouped by region once.
  internal::group_rows_by_region(*impl_, {}, internal::resolve_threads(0));
  impl_->sealed = true;
}

absl::Status Dataset::check_whole() const { return internal::check_whole(*impl_); }

const ReconsiderationColumns& Dataset::reconsideration() const { return impl_->reconsideration; }
const LitigationColumns& Dataset::litigation() const { return impl_->litigation; }
const LegalAidColumns& Dataset::legal_aid() const { return impl_->legal_aid; }
const MediationColumns& Dataset::mediation() const { return impl_->mediation; }
const RegistryColumns& Dataset::registry() const { return impl_->registry; }
const ActivityColumns& Dataset::activity() const { return impl_->activity; }

const std::vector<RegionCode>& Dataset::regions() const { return impl_->regions.codes(); }
std::optional<RegionIndex> Dataset::region_index(RegionCode code) const {
  return impl_->regions.find(code);
}
std::optional<std::string_view> Dataset::region_name(RegionCode code) const {
  auto it = impl_->region_name.find(code.value());
  if (it == impl_->region_name.end()) return std::nullopt;
  return impl_->texts.text(it->second);
}
std::vector<RegionName> Dataset::region_names() const {
  std::vector<RegionName> names;
  names.reserve(impl_->region_name.size());
  for (const auto& [code, id] : impl_->region_name) {
    names.push_back({RegionCode::from_value(code), impl_->texts.text(id)});
  }
  std::sort(names.begin(), names.end(), [](const RegionName& a, const RegionName& b) { return a.code < b.code; });
  return names;
}
std::string_view Dataset::text(TextId id) const { return impl_->texts.text(id); }
const std::vector<Rejection>& Dataset::rejects() const { return impl_->rejects; }
const LoadSummary& Dataset::summary() const { return impl_->summary; }

MemoryUsage Dataset::memory_usage() const {
  using namespace internal;
  MemoryUsage m;
  m.columns = column_bytes<Reconsideration>(impl_->reconsideration) +
              column_bytes<Litigation>(impl_->litigation) +
              column_bytes<LegalAid>(impl_->legal_aid) + column_bytes<Mediation>(impl_->mediation) +
              column_bytes<Registry>(impl_->registry) + column_bytes<Activity>(impl_->activity) +
              column_bytes<Regions>(impl_->region_names) + impl_->regions.bytes();
  for (const IdIndex& index : impl_->ids) {
    size_t all = index.chunk_bytes(), text = 0;
    for (const IdShard& shard : index.shards) {
      all += shard.slot_bytes() + shard.arena_bytes();
      text += shard.id_bytes();
    }
    text += index.deferred_id_bytes;
    m.id_index += all - std::min(all, text);
    m.id_text += text;
  }
  m.text = impl_->texts.bytes();
  m.case_records = impl_->reconsideration.size() + impl_->litigation.size() +
                   impl_->legal_aid.size() + impl_->mediation.size() + impl_->registry.size();
  return m;
}

}  // namespace fazhi
