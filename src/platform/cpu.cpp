#include "platform/cpu.hpp"

#include <cstdlib>
#include <string_view>

namespace fazhi::internal {

bool use_avx2() noexcept {
#if FAZHI_AVX2_BUILDS
  static const bool avx2 = [] {
    const char* cpu = std::getenv("FAZHI_CPU");
    return __builtin_cpu_supports("avx2") && !(cpu != nullptr && std::string_view(cpu) == "baseline");
  }();
  return avx2;
#else
  return false;
#endif
}

}  // namespace fazhi::internal
