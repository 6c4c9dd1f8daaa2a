/*
 * shared.c — libevsearch.so is linked from the whole static library (see
 * query/CMakeLists.txt); a shared library target needs a source of its
 * own, and this is it.  It defines nothing.
 */
typedef int evs_shared_library_has_no_code_of_its_own;
