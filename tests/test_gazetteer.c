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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_iso_code),
        cmocka_unit_test(test_table_order_and_ranges),
        cmocka_unit_test(test_unknown_codes),
        cmocka_unit_test(test_centroids_in_boxes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
