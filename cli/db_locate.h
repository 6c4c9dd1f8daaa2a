/*
 * db_locate.h — where the command-line tools find the database:
 * --db PATH, else $EVSEARCH_DB, else a ".evsearch" directory in the current
 * directory or the nearest parent that has one (as git finds .git), else
 * ".evsearch" in the current directory (where evindex creates it).
 */
#ifndef EVS_CLI_DB_LOCATE_H
#define EVS_CLI_DB_LOCATE_H

#define DB_DEFAULT_NAME ".evsearch"

typedef enum db_origin {
    DB_FROM_OPTION,     /* --db */
    DB_FROM_ENV,        /* $EVSEARCH_DB */
    DB_FROM_SEARCH,     /* found in the current directory or a parent */
    DB_FROM_DEFAULT     /* none found: the current directory's */
} db_origin;

/* Returns a malloc'd path (NULL when memory ran out); *origin says how it
 * was chosen.  option is the --db value or NULL. */
char *db_locate(const char *option, db_origin *origin);

#endif
