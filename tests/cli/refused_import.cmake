# A workload with a dependency cycle in its last-but-one file is refused
# whole: exit code 2, the file, line and field named, no store created where
# there was none, and an existing store left as it was.
#   cmake -DCLI=<plansight> -DWORKLOAD=<dir> -DWORK=<scratch dir> -P refused_import.cmake
set(broken "${WORK}/broken-workload")
set(db "${WORK}/refused.db")
file(REMOVE_RECURSE "${broken}")
file(REMOVE "${db}" "${db}-wal" "${db}-shm")
file(COPY "${WORKLOAD}/" DESTINATION "${broken}")
# dependencies.csv line 2 is "2,1"; action 1 depending on action 2 closes a cycle.
file(STRINGS "${broken}/dependencies.csv" lines)
list(LENGTH lines count)
math(EXPR bad_line "${count} + 1")
file(APPEND "${broken}/dependencies.csv" "1,2\n")
set(expected_error
    "^plansight: error: dependencies.csv line ${bad_line}, field depends_on_action_id: .*cycle")

function(plansight_run out_var code_var)
  execute_process(COMMAND "${CLI}" ${ARGN} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${out_var} "${out}${err}" PARENT_SCOPE)
  set(${code_var} "${code}" PARENT_SCOPE)
endfunction()

function(expect_refused)
  plansight_run(output code import "${broken}" --db "${db}")
  if(NOT code EQUAL 2 OR NOT output MATCHES "${expected_error}")
    message(FATAL_ERROR "expected exit code 2 and '${expected_error}', got ${code}: ${output}")
  endif()
endfunction()

expect_refused()
if(EXISTS "${db}")
  message(FATAL_ERROR "a refused import created the store ${db}")
endif()

# An existing store holding the agencies only (the broken workload's agencies
# are then shared, and its first refused row is the cycle): export it before
# and after the refused import and compare.
set(agencies_only "${WORK}/agencies-only")
file(REMOVE_RECURSE "${agencies_only}" "${WORK}/before" "${WORK}/after")
file(COPY "${WORKLOAD}/agencies.csv" DESTINATION "${agencies_only}")
foreach(name audits findings actions dependencies updates)
  file(STRINGS "${WORKLOAD}/${name}.csv" header LIMIT_COUNT 1)
  file(WRITE "${agencies_only}/${name}.csv" "${header}\n")
endforeach()
plansight_run(output code import "${agencies_only}" --db "${db}")
if(NOT code EQUAL 0)
  message(FATAL_ERROR "importing the agencies failed (${code}): ${output}")
endif()
plansight_run(output code export "${WORK}/before" --db "${db}")
expect_refused()
plansight_run(output code export "${WORK}/after" --db "${db}")
foreach(name agencies audits findings actions dependencies updates)
  file(READ "${WORK}/before/${name}.csv" before)
  file(READ "${WORK}/after/${name}.csv" after)
  if(NOT before STREQUAL after)
    message(FATAL_ERROR "the refused import changed ${name} in the store")
  endif()
endforeach()
message(STATUS "refused import left the store unchanged")
