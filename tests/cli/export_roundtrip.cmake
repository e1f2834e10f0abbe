# Exports the store the import test filled and compares the six files byte
# for byte with the generated workload they came from:
#   cmake -DCLI=<plansight> -DDB=<store> -DWORKLOAD=<dir> -DOUT=<dir> -P export_roundtrip.cmake
file(REMOVE_RECURSE "${OUT}")
execute_process(COMMAND "${CLI}" export "${OUT}" --db "${DB}" RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "plansight export failed (exit code ${code}): ${err}")
endif()
foreach(name agencies audits findings actions dependencies updates)
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORKLOAD}/${name}.csv" "${OUT}/${name}.csv"
                  RESULT_VARIABLE differs)
  if(differs)
    message(FATAL_ERROR "${OUT}/${name}.csv differs from ${WORKLOAD}/${name}.csv")
  endif()
endforeach()
message(STATUS "export matches the workload byte for byte")
