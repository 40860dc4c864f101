# Writes INPUT as a C++ string constant into OUTPUT, so a data file (the
# national working-day calendar) is compiled into the library verbatim and
# parsed by the same code that reads a newer notice at run time.
# Usage: cmake -DINPUT=file.csv -DOUTPUT=file.cpp -P embed_text.cmake
file(READ "${INPUT}" content)
string(FIND "${content}" ")fzembed\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter")
endif()
get_filename_component(name "${INPUT}" NAME)
file(WRITE "${OUTPUT}.tmp"
  "// Generated from data/${name} by cmake/embed_text.cmake. Do not edit.\n"
  "#include <string_view>\n"
  "namespace fazhi::internal {\n"
  "extern const std::string_view kNationalCalendarCsv;\n"
  "const std::string_view kNationalCalendarCsv = R\"fzembed(${content})fzembed\";\n"
  "}  // namespace fazhi::internal\n")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
