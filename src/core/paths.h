/* paths.h: where copro finds the files it ships with (its frameworks, the
 * web assets and the compiled languages), built or installed. */
#ifndef COPRO_CORE_PATHS_H
#define COPRO_CORE_PATHS_H

/* Each folder is, first found: its own variable ($COPRO_FRAMEWORKS,
 * $COPRO_ASSETS, $COPRO_LOCALE_DIR); $COPRO_SHARE_DIR/frameworks (assets,
 * locale); the share/copro folder beside the running program
 * (BIN/../share/copro, where `make install` puts them, so an installed
 * copro moved or staged under DESTDIR still finds its own); else the build
 * tree it was compiled in. */
const char *paths_frameworks(void);
const char *paths_assets(void);
const char *paths_locale(void);

/* The build tree's locale folder: languages missing there are not an
 * error (a copro run without `make languages` speaks British English). */
const char *paths_built_locale(void);

#endif
