/*
 * gazgen.c - build-time generator of the geo module's tables: reads Debian's
 * iso-codes (ISO 3166-1 JSON and the fr/es/pt/de/nl/it translations in .mo
 * catalogs) and data/gazetteer/ TSV files, checks them, and writes one C file.
 * A host tool run by CMake, not part of the library: it exits on error.
 *
 * usage: gazgen OUT.c ISO_3166-1.json LOCALE_DIR CENTROIDS.tsv [NAMES.tsv...]
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jansson.h>

#define MAXC 300
#define NLANGS 6
static const char *const LANGS[NLANGS] = { "fr", "es", "pt", "de", "nl", "it" };

/* Kinds and sources: must match enum rt_place_kind and RT_GEO_SRC_* in geo_int.h. */
enum { K_COUNTRY, K_ALIAS, K_DEMONYM, K_PLACE, K_INSTITUTION };
enum { S_MANUAL, S_ISO };

typedef struct country {
    char a2[3], a3[4];
    char *names[3];       /* name, common_name, official_name (NULL when absent) */
    char *display;
    double lat, lon;
    int has_centroid;
} country;

typedef struct catalog {  /* one .mo file: N msgid -> msgstr pairs */
    unsigned char *data;
    size_t size;
    uint32_t n, orig, trans;
    int swap;
} catalog;

typedef struct seen {      /* a manual name already written, to catch contradictions */
    char *name, *target, *where;
} seen;

typedef struct gen {
    country c[MAXC];
    size_t nc;
    FILE *out;
    size_t nentries;
    seen *seen;
    size_t nseen, seencap;
} gen;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gazgen: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(1);
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d)
        die("out of memory");
    return d;
}

/* ------------------------------------------------------------ iso-codes JSON */

static void read_iso(gen *g, const char *path)
{
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    if (!root)
        die("%s:%d: %s", path, je.line, je.text);
    json_t *arr = json_object_get(root, "3166-1");
    if (!json_is_array(arr) || json_array_size(arr) == 0 || json_array_size(arr) > MAXC)
        die("%s: no \"3166-1\" array", path);
    static const char *const keys[3] = { "name", "common_name", "official_name" };
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        country *c = &g->c[g->nc++];
        const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        if (!a2 || !a3 || strlen(a2) != 2 || strlen(a3) != 3)
            die("%s: entry %zu lacks alpha_2/alpha_3", path, i);
        memcpy(c->a2, a2, 3);
        memcpy(c->a3, a3, 4);
        for (int k = 0; k < 3; k++) {
            const char *v = json_string_value(json_object_get(e, keys[k]));
            c->names[k] = v ? xstrdup(v) : NULL;
        }
        if (!c->names[0])
            die("%s: %s has no name", path, a2);
    }
    json_decref(root);
}

static int cmp_country(const void *a, const void *b)
{
    return strcmp(((const country *)a)->a2, ((const country *)b)->a2);
}

static country *find_country(gen *g, const char *a2)
{
    country key;
    memset(&key, 0, sizeof key);
    if (strlen(a2) >= sizeof key.a2)
        return NULL;
    memcpy(key.a2, a2, strlen(a2));
    return bsearch(&key, g->c, g->nc, sizeof g->c[0], cmp_country);
}

/* "Korea, Republic of" -> "Republic of Korea"; a leading "The " is dropped. NULL without a comma. */
static char *invert(const char *name)
{
    const char *comma = strstr(name, ", ");
    if (!comma)
        return NULL;
    const char *tail = comma + 2;
    if (strncmp(tail, "The ", 4) == 0 || strncmp(tail, "the ", 4) == 0)
        tail += 4;
    size_t n = strlen(tail) + 1 + (size_t)(comma - name) + 1;
    char *s = malloc(n);
    if (!s)
        die("out of memory");
    snprintf(s, n, "%s %.*s", tail, (int)(comma - name), name);
    return s;
}

/* The name without a parenthesised part ("Falkland Islands (Malvinas)" -> "Falkland Islands"). */
static char *strip_paren(const char *name)
{
    char *s = xstrdup(name);
    char *p = strstr(s, " (");
    if (p)
        *p = '\0';
    return s;
}

/* Map name: common name, else the official name when the ISO name is inverted, else the name. */
static void set_display(country *c)
{
    if (c->names[1])
        c->display = xstrdup(c->names[1]);
    else if (strchr(c->names[0], ',') && c->names[2] && !strchr(c->names[2], ','))
        c->display = xstrdup(strncmp(c->names[2], "the ", 4) == 0 ? c->names[2] + 4 : c->names[2]);
    else if (strchr(c->names[0], ','))
        c->display = invert(c->names[0]);
    else
        c->display = strip_paren(c->names[0]);
}

/* ------------------------------------------------------------ .mo catalogs */

static uint32_t mo_u32(const catalog *m, size_t off)
{
    if (off + 4 > m->size)
        die("truncated .mo catalog");
    const unsigned char *p = m->data + off;
    uint32_t v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    if (m->swap)
        v = (v >> 24) | ((v >> 8) & 0xff00u) | ((v << 8) & 0xff0000u) | (v << 24);
    return v;
}

static unsigned char *slurp(const char *path, size_t *size)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        die("%s: %s", path, strerror(errno));
    if (fseek(fp, 0, SEEK_END) != 0)
        die("%s: cannot seek", path);
    long n = ftell(fp);
    if (n < 0 || fseek(fp, 0, SEEK_SET) != 0)
        die("%s: cannot size", path);
    unsigned char *buf = malloc((size_t)n + 1);
    if (!buf || fread(buf, 1, (size_t)n, fp) != (size_t)n)
        die("%s: read failed", path);
    buf[n] = '\0';
    fclose(fp);
    *size = (size_t)n;
    return buf;
}

static void read_mo(catalog *m, const char *path)
{
    m->data = slurp(path, &m->size);
    m->swap = 0;
    uint32_t magic = mo_u32(m, 0);
    if (magic == 0xde120495u)
        m->swap = 1;
    else if (magic != 0x950412deu)
        die("%s: not a .mo catalog", path);
    m->n = mo_u32(m, 8);
    m->orig = mo_u32(m, 12);
    m->trans = mo_u32(m, 16);
}

/* Translation of MSGID in M, or NULL. Points into the catalog. */
static const char *mo_get(const catalog *m, const char *msgid)
{
    for (uint32_t i = 0; i < m->n; i++) {
        uint32_t len = mo_u32(m, m->orig + 8 * (size_t)i);
        uint32_t off = mo_u32(m, m->orig + 8 * (size_t)i + 4);
        if ((size_t)off + len >= m->size)
            die("corrupt .mo catalog");
        if (strlen(msgid) == len && memcmp(m->data + off, msgid, len) == 0) {
            uint32_t tlen = mo_u32(m, m->trans + 8 * (size_t)i);
            uint32_t toff = mo_u32(m, m->trans + 8 * (size_t)i + 4);
            if ((size_t)toff + tlen >= m->size)
                die("corrupt .mo catalog");
            return tlen ? (const char *)m->data + toff : NULL;
        }
    }
    return NULL;
}

/* ------------------------------------------------------------ output */

static void put_str(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        if (*s == '?')          /* no trigraphs */
            fputs("\\", out);
        fputc(*s, out);
    }
    fputc('"', out);
}

static void put_entry(gen *g, const char *name, const char *target, int kind, int source,
                      unsigned flags)
{
    fputs("    { ", g->out);
    put_str(g->out, name);
    fputs(", ", g->out);
    put_str(g->out, target);
    fprintf(g->out, ", %d, %d, %u },\n", kind, source, flags);
    g->nentries++;
}

/* A name, its inverted form and its form without the part after a comma or in parentheses. */
static void put_name_forms(gen *g, const char *name, const char *a2, int source)
{
    char *base = strip_paren(name);
    put_entry(g, base, a2, K_COUNTRY, source, 0);
    char *inv = invert(base);
    if (inv) {
        put_entry(g, inv, a2, K_COUNTRY, source, 0);
        *strstr(base, ", ") = '\0';
        put_entry(g, base, a2, K_COUNTRY, source, 0);
        free(inv);
    }
    free(base);
}

static void put_iso_names(gen *g, const char *locale_dir)
{
    for (size_t i = 0; i < g->nc; i++)
        for (int k = 0; k < 3; k++)
            if (g->c[i].names[k])
                put_name_forms(g, g->c[i].names[k], g->c[i].a2, S_ISO);
    for (int l = 0; l < NLANGS; l++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/LC_MESSAGES/iso_3166-1.mo", locale_dir, LANGS[l]);
        catalog m;
        read_mo(&m, path);
        for (size_t i = 0; i < g->nc; i++)
            for (int k = 0; k < 3; k++) {
                const char *t = g->c[i].names[k] ? mo_get(&m, g->c[i].names[k]) : NULL;
                if (t && strcmp(t, g->c[i].names[k]) != 0)
                    put_name_forms(g, t, g->c[i].a2, S_ISO + 1 + l);
            }
        free(m.data);
    }
}

/* ------------------------------------------------------------ TSV files */

/* Split LINE at tabs into at most MAX fields (in place); returns the count. */
static int split_tabs(char *line, char **f, int max)
{
    int n = 0;
    line[strcspn(line, "\r\n")] = '\0';
    for (char *p = line; n < max;) {
        f[n++] = p;
        p = strchr(p, '\t');
        if (!p)
            break;
        *p++ = '\0';
    }
    return n;
}

static void check_target(gen *g, const char *t, const char *path, long ln)
{
    if (strcmp(t, "-") == 0)
        return;
    char *copy = xstrdup(t);
    for (char *alt = strtok(copy, "|"); alt; alt = strtok(NULL, "|")) {
        char *at = strchr(alt, '@');
        if (at)
            *at++ = '\0';
        if (strlen(alt) != 2 || !find_country(g, alt) || (at && (strlen(at) != 2 || !find_country(g, at))))
            die("%s:%ld: bad target '%s' (want CC or CC@CC, '|'-separated, ISO alpha-2)", path, ln, t);
    }
    free(copy);
}

static unsigned parse_flags(const char *s, const char *path, long ln)
{
    unsigned f = 0;
    for (; s && *s; s++) {
        if (*s == 'c') f |= 1u;
        else if (*s == 'p') f |= 2u;
        else if (*s == 's') f |= 4u;
        else die("%s:%ld: unknown flag '%c' (c, p, s)", path, ln, *s);
    }
    return f;
}

static int kind_of_file(const char *path)
{
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    if (strncmp(b, "variants", 8) == 0) return K_ALIAS;
    if (strncmp(b, "demonyms", 8) == 0) return K_DEMONYM;
    if (strncmp(b, "places", 6) == 0) return K_PLACE;
    if (strncmp(b, "institutions", 12) == 0) return K_INSTITUTION;
    die("%s: name must start with variants, demonyms, places or institutions", path);
    return -1;
}

/* A manual NAME given twice must have one target: the second would never be used. */
static void check_unique(gen *g, const char *name, const char *target, const char *path, long ln)
{
    for (size_t i = 0; i < g->nseen; i++)
        if (strcmp(g->seen[i].name, name) == 0) {
            if (strcmp(g->seen[i].target, target) != 0)
                die("%s:%ld: '%s' already given as %s at %s", path, ln, name, g->seen[i].target,
                    g->seen[i].where);
            return;
        }
    if (g->nseen == g->seencap) {
        g->seencap = g->seencap ? g->seencap * 2 : 1024;
        g->seen = realloc(g->seen, g->seencap * sizeof *g->seen);
        if (!g->seen)
            die("out of memory");
    }
    char where[4200];
    snprintf(where, sizeof where, "%s:%ld", path, ln);
    g->seen[g->nseen++] = (seen){ xstrdup(name), xstrdup(target), xstrdup(where) };
}

/* Demonyms in -an and -i also name people in the plural: Kenyans, Pakistanis. */
static void put_plural(gen *g, const char *name, const char *target, unsigned flags)
{
    size_t n = strlen(name);
    if (strcmp(target, "-") == 0 || strchr(name, ' ') || strchr(name, '-') ||
        !((n > 2 && strcmp(name + n - 2, "an") == 0) || name[n - 1] == 'i'))
        return;
    char buf[1040];
    snprintf(buf, sizeof buf, "%.1024ss", name);
    put_entry(g, buf, target, K_DEMONYM, S_MANUAL, flags);
}

static void read_names(gen *g, const char *path)
{
    int kind = kind_of_file(path);
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("%s: %s", path, strerror(errno));
    char line[1024];
    long ln = 0;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n' || line[0] == '\r')
            continue;
        char *f[4] = { NULL, NULL, NULL, NULL };
        int n = split_tabs(line, f, 4);
        if (n < 2 || n > 3 || !f[0][0])
            die("%s:%ld: want NAME<TAB>TARGET[<TAB>FLAGS]", path, ln);
        check_target(g, f[1], path, ln);
        check_unique(g, f[0], f[1], path, ln);
        unsigned flags = parse_flags(n == 3 ? f[2] : NULL, path, ln);
        put_entry(g, f[0], f[1], kind, S_MANUAL, flags);
        if (kind == K_DEMONYM)
            put_plural(g, f[0], f[1], flags);
    }
    fclose(fp);
}

static void read_centroids(gen *g, const char *path)
{
    FILE *fp = fopen(path, "r");
    if (!fp)
        die("%s: %s", path, strerror(errno));
    char line[1024];
    long ln = 0;
    while (fgets(line, sizeof line, fp)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *f[4], *e1, *e2;
        int n = split_tabs(line, f, 4);
        country *c = n >= 3 ? find_country(g, f[0]) : NULL;
        if (!c)
            die("%s:%ld: want CC<TAB>LAT<TAB>LON with a known alpha-2 code", path, ln);
        c->lat = strtod(f[1], &e1);
        c->lon = strtod(f[2], &e2);
        if (*e1 || *e2 || c->lat < -90 || c->lat > 90 || c->lon < -180 || c->lon > 180)
            die("%s:%ld: latitude/longitude out of range", path, ln);
        if (c->has_centroid)
            die("%s:%ld: %s given twice", path, ln, c->a2);
        c->has_centroid = 1;
    }
    fclose(fp);
    for (size_t i = 0; i < g->nc; i++)
        if (!g->c[i].has_centroid)
            die("%s: no centroid for %s (%s)", path, g->c[i].a2, g->c[i].names[0]);
}

/* ------------------------------------------------------------ main */

static void put_countries(gen *g)
{
    fprintf(g->out, "const rt_country rt_geo_countries[] = {\n");
    for (size_t i = 0; i < g->nc; i++) {
        country *c = &g->c[i];
        fprintf(g->out, "    { \"%s\", \"%s\", ", c->a2, c->a3);
        put_str(g->out, c->display);
        fprintf(g->out, ", %.4f, %.4f },\n", c->lat, c->lon);
    }
    fprintf(g->out, "};\nconst size_t rt_geo_ncountries = %zu;\n\n", g->nc);
    fprintf(g->out, "const char *const rt_geo_name_rules[] = { \"name\",");
    for (int l = 0; l < NLANGS; l++)
        fprintf(g->out, " \"name:%s\",", LANGS[l]);
    fprintf(g->out, " };\nconst size_t rt_geo_nlangs = %d;\n\n", NLANGS);
}

int main(int argc, char **argv)
{
    if (argc < 5)
        die("usage: gazgen OUT.c ISO_3166-1.json LOCALE_DIR CENTROIDS.tsv [NAMES.tsv...]");
    static gen g;
    read_iso(&g, argv[2]);
    qsort(g.c, g.nc, sizeof g.c[0], cmp_country);
    for (size_t i = 0; i < g.nc; i++)
        set_display(&g.c[i]);
    read_centroids(&g, argv[4]);
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    g.out = fopen(tmp, "w");
    if (!g.out)
        die("%s: %s", tmp, strerror(errno));
    fprintf(g.out, "/* Generated by src/geo/gen/gazgen.c from iso-codes and data/gazetteer: do not edit. */\n"
                   "#include \"geo/geo_int.h\"\n\n");
    put_countries(&g);
    fprintf(g.out, "const rt_geo_entry rt_geo_entries[] = {\n");
    for (int i = 5; i < argc; i++)
        read_names(&g, argv[i]);
    put_iso_names(&g, argv[3]);
    fprintf(g.out, "};\nconst size_t rt_geo_nentries = %zu;\n", g.nentries);
    if (ferror(g.out) || fclose(g.out) != 0 || rename(tmp, argv[1]) != 0)
        die("%s: write failed", argv[1]);
    for (size_t i = 0; i < g.nseen; i++) {
        free(g.seen[i].name);
        free(g.seen[i].target);
        free(g.seen[i].where);
    }
    free(g.seen);
    for (size_t i = 0; i < g.nc; i++) {
        for (int k = 0; k < 3; k++)
            free(g.c[i].names[k]);
        free(g.c[i].display);
    }
    return 0;
}
