# Runs the command given after "--" and checks its exit code and output:
#   cmake -DEXPECT_CODE=<n> [-DSTDOUT_MATCHES=<regex>] [-DSTDERR_MATCHES=<regex>]
#         [-DREMOVE_STORE=<file>] -P expect.cmake -- <command> [args...]
# REMOVE_STORE deletes an SQLite store (and its -wal and -shm files) first.
set(command)
set(after_separator OFF)
math(EXPR last "${CMAKE_ARGC} - 1")
foreach(i RANGE ${last})
  if(after_separator)
    list(APPEND command "${CMAKE_ARGV${i}}")
  elseif(CMAKE_ARGV${i} STREQUAL "--")
    set(after_separator ON)
  endif()
endforeach()
if(NOT command OR NOT DEFINED EXPECT_CODE)
  message(FATAL_ERROR "usage: cmake -DEXPECT_CODE=<n> ... -P expect.cmake -- <command> [args...]")
endif()

if(DEFINED REMOVE_STORE)
  file(REMOVE "${REMOVE_STORE}" "${REMOVE_STORE}-wal" "${REMOVE_STORE}-shm")
endif()

execute_process(COMMAND ${command} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(report "command: ${command}\nexit code: ${code}\nstdout:\n${out}\nstderr:\n${err}")
if(NOT code STREQUAL EXPECT_CODE)
  message(FATAL_ERROR "expected exit code ${EXPECT_CODE}\n${report}")
endif()
if(DEFINED STDOUT_MATCHES AND NOT out MATCHES "${STDOUT_MATCHES}")
  message(FATAL_ERROR "stdout does not match '${STDOUT_MATCHES}'\n${report}")
endif()
if(DEFINED STDERR_MATCHES AND NOT err MATCHES "${STDERR_MATCHES}")
  message(FATAL_ERROR "stderr does not match '${STDERR_MATCHES}'\n${report}")
endif()
