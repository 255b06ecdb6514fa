/*
 * test_gazetteer.c - the country table (every iso-codes entry, centroids in
 * range and inside known boxes), gazetteer matching (longest match, offsets,
 * case, ambiguity rules), the country combination, and allocation failures.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "failalloc.h"
#include "revtag/gazetteer.h"

#define ISO_JSON "/usr/share/iso-codes/json/iso_3166-1.json"

/* ---------------------------------------------------------------- countries */

static void test_every_iso_code(void **state)
{
    (void)state;
    json_error_t je;
    json_t *root = json_load_file(ISO_JSON, 0, &je);
    assert_non_null(root);
    json_t *arr = json_object_get(root, "3166-1");
    assert_true(json_array_size(arr) >= 249);
    assert_int_equal(rt_country_count(), json_array_size(arr));
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
        const char *a3 = json_string_value(json_object_get(e, "alpha_3"));
        const rt_country *c = rt_country_get(a2);
        if (!c)
            fail_msg("rt_country_get(%s) is NULL", a2);
        assert_string_equal(c->alpha2, a2);
        assert_string_equal(c->alpha3, a3);
        assert_ptr_equal(rt_country_get3(a3), c);
        assert_true(strlen(c->name) > 2);
        char lower[3] = { (char)(a2[0] - 'A' + 'a'), (char)(a2[1] - 'A' + 'a'), '\0' };
        assert_ptr_equal(rt_country_get(lower), c);
    }
    json_decref(root);
}

static void test_table_order_and_ranges(void **state)
{
    (void)state;
    for (size_t i = 0; i < rt_country_count(); i++) {
        const rt_country *c = rt_country_at(i);
        assert_non_null(c);
        if (i > 0)
            assert_true(strcmp(rt_country_at(i - 1)->alpha2, c->alpha2) < 0);
        if (!(c->lat >= -90 && c->lat <= 90 && c->lon >= -180 && c->lon <= 180))
            fail_msg("%s centroid out of range: %f %f", c->alpha2, c->lat, c->lon);
        /* A point at exactly 0,0 is in the Gulf of Guinea: a sign of a missing value. */
        assert_false(c->lat == 0 && c->lon == 0);
    }
    assert_null(rt_country_at(rt_country_count()));
}

static void test_unknown_codes(void **state)
{
    (void)state;
    static const char *const bad[] = { NULL, "", "G", "GBR", "XX", "ZZ", "1A", "G\xC3" };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_null(rt_country_get(bad[i]));
    assert_null(rt_country_get3("XXX"));
    assert_null(rt_country_get3("GB"));
    assert_string_equal(rt_country_get("gb")->name, "United Kingdom");
    assert_string_equal(rt_country_get("BO")->name, "Bolivia");
    assert_string_equal(rt_country_get("KR")->name, "South Korea");
    assert_string_equal(rt_country_get("CD")->name, "Democratic Republic of the Congo");
}

/* Boxes (lat min/max, lon min/max) that hold each country's land, written from geography. */
typedef struct box {
    const char *cc;
    double lat0, lat1, lon0, lon1;
} box;

static const box BOXES[] = {
    { "GB", 50.0, 58.7, -6.4, 1.8 },      { "US", 25.0, 49.0, -124.7, -67.0 },
    { "IN", 8.0, 35.0, 68.0, 97.4 },      { "AU", -39.0, -10.7, 113.0, 153.6 },
    { "CA", 42.0, 70.0, -141.0, -52.6 },  { "KE", -4.7, 5.0, 33.9, 41.9 },
    { "UG", -1.5, 4.2, 29.5, 35.0 },      { "CO", -4.2, 12.5, -79.0, -66.8 },
    { "PE", -18.4, 0.0, -81.3, -68.6 },   { "PT", 36.9, 42.2, -9.5, -6.2 },
    { "FR", 42.3, 51.1, -4.8, 8.2 },      { "NL", 50.7, 53.6, 3.3, 7.2 },
    { "DE", 47.2, 55.1, 5.8, 15.1 },      { "IL", 29.5, 33.3, 34.2, 35.9 },
    { "JP", 31.0, 45.6, 129.5, 145.8 },   { "KR", 34.3, 38.6, 126.0, 129.6 },
    { "ZA", -34.9, -22.1, 16.4, 32.9 },   { "SL", 6.9, 10.0, -13.3, -10.2 },
    { "CM", 1.6, 13.1, 8.4, 16.2 },       { "BR", -33.8, 5.3, -74.0, -34.8 },
    { "AR", -55.1, -21.7, -73.6, -53.6 }, { "NZ", -47.3, -34.4, 166.4, 178.6 },
    { "IE", 51.4, 55.4, -10.5, -6.0 },    { "GE", 41.0, 43.6, 40.0, 46.7 },
    { "CG", -5.1, 3.7, 11.1, 18.7 },      { "CD", -13.5, 5.4, 12.2, 31.3 },
    { "NE", 11.7, 23.5, 0.2, 16.0 },      { "NG", 4.2, 13.9, 2.7, 14.7 },
    { "GN", 7.2, 12.7, -15.1, -7.6 },     { "TD", 7.4, 23.5, 13.5, 24.0 },
    { "MX", 14.5, 32.7, -117.1, -86.7 },  { "CL", -56.0, -17.5, -75.7, -66.4 },
    { "NO", 57.9, 71.2, 4.6, 31.1 },      { "ES", 36.0, 43.8, -9.3, 3.3 },
    { "IT", 36.6, 47.1, 6.6, 18.5 },      { "PK", 23.6, 37.1, 60.9, 77.8 },
    { "BD", 20.7, 26.6, 88.0, 92.7 },     { "RW", -2.9, -1.0, 28.8, 30.9 },
    { "ET", 3.4, 14.9, 33.0, 48.0 },      { "GH", 4.7, 11.2, -3.3, 1.2 },
};

static void test_centroids_in_boxes(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BOXES / sizeof BOXES[0]; i++) {
        const box *b = &BOXES[i];
        const rt_country *c = rt_country_get(b->cc);
        assert_non_null(c);
        if (c->lat < b->lat0 || c->lat > b->lat1 || c->lon < b->lon0 || c->lon > b->lon1)
            fail_msg("%s centroid %f,%f outside %f..%f, %f..%f", b->cc, c->lat, c->lon, b->lat0,
                     b->lat1, b->lon0, b->lon1);
    }
}

/* ---------------------------------------------------------------- matching */

static rt_gazetteer *G;

static int setup(void **state)
{
    (void)state;
    return rt_gazetteer_new(&G, NULL);
}

static int teardown(void **state)
{
    (void)state;
    rt_gazetteer_free(G);
    return 0;
}

/* Matches joined as "surface=CC;..." (or "surface=CC/rule" with rules). */
typedef struct joined {
    const char *text;
    char out[2048];
    int rules;
} joined;

static int join(void *ctx, const rt_place_match *m)
{
    joined *j = ctx;
    size_t n = strlen(j->out);
    snprintf(j->out + n, sizeof j->out - n, "%s%.*s=%s%s%s", n ? ";" : "",
             (int)(m->end - m->start), j->text + m->start, m->country, j->rules ? "/" : "",
             j->rules ? m->rule : "");
    return 0;
}

static const char *match_text(const char *text, int rules, joined *j)
{
    memset(j, 0, sizeof *j);
    j->text = text;
    j->rules = rules;
    rt_geo_doc d = { { NULL, text, NULL }, { 0, strlen(text), 0 }, "en" };
    assert_int_equal(rt_gazetteer_match(G, &d, join, j, NULL), RT_OK);
    return j->out;
}

typedef struct mcase {
    const char *in, *want;
} mcase;

/* The ambiguity table: each row is one record's abstract and the matches wanted. */
static const mcase MATCHES[] = {
    /* acronyms: exact case */
    { "Social impact bonds in the US and the UK.", "US=US;UK=GB" },
    { "Let us see what works for us.", "" },
    { "The U.S. and the UK's programmes", "U.S=US;UK's=GB" },
    /* longest match wins */
    { "Papua New Guinea, Guinea-Bissau, Equatorial Guinea and Guinea",
      "Papua New Guinea=PG;Guinea-Bissau=GW;Equatorial Guinea=GQ;Guinea=GN" },
    { "Tests on guinea pigs, then a Guinea pig study in Guinea.", "Guinea=GN" },
    { "Niger and Nigeria, and the Niger Delta", "Niger=NE;Nigeria=NG;Niger Delta=NG" },
    { "New South Wales and Wales", "New South Wales=AU;Wales=GB" },
    { "New Mexico is not Mexico", "New Mexico=US;Mexico=MX" },
    { "New Jersey and New York", "New Jersey=US;New York=US" },
    /* Georgia: US with US context, else the country */
    { "Outcomes contracts in Georgia", "Georgia=GE" },
    { "Atlanta and rural Georgia", "Atlanta=US;Georgia=US" },
    { "A programme in Atlanta, Georgia", "Atlanta, Georgia=US" },
    { "Tbilisi, Georgia", "Tbilisi=GE;Georgia=GE" },
    /* Jersey: JE unless US context */
    { "The States of Jersey government", "The States of Jersey=JE" },
    { "Jersey and Chicago", "Jersey=US;Chicago=US" },
    /* Victoria: only with Australian or Canadian context */
    { "Victoria commissioned the bond", "" },
    { "Melbourne, Victoria", "Melbourne=AU;Victoria=AU" },
    { "Victoria, British Columbia", "Victoria, British Columbia=CA" },
    { "Victoria and Toronto", "Victoria=CA;Toronto=CA" },
    /* Washington: state or DC, the US either way */
    { "Washington State and Washington, D.C.", "Washington State=US;Washington, D.C=US" },
    /* Congo: Republic with Brazzaville, else the DRC */
    { "Health results in the Congo", "the Congo=CD" },
    { "Brazzaville, capital of the Congo", "Brazzaville=CG;the Congo=CG" },
    { "DRC and Congo-Brazzaville", "DRC=CD;Congo-Brazzaville=CG" },
    /* common words and personal names */
    { "Turkey and turkey sandwiches", "Turkey=TR" },
    { "Chad Smith wrote about Chad.", "Chad=TD" },
    { "Michael Jordan visited Jordan", "Jordan=JO" },
    { "Reading the report on Reading", "Reading=GB" },
    { "published in English, with English local authorities", "English=GB" },
    { "Latin America and American cities", "American=US" },
    { "SOCIAL IMPACT BONDS IN TURKEY: WHAT WORKS FOR US", "TURKEY=TR" },
    { "social impact bonds in kenya and the us", "kenya=KE" },
    /* places, institutions, demonyms, other languages */
    { "Peterborough, Essex and Greater Manchester", "Peterborough=GB;Essex=GB;Greater Manchester=GB" },
    { "the Ministry of Justice and the DWP", "Ministry of Justice=GB;DWP=GB" },
    { "Rajasthan (Bhilwara) and Salt Lake County", "Rajasthan=IN;Bhilwara=IN;Salt Lake County=US" },
    { "Kenyan and Colombian programmes; Kenya's DIB", "Kenyan=KE;Colombian=CO;Kenya's=KE" },
    { "Cameroun, Estados Unidos, Alemania et Royaume-Uni",
      "Cameroun=CM;Estados Unidos=US;Alemania=DE;Royaume-Uni=GB" },
    { "C\xC3\xB4te d'Ivoire or Cote d'Ivoire or Ivory Coast",
      "C\xC3\xB4te d'Ivoire=CI;Cote d'Ivoire=CI;Ivory Coast=CI" },
    { "en France et l'Inde", "France=FR;l'Inde=IN" },
    { "Bogot\xC3\xA1 and Bogota", "Bogot\xC3\xA1=CO;Bogota=CO" },
    /* currency signs: one-country signs are evidence, US$ is none (and hides "US") */
    { "outcome payments of \xC2\xA3" "2.5m", "\xC2\xA3=GB" },
    { "a US$10m bond in Kenya", "Kenya=KE" },
    { "R$ 5 milh\xC3\xB5" "es; A$7m; C$1m", "R$=BR;A$=AU;C$=CA" },
    { "\xC2\xA5" "300m in Shanghai", "\xC2\xA5=CN;Shanghai=CN" },
    { "\xC2\xA5" "300m", "\xC2\xA5=JP" },
    { "$5m and \xE2\x82\xAC" "3m", "" },
    /* common words elsewhere: German "des Landes", the Cabinet Office of Japan */
    { "mit Mitteln des Landes und des Bundes", "" },
    { "les Landes et la Gironde", "Landes=FR;Gironde=FR" },
    { "the Cabinet Office and Hiroshima", "Cabinet Office=JP;Hiroshima=JP" },
    { "the Cabinet Office and the DWP", "Cabinet Office=GB;DWP=GB" },
    /* public employment services and benefit agencies */
    { "referred by the IEFP, Kela, NAV or Hello Work", "IEFP=PT;Kela=FI;NAV=NO;Hello Work=JP" },
    { "nav bar; hello world", "" },
    { "English classes for refugees; English learners", "" },
    { "Latina mothers in Chicago", "Chicago=US" },
    { "Latina and Roma", "Latina=IT;Roma=IT" },
    { "Newcastle in KwaZulu-Natal", "Newcastle=ZA;KwaZulu-Natal=ZA" },
};

static void test_ambiguity_table(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof MATCHES / sizeof MATCHES[0]; i++) {
        joined j;
        const char *got = match_text(MATCHES[i].in, 0, &j);
        if (strcmp(got, MATCHES[i].want) != 0)
            fail_msg("case %zu '%s': got '%s', want '%s'", i, MATCHES[i].in, got, MATCHES[i].want);
    }
}

static void test_rules(void **state)
{
    (void)state;
    joined j;
    assert_string_equal(match_text("Atlanta and Georgia", 1, &j), "Atlanta=US/place;Georgia=US/context:US");
    assert_string_equal(match_text("Georgia", 1, &j), "Georgia=GE/default");
    assert_string_equal(match_text("Royaume-Uni", 1, &j), "Royaume-Uni=GB/name:fr");
    assert_string_equal(match_text("Kenya, UK, Kenyan, NHS", 1, &j),
                        "Kenya=KE/name;UK=GB/variant;Kenyan=KE/demonym;NHS=GB/institution");
    assert_true(rt_gazetteer_size(G) > 5000);
}

typedef struct spans {
    rt_place_match m[8];
    size_t n;
} spans;

static int keep(void *ctx, const rt_place_match *m)
{
    spans *s = ctx;
    if (s->n < 8)
        s->m[s->n++] = *m;
    return 0;
}

static void test_offsets_and_fields(void **state)
{
    (void)state;
    const char *title = "Bonds in  Greater\nManchester";
    const char *abs = "\xC3\x89tats-Unis; Kirklees.";
    rt_geo_doc d = { { title, abs, NULL }, { strlen(title), strlen(abs), 0 }, "fr" };
    spans s = { .n = 0 };
    assert_int_equal(rt_gazetteer_match(G, &d, keep, &s, NULL), RT_OK);
    assert_int_equal(s.n, 3);
    assert_int_equal(s.m[0].field, RT_GEO_TITLE);
    assert_int_equal(s.m[0].start, 10);
    assert_int_equal(s.m[0].end, strlen(title));
    assert_string_equal(s.m[0].name, "Greater Manchester");
    assert_int_equal(s.m[0].kind, RT_PLACE_PLACE);
    assert_int_equal(s.m[1].field, RT_GEO_ABSTRACT);
    assert_int_equal(s.m[1].start, 0);
    assert_int_equal(s.m[1].end, 11);
    assert_string_equal(s.m[1].country, "US");
    assert_int_equal(s.m[2].start, 13);
    assert_int_equal(s.m[2].end, 21);
    assert_string_equal(s.m[2].country, "GB");
    /* A record: the same through rt_gazetteer_match_record; the callback can stop the run. */
    rt_record rec;
    rt_record_init(&rec);
    rec.title = (char *)title;
    rec.abstract = (char *)abs;
    spans s2 = { .n = 0 };
    assert_int_equal(rt_gazetteer_match_record(G, &rec, keep, &s2, NULL), RT_OK);
    assert_int_equal(s2.n, 3);
    assert_memory_equal(&s2.m[2].start, &s.m[2].start, sizeof s.m[2].start);
    joined j = { .text = abs };
    assert_int_equal(rt_gazetteer_match(G, &d, join, &j, NULL), RT_OK);
}

static int stop_at_first(void *ctx, const rt_place_match *m)
{
    (void)m;
    ++*(int *)ctx;
    return 42;
}

static void test_callback_stops(void **state)
{
    (void)state;
    const char *t = "Kenya and Uganda";
    rt_geo_doc d = { { NULL, NULL, t }, { 0, 0, strlen(t) }, NULL };
    int calls = 0;
    assert_int_equal(rt_gazetteer_match(G, &d, stop_at_first, &calls, NULL), 42);
    assert_int_equal(calls, 1);
}

/* ---------------------------------------------------------------- combination */

typedef struct ccase {
    const char *name;
    rt_place_match m[4];
    size_t nm;
    const char *labels[3];
    double scores[3];
    int assigned[3];
    size_t nl;
    const char *want;   /* assigned codes, best first */
} ccase;

#define M(f, cc, k) { f, 0, 1, cc, "x", k, "name" }

static const ccase COMBOS[] = {
    { "nothing", { { 0 } }, 0, { NULL }, { 0 }, { 0 }, 0, "" },
    { "title mention", { M(RT_GEO_TITLE, "KE", RT_PLACE_COUNTRY) }, 1, { NULL }, { 0 }, { 0 }, 0, "KE" },
    { "two countries", { M(RT_GEO_ABSTRACT, "KE", RT_PLACE_PLACE), M(RT_GEO_ABSTRACT, "UG", RT_PLACE_COUNTRY) },
      2, { NULL }, { 0 }, { 0 }, 0, "KE UG" },
    { "incidental mention dropped",
      { M(RT_GEO_TITLE, "KE", RT_PLACE_COUNTRY), M(RT_GEO_ABSTRACT, "KE", RT_PLACE_COUNTRY),
        M(RT_GEO_TEXT, "GB", RT_PLACE_COUNTRY) }, 3, { NULL }, { 0 }, { 0 }, 0, "KE" },
    { "lone demonym in the body is too weak", { M(RT_GEO_TEXT, "FR", RT_PLACE_DEMONYM) }, 1,
      { NULL }, { 0 }, { 0 }, 0, "" },
    { "demonym + model agree", { M(RT_GEO_TEXT, "FR", RT_PLACE_DEMONYM) }, 1,
      { "FR", "GB" }, { 0.3, 0.1 }, { 0, 0 }, 2, "FR" },
    { "no place: the model decides", { { 0 } }, 0, { "GB", "US" }, { 0.7, 0.2 }, { 1, 0 }, 2, "GB" },
    { "no place, model unsure", { { 0 } }, 0, { "GB", "US" }, { 0.25, 0.2 }, { 0, 0 }, 2, "" },
    { "no place, model's best", { { 0 } }, 0, { "GB", "US" }, { 0.4, 0.2 }, { 0, 0 }, 2, "GB" },
    { "no place, decision below the floor", { { 0 } }, 0, { "CL", "US" }, { 0.01, 0.2 }, { 1, 0 }, 2, "" },
    { "places found: the gazetteer decides", { M(RT_GEO_ABSTRACT, "KE", RT_PLACE_COUNTRY) }, 1,
      { "US", "GB" }, { 0.8, 1.0 }, { 1, 1 }, 2, "KE" },
    { "unknown labels ignored", { { 0 } }, 0, { "XX", "gb" }, { 0.9, 0.9 }, { 1, 1 }, 2, "GB" },
};

static void test_combination_table(void **state)
{
    (void)state;
    rt_country_opts o = rt_country_defaults();
    for (size_t i = 0; i < sizeof COMBOS / sizeof COMBOS[0]; i++) {
        const ccase *c = &COMBOS[i];
        rt_country_score out[300];
        size_t n = 99;
        assert_int_equal(rt_country_combine(&o, c->m, c->nm, c->labels, c->scores, c->assigned,
                                            c->nl, out, 300, &n, NULL), RT_OK);
        char got[64] = "";
        for (size_t k = 0; k < n; k++) {
            assert_true(out[k].score >= 0 && out[k].score <= 1);
            if (k)
                assert_true(out[k - 1].score >= out[k].score);
            snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? " " : "", out[k].alpha2);
        }
        if (strcmp(got, c->want) != 0)
            fail_msg("combination '%s': got '%s', want '%s'", c->name, got, c->want);
    }
    rt_err err = { 0, "" };
    size_t n;
    assert_int_equal(rt_country_combine(&o, NULL, 1, NULL, NULL, NULL, 0, NULL, 0, &n, &err), RT_EINVAL);
    assert_int_equal(rt_country_combine(NULL, NULL, 0, NULL, NULL, NULL, 0, NULL, 0, &n, NULL), RT_EINVAL);
}

static void test_country_tag(void **state)
{
    (void)state;
    rt_record rec;
    rt_record_init(&rec);
    rec.title = (char *)"A social impact bond in Kirklees";
    rec.abstract = (char *)"Outcomes for people sleeping rough.";
    static const char *const labels[] = { "GB", "US" };
    static const double scores[] = { 0.2, 0.93 };
    static const unsigned decided[] = { 1 };
    rt_country_score out[300];
    size_t n;
    rt_country_opts o = rt_country_defaults();
    o.model_only = 0.9;
    assert_int_equal(rt_country_tag(G, &rec, &o, labels, scores, 2, decided, 1, out, 300, &n, NULL), RT_OK);
    assert_int_equal(n, 2);
    assert_string_equal(out[0].alpha2, "GB");
    assert_true(out[0].evidence > 0);
    assert_string_equal(out[1].alpha2, "US");
    assert_true(out[1].evidence == 0);
    assert_int_equal(rt_country_tag(G, &rec, NULL, labels, scores, 2, decided, 1, out, 300, &n, NULL), RT_OK);
    assert_int_equal(n, 1);
    assert_string_equal(out[0].alpha2, "GB");
    assert_int_equal(rt_country_tag(G, &rec, NULL, NULL, NULL, 0, NULL, 0, out, 300, &n, NULL), RT_OK);
    assert_int_equal(n, 1);
}

/* A record naming no place: its best country counts at local_top unless it reads cross-national. */
typedef struct scase {
    const char *title, *abstract;
    double gb;          /* model score of GB (US gets 0.02) */
    const char *want;   /* "GB" or "" */
} scase;

static const scase SCOPES[] = {
    { "Intensive support for care leavers", "Young people leaving care get a personal adviser.", 0.10, "GB" },
    { "Intensive support for care leavers", "Young people leaving care get a personal adviser.", 0.04, "" },
    { "A review of impact bonds", "What the evaluations say about outcomes.", 0.10, "" },
    { "Outcomes contracts", "A cross-national study of employment services.", 0.10, "" },
    { "Outcomes contracts", "Employment services in many countries.", 0.10, "" },
    { "GLOBAL EVIDENCE ON OUTCOMES FUNDS", NULL, 0.10, "" },
    { "Intensive support for care leavers", "In Leeds, young people get an adviser.", 0.10, "GB" },
    { "Outcomes contracts", "A review of employment services in Leeds.", 0.10, "GB" },
};

static void test_country_tag_scope(void **state)
{
    (void)state;
    static const char *const labels[] = { "GB", "US" };
    for (size_t i = 0; i < sizeof SCOPES / sizeof SCOPES[0]; i++) {
        rt_record rec;
        rt_record_init(&rec);
        rec.title = (char *)SCOPES[i].title;
        rec.abstract = (char *)SCOPES[i].abstract;
        double scores[2] = { SCOPES[i].gb, 0.02 };
        rt_country_score out[300];
        size_t n = 99;
        assert_int_equal(rt_country_tag(G, &rec, NULL, labels, scores, 2, NULL, 0, out, 300, &n, NULL),
                         RT_OK);
        const char *got = n ? out[0].alpha2 : "";
        if (n > 1 || strcmp(got, SCOPES[i].want) != 0)
            fail_msg("scope case %zu: got %zu country(ies) '%s', want '%s'", i, n, got, SCOPES[i].want);
    }
    /* local_top at model_top's value restores the old rule */
    rt_country_opts o = rt_country_defaults();
    o.local_top = o.model_top;
    rt_record rec;
    rt_record_init(&rec);
    rec.title = (char *)SCOPES[0].title;
    double scores[2] = { 0.10, 0.02 };
    rt_country_score out[300];
    size_t n = 99;
    assert_int_equal(rt_country_tag(G, &rec, &o, labels, scores, 2, NULL, 0, out, 300, &n, NULL), RT_OK);
    assert_int_equal(n, 0);
}

/* ---------------------------------------------------------------- allocation failures */

static void test_out_of_memory(void **state)
{
    (void)state;
    const char *t = "Peterborough, Georgia and Atlanta; Kenyan bonds in the UK";
    rt_geo_doc d = { { t, t, t }, { strlen(t), strlen(t), strlen(t) }, "en" };
    for (size_t n = 1; n < 100000; n += n < 300 ? 1 : 37) {
        rt_gazetteer *g = NULL;
        joined j = { .text = t };
        rt_err err = { 0, "" };
        failalloc_arm(n);
        int rc = rt_gazetteer_new(&g, &err);
        if (rc == RT_OK)
            rc = rt_gazetteer_match(g, &d, join, &j, &err);
        int fired = failalloc_fired();
        failalloc_arm(0);
        rt_gazetteer_free(g);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            assert_non_null(strstr(j.out, "Georgia=US"));
            return;
        }
        assert_int_equal(rc, RT_ENOMEM);
        assert_non_null(strstr(err.msg, "out of memory"));
    }
    fail_msg("allocation count did not converge");
}

static void test_country_tag_out_of_memory(void **state)
{
    (void)state;
    static const char *const labels[] = { "GB", "US" };
    static const double scores[] = { 0.1, 0.02 };
    rt_record rec;
    rt_record_init(&rec);
    rec.title = (char *)"Intensive support for care leavers";
    rec.abstract = (char *)"Young people leaving care get a personal adviser.";
    for (size_t k = 1; k < 1000; k++) {
        rt_country_score out[300];
        size_t n = 0;
        rt_err err = { 0, "" };
        failalloc_arm(k);
        int rc = rt_country_tag(G, &rec, NULL, labels, scores, 2, NULL, 0, out, 300, &n, &err);
        int fired = failalloc_fired();
        failalloc_arm(0);
        if (!fired) {
            assert_int_equal(rc, RT_OK);
            assert_int_equal(n, 1);
            assert_string_equal(out[0].alpha2, "GB");
            return;
        }
        assert_int_equal(rc, RT_ENOMEM);
        assert_non_null(strstr(err.msg, "out of memory"));
    }
    fail_msg("allocation count did not converge");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_iso_code),
        cmocka_unit_test(test_table_order_and_ranges),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_centroids_in_boxes),
        cmocka_unit_test(test_ambiguity_table),
        cmocka_unit_test(test_rules),
        cmocka_unit_test(test_offsets_and_fields),
        cmocka_unit_test(test_callback_stops),
        cmocka_unit_test(test_combination_table),
        cmocka_unit_test(test_country_tag),
        cmocka_unit_test(test_country_tag_scope),
        cmocka_unit_test(test_out_of_memory),
        cmocka_unit_test(test_country_tag_out_of_memory),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
