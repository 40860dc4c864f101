// Value and Reason: one metric's exact value, or the reason it has none
// (fazhi/metrics.hpp).

#include <mutex>
#include <ostream>
#include <string>
#include <unordered_set>

#include "fazhi/metrics.hpp"

namespace fazhi {

Reason Reason::intern(std::string_view text) {
  // Node-based, so an interned text's characters never move; never freed.
  static std::mutex* const kMutex = new std::mutex;
  static std::unordered_set<std::string>* const kTexts = new std::unordered_set<std::string>;
  const std::lock_guard<std::mutex> lock(*kMutex);
  return Reason(Interned{}, kTexts->emplace(text).first->c_str());
}

std::ostream& operator<<(std::ostream& os, const Reason& r) { return os << r.view(); }

Fraction Value::exact() const {
  switch (kind) {
    case ValueKind::kCount:
    case ValueKind::kRank: return Fraction(integer, 1);
    case ValueKind::kMoney: return Fraction(integer, 100).reduced();
    case ValueKind::kRatio:
    case ValueKind::kDays:
    case ValueKind::kNumber: return Fraction(num, den);
    case ValueKind::kUndefined: break;
  }
  return Fraction::undefined();
}

Value Value::count(int64_t n) {
  Value v;
  v.kind = ValueKind::kCount;
  v.integer = n;
  return v;
}
Value Value::money(int64_t fen) {
  Value v;
  v.kind = ValueKind::kMoney;
  v.integer = fen;
  return v;
}
Value Value::rank(int64_t r) {
  Value v;
  v.kind = ValueKind::kRank;
  v.integer = r;
  return v;
}
Value Value::days(int64_t num, int64_t den, Reason undefined_reason) {
  Value v = ratio(num, den, undefined_reason);
  if (v.defined()) v.kind = ValueKind::kDays;
  return v;
}
Value Value::ratio(int64_t num, int64_t den, Reason undefined_reason) {
  if (den == 0) return undefined(undefined_reason);
  Value v;
  v.kind = ValueKind::kRatio;
  v.num = num;
  v.den = den;
  return v;
}
Value Value::number(int64_t num, int64_t den, Reason undefined_reason) {
  Value v = ratio(num, den, undefined_reason);
  if (v.defined()) v.kind = ValueKind::kNumber;
  return v;
}
Value Value::undefined(Reason reason) {
  Value v;
  v.reason = reason;
  return v;
}

}  // namespace fazhi
