#!/usr/bin/env bash
# revtag tokens: same stems as Snowball's own stemwords on the same words;
# hostile input (invalid UTF-8, NUL bytes, a very long line) does not crash;
# errors name the file and give the documented exit status.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 1. English prose: revtag's stems == stemwords -l english on the lower-cased words.
prose=$SRC/tests/data/prose_en.txt
"$REVTAG" tokens --no-numbers "$prose" > "$TMP/revtag.txt" || fail "tokens exited $?"
tr 'A-Z' 'a-z' < "$prose" | grep -oE "[a-z]+('[a-z]+)*" > "$TMP/words.txt"
stemwords -l english -i "$TMP/words.txt" -o "$TMP/stemwords.txt" || fail "stemwords failed"
[ "$(wc -l < "$TMP/revtag.txt")" -gt 80 ] || fail "too few tokens"
diff "$TMP/revtag.txt" "$TMP/stemwords.txt" || fail "revtag tokens differs from stemwords"

# 2. Hostile input: invalid UTF-8, NUL bytes and a 5 MB line.
printf 'good\xff\xfe words\x00 here \xc3\x28 end\n' > "$TMP/bad.txt"
head -c 5000000 /dev/zero | tr '\0' 'a' >> "$TMP/bad.txt"
printf ' tail of the long line\n' >> "$TMP/bad.txt"
"$REVTAG" tokens "$TMP/bad.txt" > "$TMP/bad.out" 2> "$TMP/bad.err" || fail "hostile input: exit $?"
[ "$(head -3 "$TMP/bad.out" | tr '\n' ' ')" = "good word here " ] || fail "hostile input tokens: $(head -3 "$TMP/bad.out")"
grep -q 'invalid UTF-8' "$TMP/bad.err" || fail "invalid UTF-8 not reported"
grep -q 'tail' "$TMP/bad.out" || fail "text after the long token lost"

# 3. Languages, options and errors.
[ "$(echo "L'évaluation des contrats" | "$REVTAG" tokens --lang fr --stopwords | tr '\n' ' ')" = "évalu contrat " ] \
  || fail "French elision/stemming"
[ "$(echo "Payment-by-Results" | "$REVTAG" tokens --no-stem | tr '\n' ' ')" = "payment by results " ] \
  || fail "hyphen split"
"$REVTAG" tokens "$TMP/missing.txt" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "missing file: exit $rc, want 1"
grep -q "missing.txt" "$TMP/err" || fail "missing file not named: $(cat "$TMP/err")"
[ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "error is not one line"
"$REVTAG" tokens --lang xx < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown language: exit $rc, want 2"
"$REVTAG" tokens --bogus < /dev/null 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc, want 2"
"$REVTAG" frobnicate 2> /dev/null; rc=$?
[ $rc -eq 2 ] || fail "unknown command: exit $rc, want 2"
"$REVTAG" --version | grep -qE '^revtag [0-9]+\.[0-9]+\.[0-9]+$' || fail "--version"
"$REVTAG" help tokens | grep -q -- '--no-stem' || fail "help tokens"
echo "1 passed, 0 failed"
