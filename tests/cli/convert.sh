#!/usr/bin/env bash
# revtag convert: every fixture format gives its golden JSONL; output is valid
# JSON and converting it again changes nothing; a bad record anywhere means
# exit 1, one "revtag convert: FILE:LINE: ..." line and no output at all;
# --skip-bad, --format, --columns, --label-sep, stdin and usage errors.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
D=$SRC/tests/data/reader
fail() { echo "FAIL: $*"; exit 1; }
cd "$D" || fail "no fixtures"

# 1. Golden conversions of reviewers' exports (RIS, BibTeX, CSV/TSV) and JSONL.
n=0
for exp in expected/*.jsonl; do
  f=$(basename "$exp" .jsonl)
  "$REVTAG" convert "$f" > "$TMP/out" 2> "$TMP/err" || fail "$f: exit $? ($(cat "$TMP/err"))"
  diff "$exp" "$TMP/out" > "$TMP/diff" || fail "$f differs from $exp: $(head -5 "$TMP/diff")"
  [ -s "$TMP/err" ] && fail "$f: unexpected stderr: $(cat "$TMP/err")"
  # idempotent: the JSONL output reads back to itself
  "$REVTAG" convert < "$TMP/out" > "$TMP/again" || fail "$f: reconverting failed"
  cmp -s "$TMP/out" "$TMP/again" || fail "$f: converting the output again changed it"
  n=$((n + 1))
done
[ $n -ge 15 ] || fail "only $n golden files"
"$REVTAG" convert normalised.jsonl | cmp -s - normalised.jsonl || fail "normalised.jsonl round trip"
cat expected/*.jsonl | /usr/bin/python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    assert isinstance(r["id"], str) and r["id"]
    assert any(r.get(k) for k in ("title", "abstract", "text"))
    for facet, labels in r.get("labels", {}).items():
        assert isinstance(labels, list) and all(isinstance(l, str) and l for l in labels)
' || fail "golden output is not valid record JSON"

# 2. Malformed input: exit 1, one line naming FILE:LINE, and nothing on stdout even
#    when good records came first.
check_bad() {   # FILE EXPECTED-MESSAGE [OPTIONS...]
  local f=$1 msg=$2; shift 2
  "$REVTAG" convert "$@" "$f" > "$TMP/out" 2> "$TMP/err"; local rc=$?
  [ $rc -eq 1 ] || fail "$f: exit $rc, want 1"
  [ ! -s "$TMP/out" ] || fail "$f: partial output on error: $(head -c 200 "$TMP/out")"
  [ "$(wc -l < "$TMP/err")" -eq 1 ] || fail "$f: error is not one line: $(cat "$TMP/err")"
  grep -qF "revtag convert: $f:$msg" "$TMP/err" || fail "$f: got '$(cat "$TMP/err")', want '$msg'"
}
check_bad bad_syntax.jsonl "2:33: '}' expected near end of file"
check_bad bad_labels_string.jsonl '1:32: "labels": facet "country" must be a list'
check_bad bad_year_text.jsonl '1:30: "year" must be a year'
check_bad bad_no_id.jsonl "1: record has no id"
check_bad bad_no_text.jsonl "1: record 'a' has no title, abstract or text"
check_bad bad_ris_as_jsonl.txt "1:2: '[' or '{' expected near 'TY' (this looks like RIS: use --format ris)"
check_bad bad_quote.csv "3: malformed CSV"
check_bad ragged.csv "3: row has 2 field(s), the header has 3"
check_bad unclosed.csv "3: quoted field not closed before the end of the file"
check_bad latin1.csv "3: column 'title' is not valid UTF-8"
check_bad no_text_column.csv "1: no title, abstract or text column"
check_bad bad_no_er.ris "6: record has no 'ER  - ' before the next 'TY  - ' on line 10"
check_bad bad_eof.ris "6: record has no 'ER  - ' before the end of the file"
check_bad bad_outside.ris "6: 'AU' tag outside a record"
check_bad bad_latin1.ris "2: TI value is not valid UTF-8"
check_bad bad_unclosed.bib "6: entry not closed: '}' missing"
check_bad bad_macro.bib "3: undefined @string macro 'jpam'"
check_bad bad_comma.bib "3: expected ',' or the end of the entry after a value"
check_bad bad_dup_field.bib "3: field 'title' given twice in entry 'd1'"
check_bad pipes.csv " column mapping: no column 'Nope' in the header" --columns label:country=Nope

# A bad file after a good one: still no output.
"$REVTAG" convert labelled.csv zotero.ris bad_eof.ris > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && [ ! -s "$TMP/out" ] || fail "bad last file: exit $rc, $(wc -c < "$TMP/out") bytes out"

# 3. --skip-bad: good records out, the count and the first error on stderr, exit 0.
"$REVTAG" convert --skip-bad ragged.csv bad_no_er.ris bad_comma.bib > "$TMP/out" 2> "$TMP/err" \
  || fail "--skip-bad: exit $?"
[ "$(cut -d'"' -f4 "$TMP/out" | tr '\n' ' ')" = "a1 a4 1 3 c2 " ] || fail "--skip-bad records: $(cat "$TMP/out")"
grep -q "revtag convert: 2 malformed record(s) skipped; the first: ragged.csv:3:" "$TMP/err" \
  || fail "--skip-bad count: $(cat "$TMP/err")"
[ "$(grep -c 'skipped' "$TMP/err")" -eq 3 ] || fail "--skip-bad: one count line per file"

# 4. Options: --format, stdin, --columns and --label-sep.
"$REVTAG" convert --format ris < zotero.ris | cmp -s - expected/zotero.ris.jsonl || fail "stdin --format ris"
"$REVTAG" convert -f ris bad_ris_as_jsonl.txt | grep -q '"title":"t"' || fail "--format ris on .txt"
"$REVTAG" convert wos_savedrecs.txt > /dev/null 2> "$TMP/err"
grep -q "(this looks like TSV: use --format tsv)" "$TMP/err" || fail "TSV hint: $(cat "$TMP/err")"
[ "$("$REVTAG" convert -f tsv wos_savedrecs.txt | cut -d'"' -f4 | tr '\n' ' ')" = "WOS:000418781500002 WOS:000418781500003 " ] \
  || fail "Web of Science export"
"$REVTAG" convert --label-sep '|' --columns 'label:country=Countries,label:policy_area=Sectors' pipes.csv \
  > "$TMP/out" || fail "pipes.csv: exit $?"
grep -qF '"labels":{"country":["KE","UG"],"policy_area":["Poverty reduction"]}' "$TMP/out" || fail "label mapping: $(cat "$TMP/out")"

# 5. Usage and I/O errors.
"$REVTAG" convert --format xml zotero.ris > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--format xml: exit $rc, want 2"
"$REVTAG" convert --label-sep '' pipes.csv > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "--label-sep '': exit $rc, want 2"
"$REVTAG" convert --bogus > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc, want 2"
"$REVTAG" convert "$TMP/missing.ris" > /dev/null 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q "missing.ris: cannot open" "$TMP/err" || fail "missing file: exit $rc, $(cat "$TMP/err")"
"$REVTAG" help convert | grep -q -- '--skip-bad' || fail "help convert"

# Windows-1252 (Excel's "CSV" on Windows): an error naming the line without
# --encoding, the same records as UTF-8 with it; a byte cp1252 lacks is an error.
printf 'id,title,year\r\nw1,Caf\xe9 \x93outcomes\x94 \x80 5m \x96 na\xefve,2019\r\nw2,Plain,2020\r\n' > "$TMP/w.csv"
"$REVTAG" convert "$TMP/w.csv" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'w.csv:2: ' "$TMP/err" && [ ! -s "$TMP/out" ] \
  || fail "cp1252 without --encoding: exit $rc, $(cat "$TMP/err")"
"$REVTAG" convert --encoding windows-1252 "$TMP/w.csv" > "$TMP/out" 2> "$TMP/err" \
  || fail "--encoding windows-1252: exit $?, $(cat "$TMP/err")"
printf 'id,title,year\nw1,Caf\xc3\xa9 \xe2\x80\x9coutcomes\xe2\x80\x9d \xe2\x82\xac 5m \xe2\x80\x93 na\xc3\xafve,2019\nw2,Plain,2020\n' > "$TMP/u.csv"
"$REVTAG" convert "$TMP/u.csv" > "$TMP/want" || fail "UTF-8 twin"
cmp -s "$TMP/out" "$TMP/want" || fail "cp1252 converted differs from UTF-8: $(cat "$TMP/out")"
"$REVTAG" convert --encoding latin1 "$TMP/w.csv" | grep -q "$(printf 'Caf\xc3\xa9')" || fail "latin1"
printf 'id,title\nx1,ok\nx2,bad \x81 byte\n' > "$TMP/b.csv"
"$REVTAG" convert --encoding cp1252 "$TMP/b.csv" > "$TMP/out" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] && grep -q 'b.csv:3: byte 0x81 is not a Windows-1252 character' "$TMP/err" \
  && [ ! -s "$TMP/out" ] || fail "undefined cp1252 byte: exit $rc, $(cat "$TMP/err")"
"$REVTAG" convert --encoding ebcdic "$TMP/u.csv" > /dev/null 2>&1; rc=$?
[ $rc -eq 2 ] || fail "unknown encoding: exit $rc, want 2"
"$REVTAG" classify --help | grep -q -- '--encoding' || fail "classify --help lacks --encoding"
echo "1 passed, 0 failed"
