# evgen, the generator of large corpora for benchmarks.  Included from the
# top-level CMakeLists.txt rather than added with add_subdirectory(): a
# CMakeLists.txt here would be a .txt file under corpus/, and `evindex corpus/`
# would read it as a session page.
add_executable(evgen
               ${CMAKE_CURRENT_LIST_DIR}/evgen_main.c
               ${CMAKE_CURRENT_LIST_DIR}/evgen_models.c
               ${CMAKE_CURRENT_LIST_DIR}/evgen_layout.c
               ${CMAKE_CURRENT_LIST_DIR}/evgen_output.c
               ${CMAKE_CURRENT_LIST_DIR}/langdata.c
               ${CMAKE_CURRENT_LIST_DIR}/textmodel.c)
set_target_properties(evgen PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR})
target_link_libraries(evgen PRIVATE PkgConfig::UTF8PROC)
