// The Dataset: loading CSV files (or typed records) into validated columns.
//
// A load runs in stages, the same whether it uses one thread or many, so a
// parallel load gives exactly the columns, ids and rejections of a serial one:
//
//   1. prepare: open each file, settle its encoding, read and match its header
//      (a missing required column refuses that file, with its reason: the
//      others are loaded; in strict mode it fails the load before anything
//      changes);
//   2. split: cut each file into ranges at row boundaries. The quote parity
//      of each piece is counted first (in parallel), so a cut never falls
//      inside a quoted line break of well-formed CSV;
//   3. parse (parallel over ranges): each range reads its rows into its own
//      columns with its own text and region dictionaries, and lists its
//      rejected rows with line numbers relative to the range. A range then
//      checks that it ended exactly where the next one begins; if malformed
//      quoting made a cut wrong, the rest of the file is parsed again serially;
//   4. dedupe (a kind at a time, as soon as its last range is parsed, while
//      the other threads parse other kinds): ids are checked in file order,
//      so the second row with an id is the one rejected, within a load and
//      across loads. Ids that come in ascending order into an empty index
//      are distinct as they are: they are indexed when later rows arrive;
//   5. commit: the dictionaries are merged in file order (so every TextId and
//      RegionIndex is the one a serial load assigns), the columns are copied
//      into place, and the rejections are merged in file and line order.
// A file whose header or rows turn out not to be UTF-8 is converted from
// GB18030 and goes through stages 2-3 again. Strict mode fails before stage 5
// with the first rejection in file order, and the dataset is left as it was.
#include "fazhi/dataset.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cassert>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <memory>
#include <numeric>
#include <tuple>
#include <type_traits>
#include <mutex>
#include <utility>

#include "absl/cleanup/cleanup.h"
#include "absl/container/flat_hash_map.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "platform/bytes.hpp"
#include "load/csv.hpp"
#include "load/dataset_schema.hpp"
#include "load/encoding.hpp"
#include "platform/file.hpp"
#include "platform/parallel.hpp"

namespace fazhi {
namespace internal {
namespace {

// ---- Storage helpers -----------------------------------------------------------

// Arena hands out bytes at stable addresses (blocks of 64 KiB).
class Arena {
 public:
  // allocate returns n bytes that never move.
  char* allocate(size_t n) {
    if (n > kBlock / 8) {
      big_.emplace_back(new char[n]);
      bytes_ += n;
      return big_.back().get();
    }
    if (left_ < n) {
      blocks_.emplace_back(new char[kBlock]);
      cur_ = blocks_.back().get();
      left_ = kBlock;
      bytes_ += kBlock;
    }
    char* p = cur_;
    cur_ += n;
    left_ -= n;
    return p;
  }
  size_t bytes() const { return bytes_; }

 private:
  static constexpr size_t kBlock = size_t{64} << 10;
  std::vector<std::unique_ptr<char[]>> blocks_, big_;
  char* cur_ = nullptr;
  size_t left_ = 0;
  size_t bytes_ = 0;
};

// hash_bytes mixes `seed` and the bytes of s, eight bytes a step. The last
// step reads the final eight bytes (overlapping the one before) rather than
// copying a tail of variable length, which costs a call per value.
inline uint64_t hash_bytes(uint64_t seed, std::string_view s) noexcept {
  constexpr uint64_t kMul1 = 0x9E3779B97F4A7C15ULL, kMul2 = 0xD6E8FEB86659FD93ULL;
  const char* p = s.data();
  const size_t n = s.size();
  uint64_t h = (seed ^ n) * kMul1;
  auto mix = [&](uint64_t w) {
    h = (h ^ w) * kMul2;
    h ^= h >> 32;
  };
  auto load8 = [](const char* q) {
    uint64_t w;
    std::memcpy(&w, q, 8);
    return w;
  };
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 < n; i += 8) mix(load8(p + i));
    mix(load8(p + n - 8));
  } else if (n >= 4) {
    uint32_t a, b;
    std::memcpy(&a, p, 4);
    std::memcpy(&b, p + n - 4, 4);
    mix(uint64_t{a} << 32 | b);
  } else if (n > 0) {
    mix(uint64_t{static_cast<unsigned char>(p[0])} << 16 |
        uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 | static_cast<unsigned char>(p[n - 1]));
  }
  h *= kMul1;
  h ^= h >> 29;
  h *= kMul2;
  h ^= h >> 32;
  return h;
}

// TextTable is a dictionary of text: id 0 is the empty text, the others are
// given in order of first appearance, and a text's bytes never move. It is
// built for a lookup per text value per row: entries are [id, length, bytes]
// in an arena, and a slot holds 16 bits of the hash beside the entry's
// address, so a lookup touches one slot and (for a text of up to ~56 bytes)
// one cache line of entry. Each range fills its own; they are merged into
// the dataset's in file order.
class TextTable {
 public:
  // `slots` (a power of two) is the starting size: small for one record.
  explicit TextTable(size_t slots = 1024)
      : entries_(1, nullptr), hashes_(1, 0), slots_(slots, 0), mask_(slots - 1) {}
  static uint64_t hash(std::string_view s) { return hash_bytes(0, s); }
  TextId intern(std::string_view s) { return s.empty() ? 0 : intern(s, hash(s)); }
  TextId intern(std::string_view s, uint64_t h) {
    const uint64_t tag = h >> kPointerBits;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) {
        const auto id = static_cast<TextId>(entries_.size());
        const char* e = store(id, s);
        entries_.push_back(e);
        hashes_.push_back(h);
        slots_[i] = tag << kPointerBits | reinterpret_cast<uintptr_t>(e);
        if (entries_.size() * 2 > slots_.size()) grow(slots_.size() * 2);
        return id;
      }
      if ((slot >> kPointerBits) == tag) {
        const char* e = entry(slot);
        if (length(e) == s.size() && same(e + 8, s)) {
          uint32_t id;
          std::memcpy(&id, e, 4);
          return id;
        }
      }
    }
  }
  size_t size() const { return entries_.size(); }  // including the empty text
  std::string_view text(TextId id) const {
    if (id == 0 || id >= entries_.size()) return {};
    return std::string_view(entries_[id] + 8, length(entries_[id]));
  }
  size_t bytes() const {
    return arena_.bytes() + entries_.capacity() * sizeof(char*) + hashes_.capacity() * 8 +
           slots_.capacity() * 8;
  }
  // reserve makes room for n texts in all without rehashing.
  void reserve(size_t n) {
    size_t want = slots_.size();
    while (n * 2 > want) want *= 2;
    if (want != slots_.size()) grow(want);
    entries_.reserve(n);
    hashes_.reserve(n);
  }
  uint64_t hash_of(TextId id) const { return hashes_[id]; }

  // The loader looks up a batch of rows in three sweeps (slots, entries,
  // then intern) so that the cache misses of one row overlap the next's.
  void prefetch_slot(uint64_t h) const { __builtin_prefetch(&slots_[h & mask_]); }
  void prefetch_entry(uint64_t h) const {
    // The entry intern will compare: the first along the probe whose tag is
    // the text's (at half load, one text in three or so is not in its first
    // slot, and those missed the cache when only that slot was looked at).
    const uint64_t tag = h >> kPointerBits;
    for (size_t i = h & mask_;; i = (i + 1) & mask_) {
      const uint64_t slot = slots_[i];
      if (slot == 0) return;
      if ((slot >> kPointerBits) == tag) {
        __builtin_prefetch(entry(slot));
        return;
      }
    }
  }

 private:
  // User-space addresses fit in 48 bits on x86-64 and AArch64.
  static constexpr int kPointerBits = 48;
  static const char* entry(uint64_t slot) {
    return reinterpret_cast<const char*>(slot & ((uint64_t{1} << kPointerBits) - 1));
  }
  static uint32_t length(const char* e) {
    uint32_t len;
    std::memcpy(&len, e + 4, 4);
    return len;
  }
  // same compares s with an entry's bytes of the same length, eight bytes a
  // step; the last 1-16 bytes are gathered from both ends (gather_short)
  // rather than compared a byte at a time: ids of 9-10 bytes and Chinese
  // texts of 12 are the common values.
  static bool same(const char* p, std::string_view s) {
    const char* q = s.data();
    size_t n = s.size();
    for (; n > 16; n -= 8, p += 8, q += 8) {
      if (load_u64(p) != load_u64(q)) return false;
    }
    return gather_short(p, n) == gather_short(q, n);
  }
  const char* store(uint32_t id, std::string_view s) {
    char* e = arena_.allocate(8 + s.size());
    const auto len = static_cast<uint32_t>(s.size());
    std::memcpy(e, &id, 4);
    std::memcpy(e + 4, &len, 4);
    std::memcpy(e + 8, s.data(), s.size());
    return e;
  }
  // grow rehashes from the kept hashes, in id order: no entry is read.
  void grow(size_t size) {
    slots_.assign(size, 0);
    mask_ = size - 1;
    for (size_t id = 1; id < entries_.size(); ++id) {
      const uint64_t h = hashes_[id];
      size_t i = h & mask_;
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = (h >> kPointerBits) << kPointerBits | reinterpret_cast<uintptr_t>(entries_[id]);
    }
  }

  Arena arena_;
  std::vector<const char*> entries_;  // id -> entry
  std::vector<uint64_t> hashes_;      // id -> hash
  std::vector<uint64_t> slots_;
  size_t mask_;
};

// RegionTable numbers region codes in order of first appearance. A few
// thousand codes in a small open-addressing table that stays in cache.
class RegionTable {
 public:
  RegionTable() : slots_(256, 0), mask_(255) {}
  RegionIndex index(RegionCode code) {
    const uint32_t key = code.value() + 1;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        const auto index = static_cast<RegionIndex>(codes_.size());
        codes_.push_back(code);
        slots_[i] = uint64_t{index} << 32 | key;
        if (codes_.size() * 2 > slots_.size()) grow();
        return index;
      }
      if (static_cast<uint32_t>(s) == key) return static_cast<RegionIndex>(s >> 32);
    }
  }
  // prefetch brings in the slot `index` will look at first.
  void prefetch(RegionCode code) const { __builtin_prefetch(&slots_[slot_of(code.value() + 1)]); }
  std::optional<RegionIndex> find(RegionCode code) const {
    const uint32_t key = code.value() + 1;
    for (size_t i = slot_of(key);; i = (i + 1) & mask_) {
      const uint64_t s = slots_[i];
      if (s == 0) return std::nullopt;
      if (static_cast<uint32_t>(s) == key) return static_cast<RegionIndex>(s >> 32);
    }
  }
  const std::vector<RegionCode>& codes() const { return codes_; }
  size_t bytes() const { return codes_.capacity() * sizeof(RegionCode) + slots_.capacity() * 8; }

 private:
  size_t slot_of(uint32_t key) const {
    return static_cast<size_t>((uint64_t{key} * 0x9E3779B97F4A7C15ULL) >> 40) & mask_;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, 0);
    mask_ = slots_.size() - 1;
    for (size_t index = 0; index < codes_.size(); ++index) {
      const uint32_t key = codes_[index].value() + 1;
      size_t i = slot_of(key);
      while (slots_[i] != 0) i = (i + 1) & mask_;
      slots_[i] = uint64_t{index} << 32 | key;
    }
  }

  std::vector<RegionCode> codes_;
  std::vector<uint64_t> slots_;  // (index << 32) | (code + 1); 0 is empty
  size_t mask_;
};

// ---- The duplicate-id index ------------------------------------------------------

// hash_id mixes a scope (region code, with the registry kind above it) and
// an id.
uint64_t hash_id(uint32_t scope, std::string_view id) noexcept {
  return hash_bytes(static_cast<uint64_t>(scope) << 32, id);
}

// An id entry: the scope (4 bytes), the id's length (varint), the id. The
// ranges write their kept rows' ids in this form, and the index refers to
// the same bytes, so an id is held once.
void append_id_entry(std::string& out, uint32_t scope, std::string_view id) {
  char head[4 + 10];
  std::memcpy(head, &scope, 4);
  size_t k = 4;
  for (uint64_t len = id.size();; len >>= 7) {
    head[k++] = static_cast<char>((len & 0x7F) | (len >= 0x80 ? 0x80 : 0));
    if (len < 0x80) break;
  }
  out.append(head, k);
  out.append(id);
}
// read_id_entry reads the entry at p and returns where the next one begins.
const char* read_id_entry(const char* p, uint32_t& scope, std::string_view& id) {
  std::memcpy(&scope, p, 4);
  p += 4;
  uint64_t len = 0;
  for (int shift = 0;; shift += 7) {
    const auto b = static_cast<unsigned char>(*p++);
    len |= static_cast<uint64_t>(b & 0x7F) << shift;
    if ((b & 0x80) == 0) break;
  }
  id = std::string_view(p, len);
  return p + len;
}

// IdChunks are the id entries of large ranges, adopted whole by an index
// (chunk k + 1 of a slot is chunks[k]; chunk 0 is the shard's own arena).
using IdChunks = std::vector<std::shared_ptr<const std::string>>;

// IdShard is an open-addressing set of (scope, id). A slot holds 12 bits of
// the hash (a tag), the entry's chunk and its offset there, where the scope
// and the id bytes are kept so that a tag match is confirmed exactly: two
// different ids are never taken for the same one.
class IdShard {
 public:
  static constexpr int kShardBits = 6;
  static constexpr uint64_t kTagBits = 12, kChunkBits = 12, kOffsetBits = 40;
  static constexpr size_t kMaxChunks = (size_t{1} << kChunkBits) - 1;

  // insert adds the id, or returns false when it is already there. An id
  // whose entry is in chunk `chunk` (> 0) at `offset` is referred to there;
  // chunk 0 copies it into the shard's arena.
  bool insert(uint64_t h, uint32_t scope, std::string_view id, uint32_t chunk, uint64_t offset,
              const IdChunks& chunks) {
    if ((count_ + 1) * 4 > slots_.size() * 3) grow(count_ + 1, chunks);
    const uint64_t tag = h & ((uint64_t{1} << kTagBits) - 1);
    size_t i = slot_of(h);
    for (;;) {
      const uint64_t s = slots_[i];
      if (s == 0) {
        if (chunk == 0) {
          offset = arena_.size();
          append_id_entry(arena_, scope, id);
        }
        slots_[i] =
            tag << (kChunkBits + kOffsetBits) | uint64_t{chunk} << kOffsetBits | (offset + 1);
        id_bytes_ += id.size();
        ++count_;
        return true;
      }
      if ((s >> (kChunkBits + kOffsetBits)) == tag && same(s, scope, id, chunks)) return false;
      if (++i == slots_.size()) i = 0;
    }
  }
  void prefetch(uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[slot_of(h)]);
  }
  // reserve makes room for n ids in all (load factor at most 3/4) and for
  // `bytes` more bytes of copied entries.
  void reserve(size_t n, size_t bytes, const IdChunks& chunks) {
    if (n * 4 > slots_.size() * 3) grow(n, chunks);
    const size_t want = arena_.size() + bytes;
    if (want > arena_.capacity())
      arena_.reserve(std::max(want, arena_.capacity() + arena_.capacity() / 2));
  }
  size_t slot_bytes() const { return slots_.capacity() * sizeof(uint64_t); }
  size_t arena_bytes() const {  // on the heap: an empty string's inline buffer is not
    return arena_.capacity() > std::string().capacity() ? arena_.capacity() : 0;
  }
  size_t id_bytes() const { return id_bytes_; }
  size_t count() const { return count_; }

 private:
  size_t slot_of(uint64_t h) const {
    // Multiply-shift onto any table size (the top bits chose the shard).
    return static_cast<size_t>((static_cast<unsigned __int128>(h << kShardBits) * slots_.size()) >>
                               64);
  }
  void entry_of(uint64_t slot, const IdChunks& chunks, uint32_t& scope,
                std::string_view& id) const {
    const uint64_t offset = (slot & ((uint64_t{1} << kOffsetBits) - 1)) - 1;
    const size_t chunk = (slot >> kOffsetBits) & ((uint64_t{1} << kChunkBits) - 1);
    const char* base = chunk == 0 ? arena_.data() : chunks[chunk - 1]->data();
    read_id_entry(base + offset, scope, id);
  }
  bool same(uint64_t slot, uint32_t scope, std::string_view id, const IdChunks& chunks) const {
    uint32_t s = 0;
    std::string_view kept;
    entry_of(slot, chunks, s, kept);
    return s == scope && kept == id;
  }
  void grow(size_t n, const IdChunks& chunks) {
    const size_t want = std::max(n + n / 3 + 16, slots_.size() + slots_.size() / 2);
    std::vector<uint64_t> old = std::move(slots_);
    slots_.assign(want, 0);
    for (uint64_t s : old) {
      if (s == 0) continue;
      uint32_t scope = 0;
      std::string_view id;
      entry_of(s, chunks, scope, id);
      size_t i = slot_of(hash_id(scope, id));
      while (slots_[i] != 0) {
        if (++i == slots_.size()) i = 0;
      }
      slots_[i] = s;
    }
  }

  std::vector<uint64_t> slots_;
  std::string arena_;
  size_t count_ = 0;
  size_t id_bytes_ = 0;
};

struct IdIndex {
  static constexpr size_t kShards = size_t{1} << IdShard::kShardBits;
  static size_t shard_of(uint64_t h) {
    return static_cast<size_t>(h >> (64 - IdShard::kShardBits));
  }
  // The shards come in kGroups groups (the top bits of the shard). The ids
  // are checked a group at a time: random inserts into one group's slots
  // (a few MB for 10M ids) mostly hit the cache, where inserts spread over
  // every shard (~100 MB) wait on memory for nearly every id.
  static constexpr int kGroupBits = 4;
  static constexpr size_t kGroups = size_t{1} << kGroupBits;
  static size_t group_of(size_t shard) { return shard >> (IdShard::kShardBits - kGroupBits); }
  std::array<IdShard, kShards> shards;
  IdChunks chunks;
  // Chunks whose entries are not in the shards yet: a load into an empty
  // index whose ids came in ascending order (so all distinct: see
  // ids_ascending) defers their slots until something is next checked
  // against them (settle_ids, at the start of every dedupe). A dataset
  // loaded once, as the command line does, never builds them: ~11% of a
  // 10M load's time, and its ~110 MB of slots.
  struct Deferred {
    uint32_t chunk;  // chunks[chunk - 1]
    size_t count;    // its entries
  };
  std::vector<Deferred> deferred;
  size_t deferred_id_bytes = 0;  // the length of their ids, together
  bool empty() const {
    return chunks.empty() &&
           std::all_of(shards.begin(), shards.end(), [](const IdShard& s) { return s.count() == 0; });
  }
  size_t chunk_bytes() const {
    size_t n = 0;
    for (const auto& c : chunks) n += c->capacity();
    return n;
  }
};

// ---- Loaded data, shared by the Dataset and the load stages --------------------------

struct Store {
  ReconsiderationColumns reconsideration;
  LitigationColumns litigation;
  LegalAidColumns legal_aid;
  MediationColumns mediation;
  RegistryColumns registry;
  ActivityColumns activity;
  RegionNameColumns region_names;
  TextTable texts;
  RegionTable regions;
  absl::flat_hash_map<uint32_t, TextId> region_name;  // code -> name
  std::array<IdIndex, kRecordKindCount> ids;
  std::vector<Rejection> rejects;
  LoadSummary summary;
  bool sealed = false;  // Dataset::seal: the id index is gone, no more rows
  // damaged: a load, add or seal threw (memory ran out) after it began to
  // change the columns, dictionaries or index, so rows may be half there.
  bool damaged = false;
  // Records added one by one are counted like a file's rows, in one
  // FileSummary per kind (`<add:kind>`): its place in summary.files.
  std::array<size_t, kRecordKindCount> added_at;
  Store() { added_at.fill(SIZE_MAX); }
};

absl::Status check_whole(const Store& store) {
  if (!store.damaged) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "an earlier load, add or seal ran out of memory part way, so the dataset may hold part of "
      "it: load the records again into a new dataset");
}

// DamagedIfThrown marks the store damaged when an exception ends the scope
// it guards, a scope that changes the store.
class DamagedIfThrown {
 public:
  explicit DamagedIfThrown(Store& store) : store_(store), exceptions_(std::uncaught_exceptions()) {}
  DamagedIfThrown(const DamagedIfThrown&) = delete;
  DamagedIfThrown& operator=(const DamagedIfThrown&) = delete;
  ~DamagedIfThrown() {
    if (std::uncaught_exceptions() > exceptions_) store_.damaged = true;
  }

 private:
  Store& store_;
  int exceptions_;
};

// count_add counts one record added one by one, kept or rejected (with
// `column` and `reason`; its line is its number among the kind's adds).
void count_add(Store& store, RecordKind kind, std::string_view column, std::string reason,
               bool kept, RejectCode code = RejectCode::kOther) {
  size_t& at = store.added_at[static_cast<size_t>(kind)];
  if (at == SIZE_MAX) {
    at = store.summary.files.size();
    FileSummary f;
    f.file = absl::StrCat("<add:", absl_view(kind_name(kind)), ">");
    f.kind = kind;
    f.added = true;
    store.summary.files.push_back(std::move(f));
  }
  FileSummary& f = store.summary.files[at];
  ++f.rows_read;
  if (kept) {
    ++f.rows_kept;
    return;
  }
  ++f.rows_rejected;
  Rejection r;
  r.file = f.file;
  r.line = f.rows_read;
  r.column = std::string(column);
  r.reason = std::move(reason);
  r.code = code;
  store.rejects.push_back(std::move(r));
}

absl::Status check_open(const Store& store) {
  if (absl::Status s = check_whole(store); !s.ok()) return s;
  if (!store.sealed) return absl::OkStatus();
  return absl::FailedPreconditionError(
      "the dataset is sealed: no more records can be loaded or added (seal() dropped the "
      "duplicate-id index)");
}

template <typename K>
typename K::Columns& columns_of(Store& s) {
  if constexpr (K::kKind == RecordKind::kReconsideration) return s.reconsideration;
  if constexpr (K::kKind == RecordKind::kLitigation) return s.litigation;
  if constexpr (K::kKind == RecordKind::kLegalAid) return s.legal_aid;
  if constexpr (K::kKind == RecordKind::kMediation) return s.mediation;
  if constexpr (K::kKind == RecordKind::kRegistry) return s.registry;
  if constexpr (K::kKind == RecordKind::kActivity) return s.activity;
  if constexpr (K::kKind == RecordKind::kRegions) return s.region_names;
}

// Calls f(member pointer) for every column vector of kind K.
template <typename K, typename F>
void for_each_member(F&& f) {
  std::apply([&](auto... m) { (f(m), ...); }, K::kPlain);
  std::apply([&](auto... m) { (f(m), ...); }, K::kText);
  if constexpr (K::kIndexedRegion) f(&K::Columns::region);
}

template <typename K>
size_t column_bytes(const typename K::Columns& c) {
  size_t bytes = 0;
  for_each_member<K>([&](auto m) {
    bytes +=
        (c.*m).capacity() * sizeof(typename std::remove_reference_t<decltype(c.*m)>::value_type);
  });
  return bytes;
}

// ---- One range of rows, parsed on its own ----------------------------------------

// IdOrder follows whether a sequence of (scope, id) came in strictly
// ascending order of id, or of (scope, id): either way no two are the same.
// Exports list cases by case number, or by region and then case number.
struct IdOrder {
  bool by_id = true, by_scope = true;
  // follow takes (scope, id) after the entry at `last` (append_id_entry).
  void follow(const char* last, uint32_t scope, std::string_view id) {
    uint32_t last_scope = 0;
    std::string_view last_id;
    read_id_entry(last, last_scope, last_id);
    const int c = compare_text(id, last_id);
    by_id = by_id && c > 0;
    by_scope = by_scope && (scope > last_scope || (scope == last_scope && c > 0));
  }
  // then appends another sequence's order (`follow` checks where they meet).
  void then(const IdOrder& o) {
    by_id = by_id && o.by_id;
    by_scope = by_scope && o.by_scope;
  }
  bool distinct() const { return by_id || by_scope; }
};

// IdDup is a kept row whose id was already in the index: the entry at
// `offset` of its range's ids. Its row number is worked out afterwards
// (rows_of_dups).
struct IdDup {
  uint32_t range = 0;  // in the order the dedupe took the ranges
  uint64_t offset = 0;
  uint64_t row = 0;
};

// kRowBlock: kept rows per remembered row start (RangeOut::block_off).
inline constexpr size_t kRowBlock = 64;

template <typename K>
struct RangeOut {
  RangeOut() = default;
  explicit RangeOut(size_t text_slots) : texts(text_slots) {}
  size_t begin = 0, end = 0;  // the bytes assigned to this range
  size_t stop = 0;            // where parsing stopped: the next range should begin here
  int64_t lines = 0;          // line feeds in [begin, stop)
  int64_t rows_read = 0;
  bool stopped = false;  // strict mode: stopped at its first rejection
  bool aborted = false;  // the file turned out not to be UTF-8
  typename K::Columns cols;
  TextTable texts;
  RegionTable regions;
  // For the dedupe stage: the id entries (append_id_entry) of the kept
  // rows, in row order, made at the first; kept whole by the index when
  // large (adopt_ids). Nothing is hashed while the rows are read: the
  // dedupe does that, and only when the ids did not come in ascending order
  // (one stream, rather than one per group of shards with the shard of each
  // row, made a 10M load ~12% faster).
  std::shared_ptr<std::string> ids;
  uint32_t id_chunk = 0;  // the chunk the index refers to; 0: copied
  size_t id_count = 0;    // entries (the kept rows)
  size_t id_last = 0;     // where the last entry begins
  IdOrder id_order;       // whether they came in ascending order
  size_t id_text = 0;     // the length of the ids (IdIndex::deferred_id_bytes)
  size_t expected_rows = 0;  // about the range's rows (guess_rows)
  // Where every kRowBlock-th kept row starts (relative to `begin`): a
  // duplicate's row is found again from its block's start (finish), so a
  // range keeps 4 bytes per 64 rows rather than per row.
  std::vector<uint32_t> block_off;
  std::vector<Rejection> rejects;  // lines relative to the range's first line (0)
  std::vector<uint32_t> dups;      // kept rows found to repeat an id

};

// LocalInterner fills a range's own dictionaries.
// known_hashes (optional) are the hashes of the row's text fields,
// computed once by the batch that prefetched them.
struct LocalInterner {
  TextTable& texts;
  RegionTable& regions;
  std::span<const std::string_view> known_texts = {};
  std::span<const uint64_t> known_hashes = {};
  TextId text(std::string_view s) {
    if (s.empty()) return 0;
    for (size_t k = 0; k < known_texts.size(); ++k) {
      if (known_texts[k].data() == s.data() && known_texts[k].size() == s.size()) {
        return texts.intern(s, known_hashes[k]);
      }
    }
    return texts.intern(s);
  }
  RegionIndex region(RegionCode r) { return regions.index(r); }
};

// stage_row appends a row that passed every check; the loaders and
// Dataset::add both come through here.
template <typename K>
void stage_row(RangeOut<K>& out, const typename K::Row& row, size_t row_off,
               std::span<const std::string_view> texts = {},
               std::span<const uint64_t> hashes = {}) {
  LocalInterner in{out.texts, out.regions, texts, hashes};
  K::append(row, out.cols, in);
  if constexpr (K::kHasId) {
    const uint32_t scope = K::scope(row);
    const std::string_view id = K::id(row);
    if (!out.ids) {
      out.ids = std::make_shared<std::string>();
      // Ids of one export are mostly alike in length: reserving for the
      // rows expected from the first keeps the buffer from doubling (and
      // stranding freed blocks).
      const size_t expected = out.expected_rows * (4 + 1 + id.size());
      if (expected > 0) out.ids->reserve(expected + expected / 32 + 256);
    }
    std::string& ids = *out.ids;
    if (out.id_count % kRowBlock == 0) out.block_off.push_back(static_cast<uint32_t>(row_off));
    if (!ids.empty() && out.id_order.distinct()) out.id_order.follow(ids.data() + out.id_last, scope, id);
    out.id_last = ids.size();
    out.id_text += id.size();
    ++out.id_count;
    append_id_entry(ids, scope, id);
  }
}

template <typename K>
std::string dup_reason(uint32_t scope, std::string_view id) {
  if constexpr (K::kKind == RecordKind::kRegions) {
    return absl::StrCat("duplicate region ", RegionCode::from_value(scope).str(),
                        " (it already has a name)");
  } else if constexpr (K::kKind == RecordKind::kRegistry) {
    return absl::StrCat("duplicate entity_id '", absl_view(id), "' for ",
                        absl_view(code_name(static_cast<RegistryKind>(scope >> 24))), " in region ",
                        RegionCode::from_value(scope & 0xFFFFFF).str());
  } else {
    return absl::StrCat("duplicate case_id '", absl_view(id), "' in region ",
                        RegionCode::from_value(scope).str());
  }
}

// adopt_ids lets the index keep a large range's id entries as they are
// (rather than copy them); it runs before the dedupe, in file order.
template <typename K>
void adopt_ids(IdIndex& index, const std::vector<RangeOut<K>*>& ranges) {
  constexpr size_t kAdoptBytes = size_t{64} << 10;
  for (RangeOut<K>* r : ranges) {
    r->id_chunk = 0;
    if (!r->ids || r->ids->size() < kAdoptBytes || index.chunks.size() >= IdShard::kMaxChunks) continue;
    if (r->ids->capacity() > r->ids->size() + r->ids->size() / 8) r->ids->shrink_to_fit();
    index.chunks.push_back(r->ids);
    r->id_chunk = static_cast<uint32_t>(index.chunks.size());
  }
}

// IdSource is a stream of id entries to put into an index: its chunk
// `chunk`, or (0) bytes to copy into its shards; `count` entries.
struct IdSource {
  const std::string* entries;
  uint32_t chunk;
  size_t count;
};

// insert_ids puts the entries of `sources` into the index a group of
// shards at a time (random inserts into one group's slots, a few MB for 10M
// ids, mostly hit the cache, where inserts spread over every shard, ~100 MB,
// wait on memory for nearly every id). A group's entries go in in source
// order, and in order within a source: of two entries with the same id the
// earlier stays, and on_dup(source, offset) is told of the later. A first
// pass hashes every entry to size the shards and to list each group's
// entries (source and offset in 8 bytes); the second hashes an entry again
// kAhead entries before it goes in, to prefetch its slot, and prefetches the
// entry itself kAhead entries before that (a group's entries lie all over
// their sources: without it a load of ids in no order was 10-16% slower).
template <typename OnDup>
void insert_ids(IdIndex& index, std::span<const IdSource> sources, OnDup&& on_dup) {
  constexpr int kOffsetBits = 40;  // a ref: source << kOffsetBits | offset
  constexpr uint64_t kOffsetMask = (uint64_t{1} << kOffsetBits) - 1;
  auto entry_at = [&](uint64_t ref) { return sources[ref >> kOffsetBits].entries->data() + (ref & kOffsetMask); };
  std::array<size_t, IdIndex::kShards> incoming{}, copied{};
  std::array<std::vector<uint64_t>, IdIndex::kGroups> refs;
  size_t total = 0;
  for (const IdSource& src : sources) total += src.count;
  for (auto& list : refs) list.reserve(total / IdIndex::kGroups + total / 64 + 16);
  for (size_t k = 0; k < sources.size(); ++k) {
    const std::string& entries = *sources[k].entries;
    assert(entries.size() < (uint64_t{1} << kOffsetBits) && k < (size_t{1} << (64 - kOffsetBits)));
    const char* const base = entries.data();
    for (const char* p = base; p < base + entries.size();) {
      const auto offset = static_cast<uint64_t>(p - base);
      uint32_t scope = 0;
      std::string_view id;
      p = read_id_entry(p, scope, id);
      const size_t shard = IdIndex::shard_of(hash_id(scope, id));
      ++incoming[shard];
      if (sources[k].chunk == 0) copied[shard] += static_cast<size_t>(p - base) - offset;
      refs[IdIndex::group_of(shard)].push_back(uint64_t{k} << kOffsetBits | offset);
    }
  }
  for (size_t s = 0; s < IdIndex::kShards; ++s) {
    index.shards[s].reserve(index.shards[s].count() + incoming[s], copied[s], index.chunks);
  }
  constexpr size_t kAhead = 16;
  struct Ahead {
    uint64_t h = 0, offset = 0;
    size_t source = 0;
    uint32_t scope = 0;
    std::string_view id;
  };
  std::array<Ahead, kAhead> ring;
  for (std::vector<uint64_t>& list : refs) {
    size_t read = 0;  // entries read ahead so far
    auto read_ahead = [&] {
      // The entry hashed kAhead entries from now.
      if (read + kAhead < list.size()) __builtin_prefetch(entry_at(list[read + kAhead]));
      Ahead& e = ring[read % kAhead];
      e.source = static_cast<size_t>(list[read] >> kOffsetBits);
      e.offset = list[read] & kOffsetMask;
      read_id_entry(entry_at(list[read]), e.scope, e.id);
      e.h = hash_id(e.scope, e.id);
      index.shards[IdIndex::shard_of(e.h)].prefetch(e.h);
      ++read;
    };
    while (read < kAhead && read < list.size()) read_ahead();
    for (size_t k = 0; k < list.size(); ++k) {
      const Ahead e = ring[k % kAhead];  // before read_ahead reuses its place
      if (read < list.size()) read_ahead();
      if (!index.shards[IdIndex::shard_of(e.h)].insert(e.h, e.scope, e.id, sources[e.source].chunk,
                                                       e.offset, index.chunks)) {
        on_dup(e.source, e.offset);
      }
    }
    list = {};  // give each group's list back as soon as it is in
  }
}

// settle_ids puts the index's deferred entries into its shards. They were
// found distinct when they came in, and the index was empty then.
void settle_ids(IdIndex& index) {
  if (index.deferred.empty()) return;
  std::vector<IdSource> sources;
  for (const IdIndex::Deferred& d : index.deferred) {
    sources.push_back({index.chunks[d.chunk - 1].get(), d.chunk, d.count});
  }
  insert_ids(index, sources, [](size_t, uint64_t) { assert(false && "a deferred id was found twice"); });
  index.deferred.clear();
  index.deferred_id_bytes = 0;
}

// ids_ascending: the ids of `ranges`, in file order, are each greater than
// the one before (of id, or of (scope, id)), so none repeats. Each range
// knows its own order (RangeOut::id_order); this checks where one range's
// entries meet the next's.
template <typename K>
bool ids_ascending(const std::vector<RangeOut<K>*>& ranges) {
  IdOrder order;
  const RangeOut<K>* before = nullptr;
  for (const RangeOut<K>* r : ranges) {
    if (!r->ids || r->ids->empty()) continue;
    order.then(r->id_order);
    if (before != nullptr) {
      uint32_t scope = 0;
      std::string_view id;
      read_id_entry(r->ids->data(), scope, id);
      order.follow(before->ids->data() + before->id_last, scope, id);
    }
    before = r;
  }
  return order.distinct();
}

// dedupe checks the ids of `ranges` in their order (file order) against the
// index and puts them in. Rows whose id is already there are listed in
// `dups` (their rows not yet known). `fresh`: the index was empty before
// adopt_ids gave it these ranges' chunks; then ids that came in ascending
// order are deferred (IdIndex::deferred), not inserted.
template <typename K>
void dedupe(IdIndex& index, const std::vector<RangeOut<K>*>& ranges, std::vector<IdDup>& dups,
            bool fresh = false) {
  const bool adopted = std::all_of(ranges.begin(), ranges.end(),
                                   [](const RangeOut<K>* r) { return !r->ids || r->id_chunk != 0; });
  if (fresh && adopted && ids_ascending(ranges)) {
    for (const RangeOut<K>* r : ranges) {
      if (!r->ids) continue;
      index.deferred.push_back({r->id_chunk, r->id_count});
      index.deferred_id_bytes += r->id_text;
    }
    return;
  }
  settle_ids(index);
  std::vector<IdSource> sources;
  std::vector<uint32_t> range_of;  // sources[k] is the ids of ranges[range_of[k]]
  for (size_t ri = 0; ri < ranges.size(); ++ri) {
    if (!ranges[ri]->ids) continue;
    sources.push_back({ranges[ri]->ids.get(), ranges[ri]->id_chunk, ranges[ri]->id_count});
    range_of.push_back(static_cast<uint32_t>(ri));
  }
  insert_ids(index, sources, [&](size_t k, uint64_t offset) { dups.push_back({range_of[k], offset, 0}); });
}

// rows_of_dups works out the row of each of a range's duplicates (its
// entry's place among the range's ids), and sorts them by row.
template <typename K>
void rows_of_dups(const RangeOut<K>& r, std::vector<IdDup>& dups) {
  if (dups.empty()) return;
  std::sort(dups.begin(), dups.end(), [](const IdDup& a, const IdDup& b) { return a.offset < b.offset; });
  const char* const base = r.ids->data();
  const char* p = base;
  uint64_t row = 0;
  for (IdDup& d : dups) {
    for (; static_cast<uint64_t>(p - base) < d.offset; ++row) {
      uint32_t scope = 0;
      std::string_view id;
      p = read_id_entry(p, scope, id);
    }
    d.row = row;
  }
}

template <typename V>
void copy_skipping(V& dst, size_t at, const V& src, const std::vector<uint32_t>& skip) {
  size_t from = 0;
  for (uint32_t d : skip) {
    std::copy(src.begin() + from, src.begin() + d, dst.begin() + at);
    at += d - from;
    from = d + 1;
  }
  std::copy(src.begin() + from, src.end(), dst.begin() + at);
}

template <typename V, typename M>
void map_skipping(V& dst, size_t at, const V& src, const std::vector<uint32_t>& skip,
                  const std::vector<M>& map) {
  size_t k = 0;
  for (size_t i = 0; i < src.size(); ++i) {
    if (k < skip.size() && skip[k] == i) {
      ++k;
      continue;
    }
    dst[at++] = map[src[i]];
  }
}

template <typename V, typename M>
void map_in_place(V& v, const std::vector<M>& map) {
  for (auto& x : v) x = map[x];
}

template <typename K>
void copy_ranges(typename K::Columns& dst, const std::vector<RangeOut<K>*>& ranges,
                 const std::vector<std::vector<TextId>>& text_map,
                 const std::vector<std::vector<RegionIndex>>& region_map, int threads);

// RegionOrder is the regions in code order: place[RegionIndex] is a region's
// place in that order, and index[place] the region there.
struct RegionOrder {
  explicit RegionOrder(const std::vector<RegionCode>& codes) : index(codes.size()), place(codes.size()) {
    std::iota(index.begin(), index.end(), RegionIndex{0});
    std::sort(index.begin(), index.end(), [&](RegionIndex a, RegionIndex b) { return codes[a] < codes[b]; });
    for (uint32_t k = 0; k < index.size(); ++k) place[index[k]] = k;
  }
  std::vector<RegionIndex> index;
  std::vector<uint32_t> place;
};

// Scratch is a buffer that grows and is never cleared: every byte is
// written before it is read.
class Scratch {
 public:
  std::byte* get(size_t n) {
    if (n > size_) {
      data_ = std::make_unique_for_overwrite<std::byte[]>(n);
      size_ = n;
    }
    return data_.get();
  }

 private:
  std::unique_ptr<std::byte[]> data_;
  size_t size_ = 0;
};

// group_by_region reorders the rows [first, size) of a kind so that each
// region's rows are together, the regions in code order and each region's
// rows in the order they had (a stable counting sort). The report reads a
// region's rows as one run (src/metrics/pass.hpp, for_each_run), and its counters,
// also in code order, in one sweep; nothing else depends on the order of the
// rows. Each row's new place is worked out once, into the region column
// itself (it is refilled from the counts at the end); then a column at a
// time is scattered into a buffer its thread keeps (the widest columns
// first, so a buffer is allocated once) and copied back. Beyond 2^32 rows
// they are left as they are.
template <typename K>
void group_by_region(typename K::Columns& c, size_t first, const RegionOrder& order, int threads) {
  if constexpr (K::kIndexedRegion) {
    const std::vector<uint32_t>& place = order.place;
    RegionIndex* const region = c.region.data() + first;
    const size_t n = c.size() - first;
    if (n > UINT32_MAX || std::is_sorted(region, region + n, [&](RegionIndex a, RegionIndex b) {
          return place[a] < place[b];
        })) {
      return;
    }
    std::vector<uint32_t> start(place.size() + 1, 0);  // where the rows of the region at each place begin
    for (size_t i = 0; i < n; ++i) ++start[place[region[i]] + 1];
    std::partial_sum(start.begin(), start.end(), start.begin());
    static_assert(std::is_same_v<RegionIndex, uint32_t>, "a row's new place takes its region's room");
    uint32_t* const to = region;  // to[i]: the new place of row i
    {
      std::vector<uint32_t> next(start.begin(), start.end() - 1);
      for (size_t i = 0; i < n; ++i) to[i] = next[place[region[i]]]++;
    }
    struct Move {
      size_t width;
      std::function<void(Scratch&)> run;
    };
    std::vector<Move> moves;  // every column but the region
    auto add_move = [&](auto m) {
      using T = typename std::remove_reference_t<decltype(c.*m)>::value_type;
      static_assert(std::is_trivially_copyable_v<T>);
      moves.push_back({sizeof(T), [&c, to, first, n, m](Scratch& buffer) {
        T* const moved = reinterpret_cast<T*>(buffer.get(n * sizeof(T)));  // implicitly created T objects
        T* const column = (c.*m).data() + first;
        for (size_t i = 0; i < n; ++i) moved[to[i]] = column[i];
        std::copy(moved, moved + n, column);
      }});
    };
    std::apply([&](auto... m) { (add_move(m), ...); }, K::kPlain);
    std::apply([&](auto... m) { (add_move(m), ...); }, K::kText);
    std::stable_sort(moves.begin(), moves.end(), [](const Move& a, const Move& b) { return a.width > b.width; });
    std::vector<Scratch> buffers(worker_count(moves.size(), threads));
    parallel_for_workers(moves.size(), threads, [&](size_t k, size_t worker) { moves[k].run(buffers[worker]); });
    // The region column: the rows of the region at place k are [start[k], start[k + 1]).
    for (size_t k = 0; k < place.size(); ++k) {
      std::fill(c.region.begin() + static_cast<ptrdiff_t>(first + start[k]),
                c.region.begin() + static_cast<ptrdiff_t>(first + start[k + 1]), order.index[k]);
    }
  }
}

// commit_ranges merges the ranges' dictionaries into the store's, in order,
// and copies their rows (less the duplicates) to the end of the columns.
template <typename K>
void commit_ranges(Store& store, const std::vector<RangeOut<K>*>& ranges, int threads) {
  typename K::Columns& dst = columns_of<K>(store);
  const size_t n = ranges.size();
  const size_t first = dst.size();
  std::vector<std::vector<TextId>> text_map(n);
  std::vector<std::vector<RegionIndex>> region_map(n);
  bool identity = dst.size() == 0 && n == 1;
  size_t texts = store.texts.size();
  for (const RangeOut<K>* r : ranges) texts += r->texts.size();
  store.texts.reserve(texts);
  for (size_t r = 0; r < n; ++r) {
    const RangeOut<K>& in = *ranges[r];
    text_map[r].resize(in.texts.size());
    constexpr TextId kAhead = 16;  // prefetch the slot of a text this far ahead
    for (TextId id = 1; id < in.texts.size(); ++id) {
      if (id + kAhead < in.texts.size()) store.texts.prefetch_slot(in.texts.hash_of(id + kAhead));
      text_map[r][id] = store.texts.intern(in.texts.text(id), in.texts.hash_of(id));
      identity = identity && text_map[r][id] == id;
    }
    const std::vector<RegionCode>& codes = in.regions.codes();
    region_map[r].resize(codes.size());
    for (size_t i = 0; i < codes.size(); ++i) {
      region_map[r][i] = store.regions.index(codes[i]);
      identity = identity && region_map[r][i] == i;
    }
    identity = identity && in.dups.empty();
  }
  if (identity) {
    // A first load into an empty dataset in one range: the columns are final.
    dst = std::move(ranges[0]->cols);
  } else if (dst.size() == 0 && n == 1 && ranges[0]->dups.empty()) {
    // One range into empty columns: map its ids where they are and take the
    // columns over, rather than hold a second copy of them.
    RangeOut<K>& in = *ranges[0];
    std::apply([&](auto... m) { ((dst.*m = std::move(in.cols.*m)), ...); }, K::kPlain);
    std::apply(
        [&](auto... m) {
          ((map_in_place(in.cols.*m, text_map[0]), dst.*m = std::move(in.cols.*m)), ...);
        },
        K::kText);
    if constexpr (K::kIndexedRegion) {
      map_in_place(in.cols.region, region_map[0]);
      dst.region = std::move(in.cols.region);
    }
  } else {
    copy_ranges<K>(dst, ranges, text_map, region_map, threads);
  }
  if (first == 0 && n == 1) {
    // Columns taken over from the range hold the capacity parse_range
    // guessed, or grew to: more than a few rows' worth is given back, so the
    // dataset holds what it keeps (copy_ranges sizes its columns exactly).
    // The one place a load gives capacity back.
    for_each_member<K>([&](auto m) {
      auto& column = dst.*m;
      if (column.capacity() > column.size() + column.size() / 64 + 64) column.shrink_to_fit();
    });
  }
  if constexpr (K::kKind == RecordKind::kRegions) {
    for (size_t i = first; i < dst.size(); ++i) store.region_name[dst.region[i]] = dst.name[i];
  }
}

template <typename K>
void copy_ranges(typename K::Columns& dst, const std::vector<RangeOut<K>*>& ranges,
                 const std::vector<std::vector<TextId>>& text_map,
                 const std::vector<std::vector<RegionIndex>>& region_map, int threads) {
  const size_t n = ranges.size();
  std::vector<size_t> offset(n + 1);
  offset[0] = dst.size();
  for (size_t r = 0; r < n; ++r) {
    offset[r + 1] = offset[r] + ranges[r]->cols.size() - ranges[r]->dups.size();
  }
  for_each_member<K>([&](auto m) { (dst.*m).resize(offset[n]); });
  parallel_for(n, threads, [&](size_t r) {
    RangeOut<K>& in = *ranges[r];
    std::apply([&](auto... m) { (copy_skipping(dst.*m, offset[r], in.cols.*m, in.dups), ...); },
               K::kPlain);
    std::apply(
        [&](auto... m) {
          (map_skipping(dst.*m, offset[r], in.cols.*m, in.dups, text_map[r]), ...);
        },
        K::kText);
    if constexpr (K::kIndexedRegion) {
      map_skipping(dst.region, offset[r], in.cols.region, in.dups, region_map[r]);
    }
    in.cols = {};  // copied: give its memory back before the next range's copy
  });
}

// ---- Files -----------------------------------------------------------------------------

// FileText holds a record file's bytes. They are read with pread, a piece at
// a time as the loader comes to them, into anonymous memory the size of the
// file, rather than mapped: a mapped file that shrinks while it is read kills
// the process with SIGBUS, where a short read is only an error the load
// reports (and the file's size and modification time are checked once it is
// read). Every reader of the bytes calls ensure first; bytes not read in yet
// read as zeros, never as a fault.
class FileText {
 public:
  // A piece is read whole: large enough that a read costs little against
  // parsing its bytes, small enough to stay in cache until they are parsed.
  static constexpr size_t kPiece = size_t{256} << 10;

  FileText() = default;
  FileText(const FileText&) = delete;
  FileText& operator=(const FileText&) = delete;
  ~FileText() {
    if (data_ != nullptr) munmap(data_, size_);
  }
  // open opens `path` (a regular file); messages name the file as `name`.
  absl::Status open(const std::string& path, const std::string& name) {
    absl::StatusOr<RegularFile> file = RegularFile::open(path, name, SIZE_MAX);
    if (!file.ok()) return file.status();
    file_ = *std::move(file);
    name_ = name;
    size_ = file_.size();
    if (size_ > 0) {
      // Pages never written cost nothing; NORESERVE: nor do they count against overcommit.
      void* p = mmap(nullptr, size_, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (p == MAP_FAILED) {
        return absl::ResourceExhaustedError(
            absl::StrCat(name, ": no memory for its ", size_, " bytes: ", std::strerror(errno)));
      }
      data_ = static_cast<char*>(p);
      state_ = std::make_unique<std::atomic<uint8_t>[]>((size_ + kPiece - 1) / kPiece);
      posix_fadvise(file_.fd(), 0, 0, POSIX_FADV_SEQUENTIAL);
    }
    return absl::OkStatus();
  }
  std::string_view bytes() const { return {data_, size_}; }

  // ensure reads in the pieces of [from, to) not in memory yet. Safe from
  // several threads: a piece is read by one, which the others wait for.
  [[gnu::noinline]] void ensure(size_t from, size_t to) const {
    to = std::min(to, size_);
    if (from >= to) return;
    for (size_t k = from / kPiece; k <= (to - 1) / kPiece; ++k) {
      std::atomic<uint8_t>& state = state_[k];
      if (state.load(std::memory_order_acquire) == kPresent) continue;
      const std::lock_guard<std::mutex> lock(mutex_);  // one reader of a piece; the others wait
      if (state.load(std::memory_order_relaxed) == kPresent) continue;
      const size_t at = k * kPiece;
      if (!file_.read_at(at, std::min(kPiece, size_ - at), data_ + at)) {
        short_read_.store(true, std::memory_order_relaxed);
      }
      state.store(kPresent, std::memory_order_release);
    }
  }

  // release gives back the pieces wholly inside [from, to): a range drops
  // the text it has read, so the load's peak memory is not the whole
  // folder's size. A later ensure of those bytes (a duplicate's row, a
  // re-parse) reads them in again.
  void release(size_t from, size_t to) const {
    from = (from + kPiece - 1) / kPiece * kPiece;
    to = (to >= size_ ? size_ + kPiece - 1 : to) / kPiece * kPiece;  // the last piece may be short
    if (data_ == nullptr || to <= from) return;
    const std::lock_guard<std::mutex> lock(mutex_);
    for (size_t k = from / kPiece; k < to / kPiece; ++k) {
      state_[k].store(kAbsent, std::memory_order_relaxed);
    }
    madvise(data_ + from, std::min(to, size_) - from, MADV_DONTNEED);
  }

  // unchanged is OK while the file read is the file opened (see RegularFile).
  absl::Status unchanged() const {
    absl::Status s = file_.unchanged();
    if (s.ok() && short_read_.load(std::memory_order_relaxed)) {
      // Shrunk and grown back to its size within the clock's resolution.
      s = absl::AbortedError(absl::StrCat(name_, ": changed while it was being loaded (it shrank)"));
    }
    return s;
  }

 private:
  static constexpr uint8_t kAbsent = 0, kPresent = 1;
  RegularFile file_;
  std::string name_;
  char* data_ = nullptr;
  size_t size_ = 0;
  std::unique_ptr<std::atomic<uint8_t>[]> state_;  // per piece
  mutable std::atomic<bool> short_read_{false};
  mutable std::mutex mutex_;
};

struct Source {
  std::string name;
  std::string path;  // empty for a buffer
  std::unique_ptr<FileText> file;
  std::string_view raw;
  std::string converted;
  std::string_view text;  // UTF-8, BOM removed
  bool gb18030 = false;
  bool utf8_declared = false;  // forced UTF-8 or a UTF-8 BOM: bad bytes reject rows
  bool check_utf8 = true;      // false once converted (iconv writes valid UTF-8)
  bool cr_line_ends = false;   // lines end with a lone CR: text is a copy with LF instead
  std::vector<OddLine> odd;    // GB18030: lines left unconverted, whose rows are rejected

  // read_all reads the whole file in, for a stage that copies it (a
  // conversion from GB18030, LF for CR, the encoding vote); drop_all gives it
  // back once that copy is made.
  void read_all() const {
    if (file != nullptr) file->ensure(0, raw.size());
  }
  void drop_all() const {
    if (file != nullptr) file->release(0, raw.size());
  }
  // reads_from_file: text is the file's own bytes, read in as needed, not a
  // caller's buffer or a copy (converted from GB18030, or with LF for CR).
  bool reads_from_file() const { return file != nullptr && !gb18030 && !cr_line_ends; }
  // ensure reads text[from, to) in from the file before it is read
  // (FileText); release drops it once read. Nothing to do unless
  // reads_from_file.
  void ensure(size_t from, size_t to) const {
    if (!reads_from_file()) return;
    const size_t base = static_cast<size_t>(text.data() - file->bytes().data());
    file->ensure(base + from, base + to);
  }
  void release(size_t from, size_t to) const {
    if (!reads_from_file()) return;
    const size_t base = static_cast<size_t>(text.data() - file->bytes().data());
    file->release(base + from, base + to);
  }
  // find_row_start is next_row_start over text[from, limit), read in a step
  // at a time: the offset after the first line feed outside quotes, or
  // `limit` when there is none. Steps passed without one are given back:
  // they lie inside one row longer than kMaxRowBytes, rejected, not kept.
  // `lines` (if any) counts the line feeds passed; `open` (if any) is set
  // when there is none and a quoted field runs on to `limit`.
  [[gnu::noinline]] size_t find_row_start(size_t from, size_t limit, bool in_quotes,
                                          int64_t* lines = nullptr, bool* open = nullptr) const {
    size_t step = size_t{64} << 10;  // most rows end within the first step
    for (size_t at = from; at < limit; at += step, step = size_t{8} << 20) {
      const size_t end = std::min(limit, at + step);
      // One byte more, so that a line feed at end - 1 is told from none.
      const size_t probe = std::min(text.size(), end + 1);
      ensure(at, probe);
      const size_t next = next_row_start(text.substr(0, probe), at, in_quotes);
      if (next <= end) {
        const std::string_view passed = text.substr(at, next - at);
        if (lines != nullptr) *lines += static_cast<int64_t>(count_byte(passed, '\n'));
        // At the end of the text next_row_start finds the end: open or not.
        if (open != nullptr) *open = next == text.size() && (in_quotes ^ ((count_byte(passed, '"') & 1) != 0));
        return next;
      }
      const std::string_view step_text = text.substr(at, end - at);
      in_quotes ^= (count_byte(step_text, '"') & 1) != 0;
      if (lines != nullptr) *lines += static_cast<int64_t>(count_byte(step_text, '\n'));
      release(at, end);
    }
    if (open != nullptr) *open = in_quotes;
    return limit;
  }
  // count_lf counts the line feeds of text[from, to), reading in what it
  // needs a step at a time and giving back what it read in.
  size_t count_lf(size_t from, size_t to) const {
    constexpr size_t kStep = size_t{8} << 20;
    size_t n = 0;
    for (size_t at = from; at < to; at += kStep) {
      const size_t end = std::min(to, at + kStep);
      ensure(at, end);
      n += count_byte(text.substr(at, end - at), '\n');
      release(at, end);
    }
    return n;
  }
};

// cut_raw is a rejected row's text as a Rejection keeps it: at most
// kMaxRawText bytes, whole characters, and valid UTF-8 (a row rejected for
// holding bad bytes keeps U+FFFD in their place, so it can enter JSON).
std::string cut_raw(std::string_view row) {
  // Bad bytes grow threefold as U+FFFD: replace them first, then cut. No
  // character that starts within the first kMaxRawText bytes is split by
  // the first cut, 4 bytes further.
  std::string text = to_valid_utf8(row.substr(0, kMaxRawText + 4));
  if (text.size() > kMaxRawText) {
    size_t n = kMaxRawText;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // whole characters
    text.resize(n);
  }
  return text;
}

std::string_view issue_reason(CsvIssue issue) {
  switch (issue) {
    case CsvIssue::kUnterminatedQuote:
      return "unterminated quoted field (its closing quote is missing)";
    case CsvIssue::kTextAfterQuote:
      return "text after the closing quote of a quoted field";
    case CsvIssue::kFieldTooLong:
      return "field longer than 1 MiB";
    case CsvIssue::kRowTooLong:
      return "row longer than 1 MiB";
    case CsvIssue::kNone:
      break;
  }
  return "";
}

std::string describe(const Rejection& r) {
  if (r.column.empty()) return absl::StrCat(r.file, ":", r.line, ": ", r.reason);
  return absl::StrCat(r.file, ":", r.line, ": ", r.column, ": ", r.reason);
}

// Refusal is a file refused whole: `why` names it.
struct Refusal {
  std::string name;
  RecordKind kind;
  absl::Status why;
};

struct LoadContext {
  const LoadOptions& options;
  int threads;
  std::vector<std::string>& notices;
};

struct Task {
  size_t weight;
  std::function<void()> run;
};

void run_tasks(std::vector<Task>& tasks, int threads) {
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const Task& a, const Task& b) { return a.weight > b.weight; });
  parallel_for(tasks.size(), threads, [&](size_t i) { tasks[i].run(); });
  tasks.clear();
}

// FileLoad is one file (or buffer) of kind K on its way in.
template <typename K>
struct FileLoad {
  Source src;
  std::vector<int> role;                             // per header field: the column, or -1
  std::vector<std::pair<uint32_t, uint8_t>> active;  // (field, column) of matched columns
  bool canonical = false;  // the header is K::kColumns, in that order, and nothing else
  size_t header_fields = 0;
  size_t body_begin = 0;
  int64_t body_line = 1;
  bool pending = true;  // needs splitting and parsing
  std::vector<size_t> cuts;
  std::vector<size_t> quotes;
  std::vector<std::unique_ptr<RangeOut<K>>> ranges;
  std::atomic<bool> not_utf8{false};
  std::vector<Rejection> merged;  // every rejection, in line order
  FileSummary summary;
};

// names_column tells whether header text `h` (trimmed) names column `def`:
// its canonical name in any ASCII case, or one of its aliases.
bool names_column(const ColumnDef& def, std::string_view h) {
  return absl::EqualsIgnoreCase(absl_view(h), absl_view(def.name)) ||
         std::find(def.aliases.begin(), def.aliases.end(), h) != def.aliases.end();
}

// code_points is `text` as code points, ASCII letters in lower case (header
// matching ignores ASCII case); a bad byte is one code point of its own.
std::u32string code_points(std::string_view text) {
  std::u32string out;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  for (size_t i = 0; i < text.size();) {
    const unsigned char c = s[i];
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > text.size() || !is_valid_utf8(text.substr(i, len))) len = 1;
    char32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
    i += len;
  }
  return out;
}

// edit_distance is the Levenshtein distance between a and b.
size_t edit_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), size_t{0});
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// column_label names a column as a clerk may know it: `head_appeared（负责人出庭应诉）`.
std::string column_label(const ColumnDef& def) {
  if (def.aliases.empty()) return std::string(def.name);
  std::vector<std::string> names(def.aliases.begin(), def.aliases.end());
  return absl::StrCat(absl_view(def.name), "（", absl::StrJoin(names, "、"), "）");
}

// unknown_column_notice says that header field `field` (0-based) named no
// column, and which of the columns the file lacks its name is closest to (by
// edit distance over the canonical names and aliases): a misspelt optional
// column would otherwise be dropped without a word.
template <typename K>
std::string unknown_column_notice(const std::string& file, size_t field, std::string_view name,
                                  const std::vector<int>& seen) {
  if (name.empty()) return absl::StrCat(file, ": 第 ", field + 1, " 列的表头为空，该列已忽略");
  const std::u32string wanted = code_points(name);
  const ColumnDef* best = nullptr;
  std::string_view best_name;
  size_t best_distance = SIZE_MAX;
  for (size_t c = 0; c < std::size(K::kColumns); ++c) {
    if (seen[c] >= 0) continue;
    const ColumnDef& def = K::kColumns[c];
    auto consider = [&](std::string_view candidate) {
      const size_t d = edit_distance(wanted, code_points(candidate));
      if (d < best_distance) {
        best = &def;
        best_name = candidate;
        best_distance = d;
      }
    };
    consider(def.name);
    for (std::string_view a : def.aliases) consider(a);
  }
  const std::string head = absl::StrCat(file, ": 第 ", field + 1, " 列的表头“", to_valid_utf8(name),
                                        "”不是已知的列名，该列已忽略");
  if (best == nullptr) return absl::StrCat(head, "（本文件已有全部已知列）");
  return absl::StrCat(head, "；最接近的已知列是“", absl_view(best_name), "”，即 ",
                      column_label(*best));
}

template <typename K>
absl::Status read_header(FileLoad<K>& f, std::vector<std::string>* notices) {
  const std::string_view text = f.src.text;
  CsvReader reader(text, 1);
  CsvRow row;
  if (!reader.next(row)) {
    return absl::InvalidArgumentError(absl::StrCat(f.src.name, ": no header row (empty file)"));
  }
  if (row.issue != CsvIssue::kNone) {
    return absl::InvalidArgumentError(absl::StrCat(
        f.src.name, ":", row.line, ": bad header: ", absl_view(issue_reason(row.issue))));
  }
  f.header_fields = row.field_count;
  f.body_begin = reader.position();
  f.body_line = reader.line();
  f.role.assign(row.field_count, -1);
  f.active.clear();
  std::vector<int> seen(std::size(K::kColumns), -1);
  for (size_t i = 0; i < row.fields.size(); ++i) {
    const std::string_view h = trim(row.fields[i]);
    for (size_t c = 0; c < std::size(K::kColumns); ++c) {
      const ColumnDef& def = K::kColumns[c];
      if (!names_column(def, h)) continue;
      if (seen[c] >= 0) {
        if (notices != nullptr)
          notices->push_back(absl::StrCat(f.src.name, ": columns ", seen[c] + 1, " and ", i + 1,
                                          " are both ", absl_view(def.name), "; column ",
                                          seen[c] + 1, " is used"));
      } else {
        seen[c] = static_cast<int>(i);
        f.role[i] = static_cast<int>(c);
        f.active.emplace_back(static_cast<uint32_t>(i), static_cast<uint8_t>(c));
      }
      break;
    }
  }
  if (notices != nullptr) {
    // A header of thousands of stray fields gets a count, not a notice each.
    constexpr size_t kMaxColumnNotices = 20;
    size_t unknown = 0;
    for (size_t i = 0; i < f.role.size(); ++i) {
      if (f.role[i] >= 0) continue;
      const std::string_view h = i < row.fields.size() ? trim(row.fields[i]) : std::string_view();
      const bool duplicate =  // a second column of a known name, noticed above
          std::any_of(std::begin(K::kColumns), std::end(K::kColumns),
                      [&](const ColumnDef& def) { return names_column(def, h); });
      if (duplicate || ++unknown > kMaxColumnNotices) continue;
      notices->push_back(unknown_column_notice<K>(f.src.name, i, h, seen));
    }
    if (unknown > kMaxColumnNotices) {
      notices->push_back(absl::StrCat(f.src.name, ": 另有 ", unknown - kMaxColumnNotices,
                                      " 列的表头不是已知的列名，均已忽略"));
    }
  }
  f.summary.missing_columns.clear();
  for (size_t c = 0; c < std::size(K::kColumns); ++c) {
    if (!K::kColumns[c].required && seen[c] < 0) {
      f.summary.missing_columns.push_back(column_label(K::kColumns[c]));
    }
  }
  f.canonical =
      f.header_fields == std::size(K::kColumns) && f.active.size() == std::size(K::kColumns);
  for (size_t i = 0; i < f.active.size() && f.canonical; ++i) {
    f.canonical = f.active[i].first == i && f.active[i].second == i;
  }
  std::vector<std::string> lacking;
  for (size_t c = 0; c < std::size(K::kColumns); ++c) {
    const ColumnDef& def = K::kColumns[c];
    if (!def.required || seen[c] >= 0) continue;
    std::vector<std::string> names;
    for (std::string_view a : def.aliases) names.emplace_back(a);
    lacking.push_back(
        absl::StrCat("'", absl_view(def.name), "' (", absl::StrJoin(names, ", "), ")"));
  }
  if (!lacking.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat(f.src.name, ": missing required column", lacking.size() > 1 ? "s " : " ",
                     absl::StrJoin(lacking, ", "), "; the file is refused"));
  }
  return absl::OkStatus();
}

// kHeaderWindow holds the header row (at most kMaxRowBytes) and a BOM.
inline constexpr size_t kHeaderWindow = kMaxRowBytes + 8;

// check_line_breaks refuses a file with no line break where its header
// should end: a file of zero bytes (cut short or zero-filled by a crash, or
// sparse) or of anything else without rows, which would otherwise be read
// whole only to find a header longer than a row may be.
absl::Status check_line_breaks(const Source& src) {
  const std::string_view head = src.raw.substr(0, kHeaderWindow);
  if (src.raw.size() <= kHeaderWindow || head.find_first_of("\r\n") != std::string_view::npos) {
    return absl::OkStatus();
  }
  const bool zeros = head.find_first_not_of('\0') == std::string_view::npos;
  return absl::InvalidArgumentError(absl::StrCat(
      src.name, ": no line break in its first ", kHeaderWindow, " bytes",
      zeros ? " (all zero bytes: a file cut short or zero-filled, as after a crash?)" : "",
      "; not CSV rows; the file is refused"));
}

// use_gb18030 replaces the file's text with its conversion to UTF-8
// (gb18030_lines_to_utf8). Lines that are not GB18030 text (encoding.hpp,
// OddLine) stay as they are, to be rejected row by row; only a header among
// them refuses the file.
absl::Status use_gb18030(Source& src, std::string converted, std::vector<OddLine> odd) {
  src.converted = std::move(converted);
  src.odd = std::move(odd);
  src.text = src.converted;
  if (src.text.starts_with("\xEF\xBB\xBF")) {  // a GB18030 BOM (U+FEFF)
    src.text.remove_prefix(3);
    for (OddLine& o : src.odd) {
      o.begin = o.begin < 3 ? 0 : o.begin - 3;
      o.end = o.end < 3 ? 0 : o.end - 3;
    }
  }
  src.gb18030 = true;
  src.check_utf8 = false;
  if (src.cr_line_ends) lone_cr_to_lf(src.converted);  // in place: src.text stays valid
  if (!src.odd.empty() && !src.odd.front().utf8) {
    CsvReader reader(src.text, 1);
    CsvRow header;
    if (reader.next(header) && src.odd.front().begin < header.next) {
      const size_t bad = src.odd.front().bad;
      const int64_t line = 1 + static_cast<int64_t>(count_byte(src.raw.substr(0, bad), '\n'));
      return absl::InvalidArgumentError(absl::StrCat(
          src.name, ":", line, ": neither UTF-8 nor GB18030 (bad byte at offset ", bad, ")"));
    }
  }
  return absl::OkStatus();
}

absl::Status convert_gb18030(Source& src, int threads) {
  std::vector<OddLine> odd;
  src.read_all();
  std::string converted = gb18030_lines_to_utf8(src.raw, threads, odd);
  src.drop_all();  // read from the copy now
  return use_gb18030(src, std::move(converted), std::move(odd));
}

// notice_odd_lines says how many rows convert_gb18030 left to be rejected.
void notice_odd_lines(const Source& src, std::vector<std::string>& notices) {
  size_t utf8 = 0;
  for (const OddLine& o : src.odd) utf8 += o.utf8 ? 1 : 0;
  if (utf8 > 0) {
    notices.push_back(absl::StrCat(src.name, ": 按 GB18030 读取，其中 ", utf8,
                                   " 行是 UTF-8 编码，为免乱码不予转换，所在行逐行拒绝"));
  }
  if (src.odd.size() > utf8) {
    notices.push_back(absl::StrCat(src.name, ": 按 GB18030 读取，其中 ", src.odd.size() - utf8,
                                   " 行既不是 GB18030 也不是 UTF-8，所在行逐行拒绝"));
  }
}

template <typename K>
absl::Status prepare_file(FileLoad<K>& f, const LoadContext& ctx) {
  Source& src = f.src;
  if (!src.path.empty()) {
    src.file = std::make_unique<FileText>();
    if (absl::Status s = src.file->open(src.path, src.name); !s.ok()) return s;
    src.raw = src.file->bytes();
    // The header is at most a row, kMaxRowBytes, after a BOM; what lies
    // beyond is read in by the stages that come to it.
    src.file->ensure(0, kHeaderWindow);
    if (absl::Status s = check_line_breaks(src); !s.ok()) return s;
  }
  const bool bom = src.raw.starts_with(kUtf8Bom);
  // A CR is a CR in UTF-8 and in GB18030 alike (never part of a character).
  src.cr_line_ends = first_line_ends_with_lone_cr(bom ? src.raw.substr(kUtf8Bom.size()) : src.raw);
  if (src.cr_line_ends) {
    ctx.notices.push_back(absl::StrCat(src.name, ": 行尾是单独的回车符（CR，旧式 Mac 格式），已按行读取"));
  }
  if (ctx.options.encoding == Encoding::kGb18030) {
    if (absl::Status s = convert_gb18030(src, ctx.threads); !s.ok()) return s;
    ctx.notices.push_back(absl::StrCat(src.name, ": read as GB18030 (as requested)"));
    notice_odd_lines(src, ctx.notices);
  } else {
    src.text = bom ? src.raw.substr(kUtf8Bom.size()) : src.raw;
    src.utf8_declared = bom || ctx.options.encoding == Encoding::kUtf8;
    if (src.cr_line_ends) {  // a copy with LF line ends (csv.hpp, lone_cr_to_lf)
      src.read_all();
      src.converted.assign(src.text);
      src.drop_all();
      lone_cr_to_lf(src.converted);
      src.text = src.converted;
    }
  }
  // The header decides the encoding first: Excel's GBK files have Chinese
  // headers. A valid UTF-8 header leaves it to the rows (KindJobOf::redo).
  size_t header_end = src.text.size();
  {
    CsvReader reader(src.text, 1);
    CsvRow row;
    if (reader.next(row)) header_end = row.next;
  }
  if (src.check_utf8 && !is_valid_utf8(src.text.substr(0, header_end))) {
    if (src.utf8_declared) {
      return absl::InvalidArgumentError(absl::StrCat(src.name, ": the header is not valid UTF-8"));
    }
    if (absl::Status s = convert_gb18030(src, ctx.threads); !s.ok()) return s;
    ctx.notices.push_back(absl::StrCat(src.name, ": not valid UTF-8; read as GB18030"));
    notice_odd_lines(src, ctx.notices);
  }
  return read_header(f, &ctx.notices);
}

// column_at is the name of the column whose field holds byte `at` of the
// text (empty when no named column's does).
template <typename K>
std::string_view column_at(const FileLoad<K>& f, const CsvRow& row, const char* at) {
  for (size_t i = 0; i < row.fields.size() && i < f.role.size(); ++i) {
    const std::string_view field = row.fields[i];
    if (f.role[i] >= 0 && at >= field.data() && at < field.data() + field.size()) {
      return K::kColumns[f.role[i]].name;
    }
  }
  return {};
}

// read_row reads one CSV row; false (with the problem) when it is rejected.
template <typename K>
bool read_row(const FileLoad<K>& f, const CsvRow& row, typename K::Row& r, Problem& p) {
  if (row.issue != CsvIssue::kNone) {
    p.column = row.issue_field < f.role.size() && f.role[row.issue_field] >= 0
                   ? K::kColumns[f.role[row.issue_field]].name
                   : std::string_view();
    p.reason = std::string(issue_reason(row.issue));
    p.code = RejectCode::kMalformed;
    return false;
  }
  if (row.field_count != f.header_fields) {
    p.column = {};
    p.reason = absl::StrCat("expected ", f.header_fields, " fields as in the header, found ",
                            row.field_count);
    p.code = RejectCode::kMalformed;
    if (has_lone_cr(f.src.text.substr(row.begin, row.end - row.begin))) {
      // Another line-end style inside a CRLF or LF file joins rows into one.
      absl::StrAppend(&p.reason, "（行内有单独的回车符 CR：可能混用了换行方式，几行被读成了一行）");
    }
    return false;
  }
  if (f.canonical) {
    // Exports write docs/data.md's columns in its order: field C is column C, so
    // each field's reader is known when this is compiled (no dispatch on the
    // column per field). The readers run in the same order as below.
    auto read_all = [&]<size_t... C>(std::index_sequence<C...>) {
      return (K::parse(static_cast<uint8_t>(C), row.fields[C], r, p) && ...);
    };
    if (!read_all(std::make_index_sequence<std::size(K::kColumns)>{})) return false;
  } else {
    for (const auto& [field, col] : f.active) {
      if (!K::parse(col, row.fields[field], r, p)) return false;
    }
  }
  return K::check(r, p);
}

// RowBatch holds rows that passed their checks so that their text is looked
// up in the range's dictionary as a pipeline: a row's slots are prefetched
// when it arrives, its entries kLag rows later, and it is staged kLag rows
// after that, so the cache misses of many rows overlap.
template <typename K>
struct RowBatch {
  static constexpr size_t kLag = 8;
  static constexpr size_t kSize = 2 * kLag;  // a ring
  static constexpr size_t kTexts = std::tuple_size_v<decltype(K::kRowText)>;
  struct Held {
    typename K::Row row;
    size_t begin;
    std::array<std::string_view, kTexts> texts;
    std::array<uint64_t, kTexts> hashes;
  };
  std::array<Held, kSize> rows;
  size_t head = 0;  // rows added
  size_t tail = 0;  // rows staged

  void add(RangeOut<K>& out, const typename K::Row& row, size_t begin) {
    if (head - tail == kSize) stage(out);
    Held& h = rows[head % kSize];
    h.row = row;
    h.begin = begin;
    size_t k = 0;
    std::apply([&](auto... m) { ((h.texts[k++] = row.*m), ...); }, K::kRowText);
    for (k = 0; k < kTexts; ++k) {
      h.hashes[k] = TextTable::hash(h.texts[k]);
      if (!h.texts[k].empty()) out.texts.prefetch_slot(h.hashes[k]);
    }
    if constexpr (K::kIndexedRegion) out.regions.prefetch(row.region);
    if (head >= kLag) {
      const Held& mid = rows[(head - kLag) % kSize];
      for (k = 0; k < kTexts; ++k) {
        if (!mid.texts[k].empty()) out.texts.prefetch_entry(mid.hashes[k]);
      }
    }
    ++head;
  }
  void stage(RangeOut<K>& out) {
    const Held& h = rows[tail % kSize];
    stage_row(out, h.row, h.begin - out.begin, h.texts, h.hashes);
    ++tail;
  }
  void flush(RangeOut<K>& out) {
    while (tail < head) stage(out);
  }
  // held_from is where the oldest row still held begins (its text is in use).
  size_t held_from(size_t otherwise) const {
    return tail < head ? std::min(otherwise, rows[tail % kSize].begin) : otherwise;
  }
};

// Utf8Window checks rows' UTF-8 a window of rows at a time rather than row by
// row (a call per row costs more than the check of its bytes). Windows start
// at a row and end just after a line feed, and rows start and end next to
// ASCII bytes, so a row inside a valid window is valid on its own; the valid
// part of a window before a bad byte counts too. A row holding a bad byte,
// or outrunning the window, is checked by itself, as before.
struct Utf8Window {
  static constexpr size_t kStep = size_t{256} << 10;
  size_t from = 0, to = 0;  // text[from, to) is valid UTF-8
  size_t bad = SIZE_MAX;    // the last bad byte found, if any
  bool row_ok(std::string_view text, size_t begin, size_t next) {
    if (begin >= from && next <= to) return true;
    if (bad >= begin && bad < next) return is_valid_utf8(text.substr(begin, next - begin));
    size_t end = std::min(text.size(), begin + kStep);
    if (end < text.size()) {
      const void* lf = std::memchr(text.data() + end, '\n', text.size() - end);
      end = lf == nullptr ? text.size()
                          : static_cast<size_t>(static_cast<const char*>(lf) - text.data()) + 1;
    }
    end = std::max(end, next);
    size_t at = 0;
    from = begin;
    if (is_valid_utf8(text.substr(begin, end - begin), &at)) {
      to = end;
      return true;
    }
    to = begin + at;
    bad = begin + at;
    return next <= to || is_valid_utf8(text.substr(begin, next - begin));
  }
};

// NulWindow finds the rows that hold a NUL byte, which no field may: a NUL
// ends a C string, so an id holding one would read as another id in C, Java
// or a database. It searches a window of the text at a time (memchr), not
// row by row, so a file without NULs costs one fast pass.
struct NulWindow {
  static constexpr size_t kStep = size_t{256} << 10;
  size_t from = 0, to = 0;  // text[from, to) was searched
  size_t nul = SIZE_MAX;    // the first NUL there (SIZE_MAX: none)
  // row_nul is the offset of a NUL in text[begin, next), or SIZE_MAX.
  size_t row_nul(std::string_view text, size_t begin, size_t next) {
    if (begin < from || next > to || nul < begin) {
      from = begin;
      to = std::max(next, std::min(text.size(), begin + kStep));
      const void* at = std::memchr(text.data() + begin, 0, to - begin);
      nul = at == nullptr ? SIZE_MAX : static_cast<size_t>(static_cast<const char*>(at) - text.data());
    }
    return nul < next ? nul : SIZE_MAX;
  }
};

// kReleaseStep is how much read text a range lets pile up before it gives the
// pages back (Source::release).
inline constexpr size_t kReleaseStep = size_t{8} << 20;

// guess_rows is about the rows of `text` (its line feeds + 1): all of them
// counted when it is short, else those of kRowSamples windows of
// kRowWindow bytes spread evenly over it, scaled to its length, with 1/128
// more to spare. The windows see the whole text, not only its start, where
// a file's rows may be longer or shorter than later on.
inline constexpr size_t kRowSamples = 16, kRowWindow = size_t{64} << 10;
size_t guess_rows(const Source& src, size_t begin, size_t end) {
  const std::string_view text = src.text.substr(begin, end - begin);
  if (text.size() <= kRowSamples * kRowWindow) {
    src.ensure(begin, end);
    return count_byte(text, '\n') + 1;
  }
  const size_t stride = text.size() / kRowSamples;  // >= kRowWindow
  size_t lines = 0;
  for (size_t k = 0; k < kRowSamples; ++k) {
    src.ensure(begin + k * stride, begin + k * stride + kRowWindow);
    lines += count_byte(text.substr(k * stride, kRowWindow), '\n');
  }
  // lines * size / (kRowSamples * kRowWindow), without overflow for any size.
  const size_t sampled = kRowSamples * kRowWindow;
  const size_t scaled = text.size() / sampled * lines + text.size() % sampled * lines / sampled + 1;
  return scaled + scaled / 128;
}

template <typename K>
void parse_rows(FileLoad<K>& f, RangeOut<K>& out, bool strict);

// extend_view reads the text in up to `to` and sets parse_rows's view and
// reader on it, at `at`. Not inlined into the flattened parse loop: it runs
// once every few MiB.
[[gnu::noinline]] void extend_view(const Source& src, size_t at, int64_t line, size_t to,
                                   size_t max_fields, std::string_view& view, CsvReader& reader) {
  to = std::min(src.text.size(), to);
  src.ensure(at, to);
  view = src.text.substr(0, to);
  reader = CsvReader(view, line, max_fields);
  reader.seek(at, line);
}

// parse_range reads the rows of one range into its columns.
template <typename K>
void parse_range(FileLoad<K>& f, RangeOut<K>& out, bool strict) {
  // Kept rows are at most the line feeds, and at most one per header_fields
  // bytes (a kept row has every field, so header_fields - 1 commas and a line
  // break). Reserving about that many keeps the columns from growing (and
  // copying) as they fill. Counting every line feed first would read the
  // range twice, and fault its pages in twice; the line feeds of
  // kRowSamples windows spread over it are counted instead, scaled to the
  // whole range with a little to spare. Exports repeat one layout row after
  // row, so the guess is close; a range it falls short of grows its columns
  // as vectors do (hostile text, line feeds inside one quoted field or blank
  // lines, can make it loose the other way). Capacity the rows never reach
  // is never touched, so costs no memory while the range lives;
  // commit_ranges gives back what the dataset would keep.
  const size_t bytes = out.end - out.begin;
  const size_t rows = std::min(guess_rows(f.src, out.begin, out.end),
                               bytes / std::max<size_t>(f.header_fields, 1) + 1);
  for_each_member<K>([&](auto m) { (out.cols.*m).reserve(rows); });
  if constexpr (K::kHasId) {
    out.expected_rows = rows;
    out.block_off.reserve(rows / kRowBlock + 1);
  }
  parse_rows(f, out, strict);
}

// parse_rows is flattened: every call inside it (field readers, the row
// rules, staging, the columns' push_backs, the dictionary lookups) is inlined
// into one loop per kind, which GCC does not do by itself for code this size.
// It takes ~22% of the loader's instructions away (callgrind, 1M records)
// at the price of a slower compile of this file. Not in GCC's
// ThreadSanitizer build (scripts/test.sh's, for the concurrency tests, which
// check for races, not speed): instrumented at -O1 -g, the flattened loops
// took over four times as long to compile (227 s against 53 s of CPU for the
// seven kinds), the longest step of that build.
template <typename K>
#ifndef __SANITIZE_THREAD__
[[gnu::flatten]]
#endif
void parse_rows(FileLoad<K>& f, RangeOut<K>& out, bool strict) {
  const std::string_view text = f.src.text;
  // The reader and the UTF-8 check see the text read in so far (FileText):
  // view, kept at least a row past the next row's start, so that a row
  // within the rules ends inside it. One that reaches its end is longer
  // than that, and find_row_start finds where it ends.
  constexpr size_t kReadAhead = size_t{4} << 20;
  std::string_view view;
  CsvReader reader(view);
  auto advance = [&](size_t at, int64_t line) {
    if (view.size() == text.size() || at + kMaxRowBytes + 2 <= view.size()) return;
    extend_view(f.src, at, line, at + kMaxRowBytes + 2 + kReadAhead, f.header_fields + 1, view, reader);
  };
  advance(out.begin, 0);
  CsvRow row;
  Problem p;
  RowBatch<K> batch;
  const bool detect = f.src.check_utf8 && !f.src.utf8_declared;
  size_t n = 0;
  Utf8Window utf8;
  NulWindow nuls;
  size_t released = out.begin;
  auto release = [&](size_t upto) {
    upto = batch.held_from(upto);
    if (upto > released) f.src.release(released, upto);
    released = std::max(released, upto);
  };
  // Rows on a line left unconverted (Source::odd), found in order.
  const std::vector<OddLine>& odd = f.src.odd;
  auto next_odd = std::lower_bound(odd.begin(), odd.end(), out.begin,
                                   [](const OddLine& o, size_t at) { return o.end <= at; });
  auto reject = [&](const CsvRow& at) {
    Rejection rej;
    rej.line = at.line;
    rej.column = std::string(p.column);
    rej.reason = std::move(p.reason);
    rej.code = p.code;
    rej.raw = cut_raw(text.substr(at.begin, at.end - at.begin));
    out.rejects.push_back(std::move(rej));
  };
  while (reader.position() < out.end) {
    advance(reader.position(), reader.line());
    if (!reader.next(row)) break;
    if (row.next >= view.size() && view.size() < text.size()) {
      if (row.begin + kMaxRowBytes + 2 > view.size()) {
        reader.seek(row.begin, row.line);  // blank lines led past the read-ahead: read on from the row
        continue;
      }
      // A row longer than kMaxRowBytes, rejected: where it ends is found
      // without holding it, and its start read in again for the rejection.
      int64_t lines = row.line;
      bool open = false;
      const size_t next = f.src.find_row_start(row.begin, text.size(), false, &lines, &open);
      f.src.ensure(row.begin, row.begin + kMaxRowBytes + 2);
      // The reader's issue stands where the view shows it whole (a field
      // over the limit, text after a quote); a quote the view left open is
      // unterminated only if it runs to the end.
      if (open) {
        row.issue = CsvIssue::kUnterminatedQuote;
      } else if (row.issue != CsvIssue::kFieldTooLong && row.issue != CsvIssue::kTextAfterQuote) {
        row.issue = CsvIssue::kRowTooLong;
        row.issue_field = SIZE_MAX;  // no column
      }
      row.end = std::min(next, row.begin + kMaxRowBytes + 1);
      row.next = next;
      reader.seek(next, lines);
    }
    if (row.begin >= out.end) {
      // Blank lines ran past the end: the next range starts on them.
      batch.flush(out);
      out.stop = out.end;
      out.lines = row.line -
                  static_cast<int64_t>(count_byte(text.substr(out.end, row.begin - out.end), '\n'));
      return;
    }
    if (detect && (++n & 1023) == 0 && f.not_utf8.load(std::memory_order_relaxed)) {
      out.aborted = true;
      return;
    }
    if (row.begin - released >= kReleaseStep) release(row.begin);
    while (next_odd != odd.end() && next_odd->end <= row.begin) ++next_odd;
    if (next_odd != odd.end() && next_odd->begin < row.next) {
      ++out.rows_read;
      p.column = {};
      p.reason = next_odd->utf8 ? "此行是 UTF-8 编码，而文件按 GB18030 读取；为免乱码不予读取"
                                : "此行既不是 GB18030 也不是 UTF-8 文本";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else if (const size_t nul = nuls.row_nul(view, row.begin, std::min(row.next, view.size()));
               nul != SIZE_MAX) {
      ++out.rows_read;
      p.column = column_at(f, row, view.data() + nul);
      p.reason = "holds a NUL byte (\\0), which no text may hold";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else if (f.src.check_utf8 && !utf8.row_ok(view, row.begin, std::min(row.next, view.size()))) {
      if (detect) {
        f.not_utf8.store(true, std::memory_order_relaxed);
        out.aborted = true;
        return;
      }
      ++out.rows_read;
      p.column = {};
      p.reason = "not valid UTF-8 text";
      p.code = RejectCode::kEncoding;
      reject(row);
    } else {
      ++out.rows_read;
      typename K::Row r;
      if (read_row(f, row, r, p)) {
        if (!row.scratch) {
          batch.add(out, r, row.begin);
        } else {  // its text lives in the reader's scratch: stage it now
          batch.flush(out);
          stage_row(out, r, row.begin - out.begin);
        }
        continue;
      }
      reject(row);
    }
    if (strict) {
      batch.flush(out);
      out.stopped = true;
      out.stop = row.next;
      out.lines = reader.line();
      return;
    }
  }
  batch.flush(out);
  out.stop = reader.position();
  out.lines = reader.line();
  release(std::min(out.stop, out.end));
}

// ---- A kind's files through the stages -----------------------------------------------

class KindJob {
 public:
  virtual ~KindJob() = default;
  virtual void add_file(Source src) = 0;
  // prepare readies each file; one it cannot read is refused (listed in
  // `refused` and dropped) unless the load is strict, which fails instead.
  virtual absl::Status prepare(const LoadContext& ctx, std::vector<Refusal>& refused) = 0;
  virtual bool empty() const = 0;
  virtual size_t pending_bytes() const = 0;
  virtual void plan(size_t target, std::vector<Task>& tasks) = 0;
  virtual void cut(std::vector<Task>& tasks) = 0;
  virtual absl::Status redo(const LoadContext& ctx, bool& any) = 0;
  // settle runs verify and dedupe for a kind whose last parse task did not
  // (a file still not UTF-8 after the second round, or no rows to parse).
  virtual void settle() = 0;
  // checks_early: the kind's ids go in as soon as it is parsed (see parsed).
  virtual bool checks_early() const = 0;
  virtual void finish() = 0;
  virtual const Rejection* first_rejection() const = 0;
  virtual void commit(Store& store, int threads, LoadSummary& out) = 0;
  // unchanged is OK when no file of the kind was written to while it was read.
  virtual absl::Status unchanged() const = 0;
};

template <typename K>
class KindJobOf final : public KindJob {
 public:
  // A kind checks its ids early when the load can put its index back if a
  // later step fails: in strict mode (a copy is kept anyway), or when the
  // index is empty (its copy costs nothing). One holding the ids of earlier
  // loads waits until no step can fail, rather than copy them.
  KindJobOf(IdIndex& index, bool strict)
      : index_(&index), strict_(strict), early_(strict || index.empty()) {}

  bool checks_early() const override { return early_; }

  void add_file(Source src) override {
    auto f = std::make_unique<FileLoad<K>>();
    f->src = std::move(src);
    files_.push_back(std::move(f));
  }

  absl::Status prepare(const LoadContext& ctx, std::vector<Refusal>& refused) override {
    for (size_t i = 0; i < files_.size();) {
      absl::Status s = prepare_file(*files_[i], ctx);
      if (s.ok()) {
        ++i;
        continue;
      }
      // Running out of memory is not the file's fault: the load fails as a
      // whole, with that status, rather than refusing a good file.
      if (ctx.options.strict || s.code() == absl::StatusCode::kResourceExhausted) return s;
      refused.push_back({files_[i]->src.name, K::kKind, s});
      files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(i));
    }
    return absl::OkStatus();
  }

  bool empty() const override { return files_.empty(); }

  size_t pending_bytes() const override {
    size_t total = 0;
    for (const auto& f : files_) {
      if (f->pending) total += f->src.text.size() - f->body_begin;
    }
    return total;
  }

  // plan sets nominal cuts and queues the quote counting of each piece.
  void plan(size_t target, std::vector<Task>& tasks) override {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.pending) continue;
      const size_t len = f.src.text.size() - f.body_begin;
      const size_t pieces = std::max<size_t>(1, (len + target - 1) / target);
      f.cuts.clear();
      for (size_t j = 0; j <= pieces; ++j) f.cuts.push_back(f.body_begin + len * j / pieces);
      f.quotes.assign(pieces, 0);
      if (pieces == 1) continue;
      for (size_t j = 0; j + 1 < pieces; ++j) {  // the last piece's count is never needed
        tasks.push_back({f.cuts[j + 1] - f.cuts[j], [&f, j] {
                           f.src.ensure(f.cuts[j], f.cuts[j + 1]);
                           f.quotes[j] = count_byte(
                               f.src.text.substr(f.cuts[j], f.cuts[j + 1] - f.cuts[j]), '"');
                         }});
      }
    }
  }

  // cut moves each nominal cut to the next row start outside quotes, and
  // queues the parsing of the ranges.
  void cut(std::vector<Task>& tasks) override {
    const size_t queued = tasks.size();
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.pending) continue;
      f.pending = false;
      f.ranges.clear();
      std::vector<size_t> at = {f.body_begin};
      size_t quotes = 0;
      for (size_t j = 1; j + 1 < f.cuts.size(); ++j) {
        quotes += f.quotes[j - 1];
        // Each cut looks no further than the next one, so that text without
        // line breaks is scanned once, not from every cut to its end.
        const size_t start = f.src.find_row_start(f.cuts[j], f.cuts[j + 1], (quotes & 1) != 0);
        if (start > at.back() && start < f.cuts[j + 1]) at.push_back(start);
      }
      at.push_back(f.src.text.size());
      for (size_t k = 0; k + 1 < at.size(); ++k) {
        auto r = std::make_unique<RangeOut<K>>();
        r->begin = at[k];
        r->end = at[k + 1];
        RangeOut<K>* rp = r.get();
        tasks.push_back({r->end - r->begin, [this, &f, rp] {
                           parse_range(f, *rp, strict_);
                           if (parsing_.fetch_sub(1, std::memory_order_acq_rel) == 1) parsed();
                         }});
        f.ranges.push_back(std::move(r));
      }
    }
    parsing_.store(tasks.size() - queued, std::memory_order_relaxed);
  }

  absl::Status redo(const LoadContext& ctx, bool& any) override {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      if (!f.not_utf8.load()) continue;
      f.not_utf8.store(false);
      f.ranges.clear();
      // The header is valid UTF-8 and a row is not: the rows' lines decide
      // (encoding.hpp), and the rows of the other encoding are rejected. They
      // are counted as the file is converted from GB18030, the likelier
      // answer, so that a GBK file is read once more, not twice.
      Utf8Vote vote;
      std::vector<OddLine> odd;
      f.src.read_all();
      std::string converted = gb18030_lines_to_utf8(f.src.raw, ctx.threads, odd, &vote);
      const Utf8Vote header = count_utf8_lines(f.src.raw.substr(0, f.body_begin));
      f.src.drop_all();  // UTF-8: the rows are read in again as they are parsed
      vote.utf8 -= header.utf8;
      vote.other -= header.other;
      if (vote.utf8_wins()) {
        f.src.utf8_declared = true;
        ctx.notices.push_back(absl::StrCat(
            f.src.name, ": 按 UTF-8 读取（含非 ASCII 字符的行中 ", vote.utf8, " 行是 UTF-8，",
            vote.other, " 行不是）；不是 UTF-8 的行逐行拒绝"));
      } else {
        if (absl::Status s = use_gb18030(f.src, std::move(converted), std::move(odd)); !s.ok()) {
          return s;
        }
        ctx.notices.push_back(absl::StrCat(f.src.name, ": not valid UTF-8; read as GB18030"));
        notice_odd_lines(f.src, ctx.notices);
        if (absl::Status h = read_header(f, nullptr); !h.ok()) return h;
      }
      f.pending = true;
      any = true;
    }
    return absl::OkStatus();
  }

  void settle() override {
    if (!settled_) verify_and_check_ids();
  }

 private:
  // parsed runs on the thread that finished the kind's last parse task of a
  // round: the kind's ids are checked then, while the other threads go on
  // parsing other kinds. The check waits on memory (a random slot of a large
  // table per id) and parsing mostly on the processor, so running them side
  // by side takes less time than one after the other; and one thread per
  // kind walks the ids once, where splitting a kind's check over threads had
  // each walk them all. A file that turned out not to be UTF-8 is parsed
  // again in the next round, and the check waits for that.
  void parsed() {
    if (!early_) return;
    for (const auto& f : files_) {
      if (f->not_utf8.load()) return;
    }
    verify_and_check_ids();
    group_early();
  }

  // group_early groups the rows of a kind read as one range by region, as
  // group_rows_by_region would after the commit (which then finds them in
  // order), but in the parse task that finished the kind, with one buffer,
  // while other kinds still parse: not after every kind, on top of all their
  // columns with a buffer per thread. A 10M load then peaks 20 MB lower (648
  // MB, 668 before) in the same time. Not when duplicates were found:
  // finish() finds their rows by position.
  void group_early() {
    if constexpr (K::kIndexedRegion) {
      if (files_.size() != 1 || files_[0]->ranges.size() != 1 || !dups_.empty()) return;
      RangeOut<K>& r = *files_[0]->ranges[0];
      group_by_region<K>(r.cols, 0, RegionOrder(r.regions.codes()), 1);
    }
  }

  void verify_and_check_ids() {
    verify();
    check_ids();
    settled_ = true;
  }

  void verify() {
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      for (size_t k = 0; k < f.ranges.size(); ++k) {
        RangeOut<K>& r = *f.ranges[k];
        if (r.stopped) {
          f.ranges.resize(k + 1);
          break;
        }
        if (k + 1 < f.ranges.size() && r.stop != f.ranges[k + 1]->begin) {
          // Malformed quoting fooled the cut: read the rest in one piece.
          auto rest = std::make_unique<RangeOut<K>>();
          rest->begin = r.stop;
          rest->end = f.src.text.size();
          f.ranges.resize(k + 1);
          parse_range(f, *rest, strict_);
          f.ranges.push_back(std::move(rest));
        }
      }
    }
  }

  void check_ids() {
    order_.clear();
    for (auto& f : files_) {
      for (auto& r : f->ranges) order_.push_back(r.get());
    }
    if constexpr (K::kHasId) {
      const bool fresh = index_->empty();
      adopt_ids<K>(*index_, order_);
      dedupe(*index_, order_, dups_, fresh);
    }
  }

 public:

  // finish gives every rejection its file and absolute line, in line order.
  void finish() override {
    // Each range's duplicates, by row (order_ holds every range, in the
    // order of the loops below).
    std::vector<std::vector<IdDup>> found(order_.size());
    for (const IdDup& d : dups_) found[d.range].push_back(d);
    for (size_t k = 0; k < order_.size(); ++k) {
      rows_of_dups(*order_[k], found[k]);
      for (const IdDup& d : found[k]) order_[k]->dups.push_back(static_cast<uint32_t>(d.row));
    }
    size_t range_at = 0;  // the range's place in order_
    for (auto& fp : files_) {
      FileLoad<K>& f = *fp;
      f.merged.clear();
      f.summary.file = f.src.name;
      f.summary.kind = K::kKind;
      f.summary.encoding = f.src.gb18030 ? "GB18030" : "UTF-8";
      f.summary.rows_read = 0;
      int64_t base = f.body_line;
      for (auto& rp : f.ranges) {
        RangeOut<K>& r = *rp;
        const std::vector<IdDup>& dups = found[range_at++];
        std::vector<Rejection> dup_rejects;
        // A duplicate (kept row d) is found by reading rows from the start of
        // its block, counting the rows that were kept (not among the range's
        // rejections, whose lines are still relative to the range).
        size_t counted_to = r.begin;  // line feeds are counted up to here
        int64_t line = base;          // the line at counted_to
        CsvReader reader(f.src.text, line, 1);
        size_t kept = SIZE_MAX;  // the kept rows the reader has passed; none yet
        size_t next_reject = 0;
        for (const IdDup& dup : dups) {
          const size_t d = dup.row;
          // dups are sorted and distinct, so the reader only moves forward:
          // on to a later block's start, or on from the last duplicate.
          const size_t block = d / kRowBlock;
          if (kept == SIZE_MAX || kept / kRowBlock < block) {
            const size_t at = r.begin + r.block_off[block];
            line += static_cast<int64_t>(f.src.count_lf(counted_to, at));
            counted_to = at;
            const size_t block_end =
                block + 1 < r.block_off.size() ? r.begin + r.block_off[block + 1] : std::max(r.stop, r.end);
            f.src.ensure(at, block_end);
            reader.seek(at, line);
            kept = block * kRowBlock;
          }
          CsvRow row;
          for (;;) {
            if (!reader.next(row)) break;  // cannot happen: row d is in the range
            const int64_t rel = row.line - base;
            while (next_reject < r.rejects.size() && r.rejects[next_reject].line < rel) ++next_reject;
            if (next_reject < r.rejects.size() && r.rejects[next_reject].line == rel) continue;
            if (kept++ == d) break;
          }
          Rejection rej;
          rej.file = f.src.name;
          rej.line = row.line;
          rej.column = std::string(K::kIdColumn);
          uint32_t scope = 0;
          std::string_view id;
          read_id_entry(r.ids->data() + dup.offset, scope, id);
          rej.reason = dup_reason<K>(scope, id);
          rej.code = RejectCode::kDuplicate;
          rej.raw = cut_raw(f.src.text.substr(row.begin, row.end - row.begin));
          dup_rejects.push_back(std::move(rej));
        }
        for (Rejection& rej : r.rejects) {
          rej.file = f.src.name;
          rej.line += base;
        }
        const size_t from = f.merged.size();
        f.merged.insert(f.merged.end(), std::make_move_iterator(r.rejects.begin()),
                        std::make_move_iterator(r.rejects.end()));
        f.merged.insert(f.merged.end(), std::make_move_iterator(dup_rejects.begin()),
                        std::make_move_iterator(dup_rejects.end()));
        std::inplace_merge(f.merged.begin() + static_cast<std::ptrdiff_t>(from),
                           f.merged.end() - static_cast<std::ptrdiff_t>(dup_rejects.size()),
                           f.merged.end(),
                           [](const Rejection& a, const Rejection& b) { return a.line < b.line; });
        r.rejects.clear();
        // The ids are in the index now (or copied there): commit needs none of this.
        r.block_off = {};
        r.ids = {};
        base += r.lines;
        f.summary.rows_read += r.rows_read;
      }
      f.summary.rows_rejected = static_cast<int64_t>(f.merged.size());
      f.summary.rows_kept = f.summary.rows_read - f.summary.rows_rejected;
    }
  }

  absl::Status unchanged() const override {
    for (const auto& f : files_) {
      if (f->src.file == nullptr) continue;
      if (absl::Status s = f->src.file->unchanged(); !s.ok()) return s;
    }
    return absl::OkStatus();
  }

  const Rejection* first_rejection() const override {
    for (const auto& f : files_) {
      if (!f->merged.empty()) return &f->merged.front();
    }
    return nullptr;
  }

  void commit(Store& store, int threads, LoadSummary& out) override {
    std::vector<RangeOut<K>*> all;
    for (auto& f : files_) {
      for (auto& r : f->ranges) all.push_back(r.get());
    }
    commit_ranges<K>(store, all, threads);
    for (auto& f : files_) {
      store.rejects.insert(store.rejects.end(), std::make_move_iterator(f->merged.begin()),
                           std::make_move_iterator(f->merged.end()));
      out.files.push_back(f->summary);
    }
  }

 private:
  std::vector<std::unique_ptr<FileLoad<K>>> files_;
  std::vector<RangeOut<K>*> order_;
  std::vector<IdDup> dups_;
  IdIndex* index_;  // the kind's ids in the Store
  bool strict_;
  bool early_;
  std::atomic<size_t> parsing_{0};  // the round's parse tasks still to finish
  bool settled_ = false;            // verified and ids checked
};

std::unique_ptr<KindJob> make_job(RecordKind kind, Store& store, bool strict) {
  IdIndex& index = store.ids[static_cast<size_t>(kind)];
  switch (kind) {
    case RecordKind::kReconsideration:
      return std::make_unique<KindJobOf<Reconsideration>>(index, strict);
    case RecordKind::kLitigation:
      return std::make_unique<KindJobOf<Litigation>>(index, strict);
    case RecordKind::kLegalAid:
      return std::make_unique<KindJobOf<LegalAid>>(index, strict);
    case RecordKind::kMediation:
      return std::make_unique<KindJobOf<Mediation>>(index, strict);
    case RecordKind::kRegistry:
      return std::make_unique<KindJobOf<Registry>>(index, strict);
    case RecordKind::kActivity:
      return std::make_unique<KindJobOf<Activity>>(index, strict);
    case RecordKind::kRegions:
      return std::make_unique<KindJobOf<Regions>>(index, strict);
  }
  return nullptr;
}

// refused_status is the error of a load that refused every file it was
// given: each file's reason (which names it), the first's code.
absl::Status refused_status(const std::vector<Refusal>& refused) {
  std::vector<std::string> reasons;
  for (const Refusal& r : refused) reasons.emplace_back(r.why.message());
  return absl::Status(refused.front().why.code(), absl::StrJoin(reasons, "\n"));
}

struct FileSpec {
  RecordKind kind;
  std::string name;       // for messages: valid UTF-8 (internal::to_valid_utf8)
  std::string path;       // a file to map, or
  std::string_view data;  // a caller's buffer
};

absl::StatusOr<LoadSummary> load_rows(Store& store, const std::vector<FileSpec>& specs,
                                      const LoadOptions& options, std::vector<std::string> notices,
                                      std::vector<Refusal> refused) {
  if (absl::Status s = check_open(store); !s.ok()) return s;
  const int threads = resolve_threads(options.threads);
  LoadContext ctx{options, threads, notices};
  std::array<std::unique_ptr<KindJob>, kRecordKindCount> jobs;
  for (const FileSpec& spec : specs) {
    auto& job = jobs[static_cast<size_t>(spec.kind)];
    if (!job) job = make_job(spec.kind, store, options.strict);
    Source src;
    src.name = spec.name;
    src.path = spec.path;
    src.raw = spec.data;
    job->add_file(std::move(src));
  }
  // Every file is prepared, so that every refused one is listed at once.
  for (auto& job : jobs) {
    if (!job) continue;
    if (absl::Status s = job->prepare(ctx, refused); !s.ok()) return s;
    if (job->empty()) job.reset();
  }
  std::vector<KindJob*> active;
  for (auto& job : jobs) {
    if (job) active.push_back(job.get());
  }
  if (active.empty() && !refused.empty()) return refused_status(refused);
  // The load may still fail after a kind's ids went in: keep a copy of the
  // index of each kind that checks early, to put back.
  std::vector<std::pair<size_t, IdIndex>> saved;
  for (size_t k = 0; k < jobs.size(); ++k) {
    if (jobs[k] && jobs[k]->checks_early()) saved.emplace_back(k, store.ids[k]);
  }
  auto put_back = [&] {
    for (auto& [k, index] : saved) store.ids[k] = std::move(index);
  };
  // An exception (memory ran out) puts the early-checked ids back too, so
  // that the dataset is as it was and a second try does not take its own
  // rows for duplicates. A kind holding earlier loads' ids checks its new
  // ones at settle(), into the index itself, with no copy to put back; the
  // commit changes the rest: an exception past either leaves it damaged.
  enum class Stage { kReading, kSettling, kCommitting } stage = Stage::kReading;
  const int exceptions = std::uncaught_exceptions();
  absl::Cleanup on_exception = [&] {
    if (std::uncaught_exceptions() == exceptions) return;
    put_back();
    const bool ids_kept = std::any_of(active.begin(), active.end(),
                                      [](const KindJob* job) { return !job->checks_early(); });
    if (stage == Stage::kCommitting || (stage == Stage::kSettling && ids_kept)) store.damaged = true;
  };
  std::vector<Task> tasks;
  for (int round = 0; round < 2; ++round) {
    size_t bytes = 0;
    for (KindJob* job : active) bytes += job->pending_bytes();
    // About one range per thread (each range builds its own dictionaries,
    // merged afterwards); one range per file on one thread. A range stays
    // under 1 GiB (row offsets are 32-bit).
    const size_t target = threads <= 1 ? size_t{1} << 30
                                       : std::clamp(bytes / static_cast<size_t>(threads),
                                                    size_t{1} << 20, size_t{1} << 30);
    for (KindJob* job : active) job->plan(target, tasks);
    run_tasks(tasks, threads);
    for (KindJob* job : active) job->cut(tasks);
    run_tasks(tasks, threads);
    bool again = false;
    for (KindJob* job : active) {
      if (absl::Status s = job->redo(ctx, again); !s.ok()) {
        put_back();
        return s;
      }
    }
    if (!again) break;
  }
  stage = Stage::kSettling;
  for (KindJob* job : active) job->settle();

  for (KindJob* job : active) job->finish();
  // A file written to while it was read holds rows of two versions: the load fails.
  for (KindJob* job : active) {
    if (absl::Status s = job->unchanged(); !s.ok()) {
      put_back();
      return s;
    }
  }
  if (options.strict) {
    for (KindJob* job : active) {
      if (const Rejection* r = job->first_rejection()) {
        put_back();
        return absl::InvalidArgumentError(describe(*r));
      }
    }
  }
  LoadSummary out;
  stage = Stage::kCommitting;
  for (KindJob* job : active) job->commit(store, threads, out);
  for (const Refusal& r : refused) {
    FileSummary f;
    f.file = r.name;
    f.kind = r.kind;
    f.refused = std::string(r.why.message());
    out.files.push_back(std::move(f));
  }
  out.notices = std::move(notices);
  store.summary.files.insert(store.summary.files.end(), out.files.begin(), out.files.end());
  store.summary.notices.insert(store.summary.notices.end(), out.notices.begin(), out.notices.end());
  return out;
}

// for_each_region_kind calls f(K{}) for every kind of rows with a region.
template <typename F>
void for_each_region_kind(F&& f) {
  f(Reconsideration{});
  f(Litigation{});
  f(LegalAid{});
  f(Mediation{});
  f(Registry{});
  f(Activity{});
}

// RowCounts is how many rows each kind holds, by RecordKind.
using RowCounts = std::array<size_t, kRecordKindCount>;

RowCounts row_counts(Store& s) {
  RowCounts n{};
  for_each_region_kind([&]<typename K>(K) { n[static_cast<size_t>(K::kKind)] = columns_of<K>(s).size(); });
  return n;
}

// group_rows_by_region groups each kind's rows from `first` on (group_by_region).
void group_rows_by_region(Store& s, const RowCounts& first, int threads) {
  const RegionOrder order(s.regions.codes());
  for_each_region_kind([&]<typename K>(K) {
    group_by_region<K>(columns_of<K>(s), first[static_cast<size_t>(K::kKind)], order, threads);
  });
}

// load reads the files, then groups the rows they added by region once the
// files and their ranges are let go, so that the grouping's buffers (a
// column's copy per thread) come on top of the columns alone, not of the
// parse's buffers too.
absl::StatusOr<LoadSummary> load(Store& store, const std::vector<FileSpec>& specs,
                                 const LoadOptions& options, std::vector<std::string> notices,
                                 std::vector<Refusal> refused = {}) {
  const RowCounts before = row_counts(store);
  absl::StatusOr<LoadSummary> out =
      load_rows(store, specs, options, std::move(notices), std::move(refused));
  if (out.ok()) {
    const DamagedIfThrown guard(store);
    group_rows_by_region(store, before, resolve_threads(options.threads));
  }
  return out;
}

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
      return absl::InvalidArgumentError(absl::StrCat(dir_name, ": not a folder"));
    }
    return absl::NotFoundError(absl::StrCat(dir_name, ": no such folder"));
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
  for (const fs::directory_entry& e : entries) {
    const std::string path = e.path().string();
    const std::string name = internal::to_valid_utf8(path);
    std::optional<RecordKind> kind;
    if (absl::EqualsIgnoreCase(absl_view(e.path().extension().string()), ".csv")) {
      kind = parse_kind(e.path().stem().string());
    }
    // A FIFO, a device or a dangling link named like a record file goes on
    // to be refused with what it is (RegularFile), not passed over.
    if (!kind || e.is_directory(ec)) {
      notices.push_back(absl::StrCat(name, ": ignored (",
                                     e.is_directory(ec) ? "a folder" : "not a record file",
                                     "; expected <kind>.csv with a kind of docs/data.md)"));
      continue;
    }
    specs.push_back({*kind, name, path, {}});
  }
  if (specs.empty()) notices.push_back(absl::StrCat(dir_name, ": no record files"));
  // Names that differ only in case (legal_aid.csv, Legal_Aid.CSV) are one
  // kind twice: which holds the records is not for the loader to guess, so
  // each is refused.
  std::vector<internal::Refusal> refused;
  std::vector<internal::FileSpec> single;
  for (const internal::FileSpec& spec : specs) {
    std::vector<std::string> same;
    for (const internal::FileSpec& other : specs) {
      if (other.kind == spec.kind && other.path != spec.path) same.push_back(other.name);
    }
    if (same.empty()) {
      single.push_back(spec);
      continue;
    }
    const absl::Status why = absl::InvalidArgumentError(absl::StrCat(
        spec.name, ": another file holds ", absl_view(kind_name(spec.kind)), " records too (",
        absl::StrJoin(same, ", "), "; the names differ only in case); the file is refused"));
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
