# Included from tests/CMakeLists.txt.  In every build, each fuzz target's LLVMFuzzerTestOneInput is linked with a plain main (replay.c) and
# run on its seed corpus and on tests/fuzz/regressions/TARGET, the inputs
# that once crashed it.  Then fuzz_smoke runs every fuzzer briefly
# (tests/fuzz/run --seconds 10: clang-14 is required, not optional).
set(evs_fuzz_dir ${CMAKE_SOURCE_DIR}/tests/fuzz)
set(evs_fuzz_seeds_page ${CMAKE_SOURCE_DIR}/corpus ${CMAKE_SOURCE_DIR}/tests/data)
set(evs_fuzz_seeds_yaml ${CMAKE_SOURCE_DIR}/corpus/yaml ${evs_fuzz_dir}/seeds/yaml)
set(evs_fuzz_seeds_query ${evs_fuzz_dir}/seeds/query)
set(evs_fuzz_seeds_analysis ${CMAKE_SOURCE_DIR}/corpus ${CMAKE_SOURCE_DIR}/tests/data)
set(evs_fuzz_seeds_snippet ${evs_fuzz_dir}/seeds/snippet)
set(evs_fuzz_libs_page evs_readers)
set(evs_fuzz_libs_yaml evs_readers)
set(evs_fuzz_libs_query evsearch)
set(evs_fuzz_libs_analysis evs_analysis)
set(evs_fuzz_libs_snippet evsearch)
foreach(t page yaml query analysis snippet)
  add_executable(replay_${t} ${evs_fuzz_dir}/replay.c ${evs_fuzz_dir}/fuzz_${t}.c)
  target_link_libraries(replay_${t} PRIVATE ${evs_fuzz_libs_${t}})
  target_include_directories(replay_${t} PRIVATE ${CMAKE_SOURCE_DIR})
  if(EVS_FUZZ)      # the libraries carry coverage hooks: link their runtime
    target_link_options(replay_${t} PRIVATE -fsanitize=fuzzer-no-link)
  endif()
  add_test(NAME fuzz_replay_${t}
           COMMAND replay_${t} ${evs_fuzz_seeds_${t}} ${evs_fuzz_dir}/regressions/${t})
endforeach()
add_test(NAME fuzz_smoke COMMAND ${evs_fuzz_dir}/run --seconds 10
         --build ${CMAKE_BINARY_DIR}/fuzz-build)
set_tests_properties(fuzz_smoke PROPERTIES TIMEOUT 900)
