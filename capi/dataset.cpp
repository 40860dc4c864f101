// The C ABI of datasets: create, load (folders, files, buffers, record by
// record through the schema's generated fz_dataset_add_<kind>), the load
// summary, rejections and notices, and the regions a dataset holds.
#include "internal.hpp"

// fz_region_list holds NUL-terminated copies of what fz_region_info lends.
struct fz_region_list {
  struct Entry {
    int32_t level;
    std::string code, name, parent;
  };
  std::vector<Entry> regions;
};


namespace fazhi::capi {
namespace {

static_assert(FZ_KIND_RECONSIDERATION == static_cast<int>(fazhi::RecordKind::kReconsideration));
static_assert(FZ_KIND_LITIGATION == static_cast<int>(fazhi::RecordKind::kLitigation));
static_assert(FZ_KIND_LEGAL_AID == static_cast<int>(fazhi::RecordKind::kLegalAid));
static_assert(FZ_KIND_MEDIATION == static_cast<int>(fazhi::RecordKind::kMediation));
static_assert(FZ_KIND_REGISTRY == static_cast<int>(fazhi::RecordKind::kRegistry));
static_assert(FZ_KIND_ACTIVITY == static_cast<int>(fazhi::RecordKind::kActivity));
static_assert(FZ_KIND_REGIONS == static_cast<int>(fazhi::RecordKind::kRegions));
static_assert(FZ_KIND_COUNT == fazhi::kRecordKindCount);
static_assert(FZ_REGION_PROVINCE == static_cast<int>(fazhi::RegionLevel::kProvince));
static_assert(FZ_REGION_CITY == static_cast<int>(fazhi::RegionLevel::kCity));
static_assert(FZ_REGION_DISTRICT == static_cast<int>(fazhi::RegionLevel::kDistrict));
static_assert(FZ_REJECT_OTHER == static_cast<int>(fazhi::RejectCode::kOther));
static_assert(FZ_REJECT_MALFORMED == static_cast<int>(fazhi::RejectCode::kMalformed));
static_assert(FZ_REJECT_ENCODING == static_cast<int>(fazhi::RejectCode::kEncoding));
static_assert(FZ_REJECT_MISSING == static_cast<int>(fazhi::RejectCode::kMissing));
static_assert(FZ_REJECT_INVALID_VALUE == static_cast<int>(fazhi::RejectCode::kInvalidValue));
static_assert(FZ_REJECT_INCONSISTENT == static_cast<int>(fazhi::RejectCode::kInconsistent));
static_assert(FZ_REJECT_DUPLICATE == static_cast<int>(fazhi::RejectCode::kDuplicate));

std::optional<fazhi::RecordKind> kind_of(int32_t kind) {
  if (kind < 0 || kind >= FZ_KIND_COUNT) return std::nullopt;
  return static_cast<fazhi::RecordKind>(kind);
}

fz_status kind_argument(const char* function, int32_t kind, fazhi::RecordKind& out) {
  std::optional<fazhi::RecordKind> k = kind_of(kind);
  if (!k) {
    return invalid(function,
                   absl::StrCat("kind is ", kind,
                                ", not one of FZ_KIND_RECONSIDERATION (0) .. FZ_KIND_REGIONS (6)"));
  }
  out = *k;
  return FZ_OK;
}

fz_load_summary summary_of(const fazhi::LoadSummary& s) {
  fz_load_summary out;
  std::memset(&out, 0, sizeof out);
  size_t files = 0;
  for (const fazhi::FileSummary& f : s.files) {
    if (f.added) {
      out.rows_added += f.rows_read;
      out.rows_added_rejected += f.rows_rejected;
    } else {
      ++files;
    }
    fz_kind_counts& k = out.kinds[static_cast<size_t>(f.kind)];
    k.rows_read += f.rows_read;
    k.rows_accepted += f.rows_kept;
    k.rows_rejected += f.rows_rejected;
    out.rows_read += f.rows_read;
    out.rows_accepted += f.rows_kept;
    out.rows_rejected += f.rows_rejected;
  }
  out.files = static_cast<int32_t>(std::min<size_t>(files, INT32_MAX));
  out.notices = static_cast<int64_t>(s.notices.size());
  out.files_refused = static_cast<int32_t>(std::min<int64_t>(s.files_refused(), INT32_MAX));
  return out;
}

fz_status summary_out_argument(const char* function, const fz_load_summary* summary) {
  if (!summary) return FZ_OK;  // the caller does not want one
  return check_out_struct(function, "summary", "fz_load_summary", summary,
                          FZ_LOAD_SUMMARY_MIN_SIZE);
}

fz_status finish_load(const absl::StatusOr<fazhi::LoadSummary>& loaded, fz_load_summary* summary) {
  if (!loaded.ok()) return from_status(loaded.status());
  if (summary) write_struct(summary, summary_of(*loaded));
  // Files refused whole (the others are loaded): the call says so.
  std::string refused;
  for (const fazhi::FileSummary& f : loaded->files) {
    if (!f.refused.empty()) absl::StrAppend(&refused, refused.empty() ? "" : "\n", f.refused);
  }
  if (!refused.empty()) return set_error(FZ_INVALID_ARGUMENT, refused);
  return clear_error();
}

// FieldReader converts the text fields of a C record into a core record with
// the core's parsers; the first bad field sets the error and stops.
class FieldReader {
 public:
  explicit FieldReader(const char* function) : function_(function) {}
  fz_status status() const { return status_; }

  void text(const char* name, const char* v, std::string& out) {
    if (!ok() || !v) return;
    if (fail_utf8(name, v)) return;
    out = v;
  }

  // A required date left empty stays not_a_date_time: the core reports it.
  void date(const char* name, const char* v, fazhi::Date& out) {
    std::optional<fazhi::Date> d;
    optional_date(name, v, d);
    if (d) out = *d;
  }

  void optional_date(const char* name, const char* v, std::optional<fazhi::Date>& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<fazhi::Date> d = fazhi::parse_date(v);
    if (!d.ok()) {
      status_ = from_status_in(function_, name, d.status());
      return;
    }
    out = *d;
  }

  // A region left empty stays 000000: the core reports it as missing.
  void region(const char* name, const char* v, fazhi::RegionCode& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<fazhi::RegionCode> r = fazhi::RegionCode::parse(v);
    if (!r.ok()) {
      status_ = from_status_in(function_, name, r.status());
      return;
    }
    out = *r;
  }

  template <typename Enum>
  void code(const char* name, const char* v, Enum& out) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    std::optional<Enum> e = fazhi::parse_code<Enum>(v);
    if (!e) {
      status_ = invalid(function_,
                        absl::StrCat(name, ": unknown ", name, " '", v,
                                     "' (expected an English code or a Chinese label of docs/data.md)"));
      return;
    }
    out = *e;
  }

  void tri(const char* name, int32_t v, fazhi::Tri& out) {
    if (!ok()) return;
    if (v != FZ_TRI_UNKNOWN && v != FZ_TRI_FALSE && v != FZ_TRI_TRUE) {
      status_ = invalid(
          function_,
          absl::StrCat(name, ": not a boolean: ", v,
                       " (expected FZ_TRI_UNKNOWN (-1), FZ_TRI_FALSE (0) or FZ_TRI_TRUE (1))"));
      return;
    }
    out = static_cast<fazhi::Tri>(v);
  }

  // field reads the C struct's field of a schema column into the core
  // record's member, by their types (fazhi/schema.hpp, records.hpp).
  void field(const char* name, const char* v, std::string& out) { text(name, v, out); }
  void field(const char* name, const char* v, fazhi::Date& out) { date(name, v, out); }
  void field(const char* name, const char* v, std::optional<fazhi::Date>& out) {
    optional_date(name, v, out);
  }
  void field(const char* name, const char* v, fazhi::RegionCode& out) { region(name, v, out); }
  template <typename Enum>
    requires std::is_enum_v<Enum>
  void field(const char* name, const char* v, Enum& out) {
    code(name, v, out);
  }
  void field(const char* name, int32_t v, fazhi::Tri& out) { tri(name, v, out); }
  void field(const char* name, const char* v, std::optional<int64_t>& fen) { money(name, v, fen); }
  // A count: -1 is unknown (the _INIT value); another negative number goes
  // on to the core, which rejects it.
  void field(const char*, int32_t v, std::optional<int32_t>& out) {
    if (ok() && v != -1) out = v;
  }
  void field(const char*, int64_t v, int64_t& out) {
    if (ok()) out = v;
  }

  void money(const char* name, const char* v, std::optional<int64_t>& fen) {
    if (!ok() || !v || fail_utf8(name, v) || fazhi::trim(v).empty()) return;
    absl::StatusOr<int64_t> f = fazhi::parse_money_fen(v);
    if (!f.ok()) {
      status_ = from_status_in(function_, name, f.status());
      return;
    }
    fen = *f;
  }

 private:
  bool ok() const { return status_ == FZ_OK; }
  bool fail_utf8(const char* name, const char* v) {
    status_ = utf8_argument(function_, name, v);
    return status_ != FZ_OK;
  }

  const char* function_;
  fz_status status_ = FZ_OK;
};

// add_record runs the shared steps of fz_dataset_add_<kind>: check the
// arguments, read the struct, convert it, and hand it to the core. A record
// whose fields cannot be read (bad UTF-8, a malformed date, an unknown code)
// is counted as read and rejected, as the core counts the ones it refuses.
template <typename CRecord, typename Convert>
fz_status add_record(const char* function, const char* type, fz_dataset* ds, const CRecord* record,
                     size_t min_size, CRecord defaults, Convert&& convert) {
  return guard([&] {
    if (!ds) return null_argument(function, "ds");
    if (!record) return null_argument(function, "record");
    CRecord r = defaults;
    if (fz_status s = read_struct(function, "record", type, record, min_size, r); s) return s;
    FieldReader read(function);
    auto core = convert(r, read);
    if (read.status()) {
      // The message is "<function>: <field>: <reason>"; the rejection keeps
      // "<field>: <reason>".
      std::string_view reason = tl_message;
      if (reason.starts_with(function)) reason.remove_prefix(std::strlen(function));
      if (reason.starts_with(": ")) reason.remove_prefix(2);
      const fz_status failed = read.status();
      ds->ds.reject_add(decltype(core)::kKind, reason);
      return failed;
    }
    absl::Status added = ds->ds.add(core);
    if (!added.ok()) return from_status_in(function, "record", added);
    return clear_error();
  });
}

}  // namespace

}  // namespace fazhi::capi

// The entry points, at global scope so that they take fazhi.h's
// declarations (and their visibility); they use these of the namespace:
using fazhi::capi::FieldReader;
using fazhi::capi::add_record;
using fazhi::capi::check_out_struct;
using fazhi::capi::clear_error;
using fazhi::capi::clear_string_out;
using fazhi::capi::finish_load;
using fazhi::capi::give_string;
using fazhi::capi::guard;
using fazhi::capi::index_argument;
using fazhi::capi::invalid;
using fazhi::capi::kind_argument;
using fazhi::capi::null_argument;
using fazhi::capi::read_struct;
using fazhi::capi::summary_of;
using fazhi::capi::summary_out_argument;
using fazhi::capi::text_argument;
using fazhi::capi::write_struct;

extern "C" {

// ---- Dataset ----------------------------------------------------------------------

fz_status fz_dataset_create(fz_dataset** out, const fz_dataset_options* options) {
  constexpr const char* kFn = "fz_dataset_create";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    fz_dataset_options o = FZ_DATASET_OPTIONS_INIT;
    if (options) {
      if (fz_status s = read_struct(kFn, "options", "fz_dataset_options", options,
                                    FZ_DATASET_OPTIONS_MIN_SIZE, o);
          s) {
        return s;
      }
    }
    fazhi::LoadOptions lo;
    if (o.strict != 0 && o.strict != 1) {
      return invalid(kFn, absl::StrCat("options->strict is ", o.strict, ", not 0 or 1"));
    }
    lo.strict = o.strict == 1;
    switch (o.encoding) {
      case FZ_ENCODING_DETECT:
        lo.encoding = fazhi::Encoding::kDetect;
        break;
      case FZ_ENCODING_UTF8:
        lo.encoding = fazhi::Encoding::kUtf8;
        break;
      case FZ_ENCODING_GB18030:
        lo.encoding = fazhi::Encoding::kGb18030;
        break;
      default:
        return invalid(kFn, absl::StrCat("options->encoding is ", o.encoding,
                                         ", not FZ_ENCODING_DETECT, _UTF8 or _GB18030"));
    }
    if (o.threads < 0) {
      return invalid(kFn, absl::StrCat("options->threads is ", o.threads, ", not >= 0"));
    }
    lo.threads = o.threads;
    if (o.drop_ids != 0 && o.drop_ids != 1) {
      return invalid(kFn, absl::StrCat("options->drop_ids is ", o.drop_ids, ", not 0 or 1"));
    }
    lo.keep_ids = o.drop_ids == 0;
    *out = new fz_dataset{fazhi::Dataset(), lo};
    return clear_error();
  });
}

void fz_dataset_free(fz_dataset* ds) { delete ds; }

fz_status fz_dataset_load_dir(fz_dataset* ds, const char* dir, fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_dir";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (fz_status s = text_argument(kFn, "dir", dir); s) return s;
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    return finish_load(ds->ds.load_dir(dir, ds->options), summary);
  });
}

fz_status fz_dataset_load_csv(fz_dataset* ds, int32_t kind, const char* path,
                              fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_csv";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    fazhi::RecordKind k = fazhi::RecordKind::kReconsideration;
    if (fz_status s = kind_argument(kFn, kind, k); s) return s;
    if (fz_status s = text_argument(kFn, "path", path); s) return s;
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    return finish_load(ds->ds.load_file(k, path, ds->options), summary);
  });
}

fz_status fz_dataset_load_csv_buffer(fz_dataset* ds, int32_t kind, const char* data, size_t len,
                                     fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_load_csv_buffer";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    fazhi::RecordKind k = fazhi::RecordKind::kReconsideration;
    if (fz_status s = kind_argument(kFn, kind, k); s) return s;
    if (!data && len != 0) return null_argument(kFn, "data");
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    const std::string name = absl::StrCat("<buffer:", fazhi::absl_view(fazhi::kind_name(k)), ">");
    return finish_load(
        ds->ds.load_buffer(k, std::string_view(data ? data : "", len), name, ds->options), summary);
  });
}

fz_status fz_dataset_seal(fz_dataset* ds) {
  constexpr const char* kFn = "fz_dataset_seal";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    ds->ds.seal();
    return clear_error();
  });
}

fz_status fz_dataset_summary(const fz_dataset* ds, fz_load_summary* summary) {
  constexpr const char* kFn = "fz_dataset_summary";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!summary) return null_argument(kFn, "summary");
    if (fz_status s = summary_out_argument(kFn, summary); s) return s;
    write_struct(summary, summary_of(ds->ds.summary()));
    return clear_error();
  });
}

fz_status fz_dataset_rejects_json(const fz_dataset* ds, char** json, size_t* len) {
  constexpr const char* kFn = "fz_dataset_rejects_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!ds) return null_argument(kFn, "ds");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::rejections_json(ds->ds.rejects()), json, len);
  });
}

fz_status fz_dataset_notices_json(const fz_dataset* ds, char** json, size_t* len) {
  constexpr const char* kFn = "fz_dataset_notices_json";
  return guard([&] {
    clear_string_out(json, len);
    if (!ds) return null_argument(kFn, "ds");
    if (!json) return null_argument(kFn, "json");
    return give_string(fazhi::notices_json(ds->ds.summary().notices), json, len);
  });
}

// The translators of fz_dataset_add_<kind>: each C struct field is read into
// the core record's member of the same schema column (fazhi/schema.hpp), so
// a column added to the schema fails to compile here until the C struct has
// its field.
#define FZ_READ_FIELD(column, record_field, stored_as, TYPE, detail, required, ...) \
  read.field(#column, c.column, r.record_field);
#define FZ_DATASET_ADD(kind, Record, COLUMNS, MIN_SIZE, INIT)                                \
  fz_status fz_dataset_add_##kind(fz_dataset* ds, const fz_##kind##_record* record) {         \
    return add_record("fz_dataset_add_" #kind, "fz_" #kind "_record", ds, record, MIN_SIZE,   \
                      fz_##kind##_record INIT,                                                \
                      [](const fz_##kind##_record& c, FieldReader& read) {                    \
                        fazhi::Record r;                                                      \
                        COLUMNS(FZ_READ_FIELD)                                                \
                        return r;                                                             \
                      });                                                                     \
  }

FZ_DATASET_ADD(reconsideration, ReconsiderationRecord, FAZHI_RECONSIDERATION_COLUMNS,
               FZ_RECONSIDERATION_RECORD_MIN_SIZE, FZ_RECONSIDERATION_RECORD_INIT)
FZ_DATASET_ADD(litigation, LitigationRecord, FAZHI_LITIGATION_COLUMNS,
               FZ_LITIGATION_RECORD_MIN_SIZE, FZ_LITIGATION_RECORD_INIT)
FZ_DATASET_ADD(legal_aid, LegalAidRecord, FAZHI_LEGAL_AID_COLUMNS, FZ_LEGAL_AID_RECORD_MIN_SIZE,
               FZ_LEGAL_AID_RECORD_INIT)
FZ_DATASET_ADD(mediation, MediationRecord, FAZHI_MEDIATION_COLUMNS, FZ_MEDIATION_RECORD_MIN_SIZE,
               FZ_MEDIATION_RECORD_INIT)
FZ_DATASET_ADD(registry, RegistryRecord, FAZHI_REGISTRY_COLUMNS, FZ_REGISTRY_RECORD_MIN_SIZE,
               FZ_REGISTRY_RECORD_INIT)
FZ_DATASET_ADD(activity, ActivityRecord, FAZHI_ACTIVITY_COLUMNS, FZ_ACTIVITY_RECORD_MIN_SIZE,
               FZ_ACTIVITY_RECORD_INIT)
FZ_DATASET_ADD(regions, RegionNameRecord, FAZHI_REGIONS_COLUMNS, FZ_REGIONS_RECORD_MIN_SIZE,
               FZ_REGIONS_RECORD_INIT)

#undef FZ_DATASET_ADD
#undef FZ_READ_FIELD

fz_status fz_dataset_regions(fz_region_list** out, const fz_dataset* ds) {
  constexpr const char* kFn = "fz_dataset_regions";
  return guard([&] {
    if (!out) return null_argument(kFn, "out");
    *out = nullptr;
    if (!ds) return null_argument(kFn, "ds");
    auto list = std::make_unique<fz_region_list>();
    for (const fazhi::RegionCode code : fazhi::report_regions(ds->ds)) {
      const std::optional<std::string_view> name = ds->ds.region_name(code);
      const std::optional<fazhi::RegionCode> parent = code.parent();
      list->regions.push_back({static_cast<int32_t>(code.level()), code.str(),
                               std::string(name.value_or("")), parent ? parent->str() : ""});
    }
    *out = list.release();
    return clear_error();
  });
}

fz_status fz_region_list_count(const fz_region_list* list, int32_t* out) {
  constexpr const char* kFn = "fz_region_list_count";
  return guard([&] {
    if (!list) return null_argument(kFn, "list");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int32_t>(list->regions.size());
    return clear_error();
  });
}

fz_status fz_region_list_get(const fz_region_list* list, int32_t index, fz_region_info* info) {
  constexpr const char* kFn = "fz_region_list_get";
  return guard([&] {
    if (!list) return null_argument(kFn, "list");
    if (!info) return null_argument(kFn, "info");
    if (fz_status s =
            check_out_struct(kFn, "info", "fz_region_info", info, FZ_REGION_INFO_MIN_SIZE);
        s) {
      return s;
    }
    if (fz_status s = index_argument(kFn, index, list->regions.size()); s) return s;
    const fz_region_list::Entry& e = list->regions[static_cast<size_t>(index)];
    fz_region_info r = FZ_REGION_INFO_INIT;
    r.level = e.level;
    r.code = e.code.c_str();
    r.name = e.name.c_str();
    r.parent = e.parent.c_str();
    write_struct(info, r);
    return clear_error();
  });
}

void fz_region_list_free(fz_region_list* list) { delete list; }

fz_status fz_dataset_rejection_count(const fz_dataset* ds, int64_t* out) {
  constexpr const char* kFn = "fz_dataset_rejection_count";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!out) return null_argument(kFn, "out");
    *out = static_cast<int64_t>(ds->ds.rejects().size());
    return clear_error();
  });
}

fz_status fz_dataset_rejection_get(const fz_dataset* ds, int64_t index, fz_rejection* rejection) {
  constexpr const char* kFn = "fz_dataset_rejection_get";
  return guard([&] {
    if (!ds) return null_argument(kFn, "ds");
    if (!rejection) return null_argument(kFn, "rejection");
    if (fz_status s = check_out_struct(kFn, "rejection", "fz_rejection", rejection,
                                       FZ_REJECTION_MIN_SIZE);
        s) {
      return s;
    }
    const std::vector<fazhi::Rejection>& all = ds->ds.rejects();
    if (fz_status s = index_argument(kFn, index, all.size()); s) return s;
    const fazhi::Rejection& r = all[static_cast<size_t>(index)];
    fz_rejection c = FZ_REJECTION_INIT;
    c.code = static_cast<int32_t>(r.code);
    c.line = r.line;
    c.file = r.file.c_str();
    c.column = r.column.c_str();
    c.reason = r.reason.c_str();
    c.raw = r.raw.c_str();
    write_struct(rejection, c);
    return clear_error();
  });
}

}  // extern "C"
