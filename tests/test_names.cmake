# Fails when a doctest test case's name holds a ';': doctest_discover_tests
# splits CTest names at it, so that test case's entry would match no test
# and pass without running anything.
file(GLOB_RECURSE sources "${SOURCE_DIR}/tests/cpp/*.cpp" "${SOURCE_DIR}/examples/*.cpp")
set(bad "")
foreach(source IN LISTS sources)
  file(STRINGS "${source}" lines REGEX "TEST_CASE\\(\"[^\"]*;")
  foreach(line IN LISTS lines)
    string(APPEND bad "\n  ${source}: ${line}")
  endforeach()
endforeach()
if(bad)
  message(FATAL_ERROR "test case names with ';' never run under CTest:${bad}")
endif()
