/*
 * test_atomic.c - atomic writes: the target appears only on commit, an
 * abandoned write leaves the old file and no temporary behind.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "revtag/atomic.h"
#include "testutil.h"

static size_t files_in(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

static void test_commit_and_abandon(void **state)
{
    (void)state;
    char dir[] = "/tmp/rt_atomicXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.txt", dir);

    rt_atomic *a;
    assert_int_equal(rt_atomic_new(path, &a, NULL), RT_OK);
    fputs("first", rt_atomic_fp(a));
    assert_int_equal(access(path, F_OK), -1);          /* not visible before commit */
    assert_int_equal(rt_atomic_commit(a, NULL), RT_OK);
    rt_atomic_free(a);
    char *s = tu_read_file(path, NULL);
    assert_string_equal(s, "first");
    free(s);

    assert_int_equal(rt_atomic_new(path, &a, NULL), RT_OK);
    fputs("second, abandoned", rt_atomic_fp(a));
    rt_atomic_free(a);                                  /* no commit */
    s = tu_read_file(path, NULL);
    assert_string_equal(s, "first");
    free(s);
    assert_int_equal(files_in(dir), 1);                 /* no temporary left */

    remove(path);
    rmdir(dir);
}

static void test_file_mode(void **state)
{
    (void)state;
    char dir[] = "/tmp/rt_atomicXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/m.txt", dir);
    mode_t old = umask(027);
    rt_atomic *a;
    struct stat st;
    assert_int_equal(rt_atomic_new(path, &a, NULL), RT_OK);    /* new file: 0666 & ~umask */
    assert_int_equal(rt_atomic_commit(a, NULL), RT_OK);
    rt_atomic_free(a);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0640);
    assert_int_equal(chmod(path, 0604), 0);                      /* existing file keeps its mode */
    assert_int_equal(rt_atomic_new(path, &a, NULL), RT_OK);
    assert_int_equal(rt_atomic_commit(a, NULL), RT_OK);
    rt_atomic_free(a);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0604);
    umask(old);
    remove(path);
    rmdir(dir);
}

static void test_unwritable_dir(void **state)
{
    (void)state;
    rt_atomic *a = NULL;
    rt_err err = { 0, "" };
    assert_int_equal(rt_atomic_new("/nonexistent-dir/x.json", &a, &err), RT_EIO);
    assert_null(a);
    assert_non_null(strstr(err.msg, "/nonexistent-dir/x.json"));
    rt_atomic_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_commit_and_abandon),
        cmocka_unit_test(test_file_mode),
        cmocka_unit_test(test_unwritable_dir),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
