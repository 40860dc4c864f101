# check_messages.cmake -- the message catalogues are complete and current.
#   cmake -DMSGFMT=... -DMSGCMP=... -DXGETTEXT=... -DSOURCE_DIR=... -DWORK_DIR=...
#         -DSOURCES="a.cpp;b.cpp" -DKEYWORDS="--keyword=_;..." -DLANGUAGES="zh_CN" -P check_messages.cmake
# 1. po/fazhi.pot holds exactly the messages xgettext finds in the sources
#    (after a new message: cmake --build build --target fazhi_pot).
# 2. Every message of the .pot has a translation in each po/<lang>.po that is
#    neither missing, empty nor fuzzy, and msgfmt --check accepts the file.
file(MAKE_DIRECTORY ${WORK_DIR})
set(fresh ${WORK_DIR}/fazhi.pot)
execute_process(
  COMMAND ${XGETTEXT} --from-code=UTF-8 --language=C++ ${KEYWORDS} -o ${fresh} ${SOURCES}
  WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "xgettext failed: ${err}")
endif()
set(pot ${SOURCE_DIR}/po/fazhi.pot)
foreach(pair "${fresh};${pot}" "${pot};${fresh}")
  list(GET pair 0 have)
  list(GET pair 1 want)
  execute_process(COMMAND ${MSGCMP} --use-untranslated ${have} ${want}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "po/fazhi.pot is not what the sources hold "
                        "(cmake --build build --target fazhi_pot):\n${out}${err}")
  endif()
endforeach()
foreach(lang IN LISTS LANGUAGES)
  set(po ${SOURCE_DIR}/po/${lang}.po)
  # msgcmp counts a fuzzy or untranslated entry as missing.
  execute_process(COMMAND ${MSGCMP} ${po} ${pot} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "po/${lang}.po lacks translations of po/fazhi.pot:\n${out}${err}")
  endif()
  execute_process(COMMAND ${MSGFMT} --check --statistics -o /dev/null ${po}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0 OR err MATCHES "fuzzy|untranslated")
    message(FATAL_ERROR "po/${lang}.po: ${out}${err}")
  endif()
  message(STATUS "po/${lang}.po: ${err}")
endforeach()
