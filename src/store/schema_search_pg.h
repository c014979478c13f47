/* schema_search_pg.h: PostgreSQL's folding of the words its search index
 * keeps (copro_fold, schema_pg.c's baseline) and migration 26, which
 * makes < and > separate words there as they do in FTS5. */
#ifndef COPRO_STORE_SCHEMA_SEARCH_PG_H
#define COPRO_STORE_SCHEMA_SEARCH_PG_H

/* The Latin letters whose accent Unicode writes apart from the letter,
 * and each without it (translate's two lists). */
#define COPRO_FOLD_FROM \
	"'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞ' ||" \
	" 'ğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžȘșȚț'"
#define COPRO_FOLD_TO \
	"'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgG' ||" \
	" 'gGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzSsTt'"

/* 26: PostgreSQL's parser reads "<...>" as an XML tag and keeps no word
 * of it, nor any between <script> and </script>: "<we need time>" or a
 * note quoting markup could not be found there, where FTS5 splits at
 * every character that is not a letter or digit. copro_fold now turns <
 * and > into spaces first, and every row's words are made again (a stored
 * column is computed on UPDATE). The words asked for are folded too, but
 * copro's queries hold neither (store/search.c); & stays, as it joins
 * them. SQLite has nothing to change. */
#define SCHEMA_SEARCH_MARKUP_PG \
	"CREATE OR REPLACE FUNCTION copro_fold(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE" \
	" RETURN translate(t, '<>' || " COPRO_FOLD_FROM ", '  ' || " COPRO_FOLD_TO ");" \
	"UPDATE search_index SET title = title;"

#endif
