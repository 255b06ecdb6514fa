#!/usr/bin/env bash
# revtag index: records from JSONL and CSV go in with manual and predicted
# labels; re-indexing replaces; a run is one transaction: a bad record, or a
# run killed midway (kill -9 while it waits on a FIFO), leaves the store as
# it was; --skip-bad goes on; usage errors exit 2.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
PID=
trap '[ -n "$PID" ] && kill -9 $PID 2>/dev/null; rm -rf "$TMP"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3
REC=$SRC/tests/data/store/records.jsonl
DB=$TMP/s.db
total() { "$REVTAG" search -d "$1" -n 0 --json "${@:2}" | $PY -c 'import json,sys; print(json.load(sys.stdin)["total"])'; }
snapshot() { "$REVTAG" search -d "$1" -n 100000 --json | md5sum; }

# 1. Load, reload (no duplicates), replace one record.
"$REVTAG" index -d "$DB" "$REC" 2> "$TMP/err" || fail "index exited $?: $(cat "$TMP/err")"
grep -q "12 record(s) indexed, 0 skipped, 12 in the store" "$TMP/err" || fail "summary: $(cat "$TMP/err")"
[ "$(total "$DB")" = 12 ] || fail "12 records expected"
[ "$(total "$DB" --source predicted --facet country=IN)" = 1 ] || fail "predicted label not stored"
"$REVTAG" index -q -d "$DB" "$REC" || fail "re-index exited $?"
[ "$(total "$DB")" = 12 ] || fail "re-index duplicated records"
sed -n 2p "$REC" | sed 's/Work Programme/Flexible New Deal/; s/"GB"/"IE"/' > "$TMP/one.jsonl"
"$REVTAG" index -q -d "$DB" - < "$TMP/one.jsonl" || fail "index stdin exited $?"
[ "$(total "$DB")" = 12 ] || fail "replacing a record changed the count"
[ "$(total "$DB" '"work programme"')" = 0 ] || fail "old title still indexed"
[ "$(total "$DB" '"flexible new deal"')" = 1 ] || fail "new title not indexed"
[ "$(total "$DB" --facet country=IE)" = 1 ] || fail "labels not replaced"

# 2. Other formats: CSV through the same readers.
printf 'id,title,abstract,label:country\nc-1,"Outcomes fund, Sierra Leone","Education outcomes, paid",SL\n' > "$TMP/r.csv"
"$REVTAG" index -q -d "$DB" "$TMP/r.csv" || fail "CSV exited $?"
[ "$(total "$DB" --facet country=SL)" = 1 ] || fail "CSV record not indexed"

# 3. A bad record stops the run and nothing of it is stored; --skip-bad goes on.
before=$(snapshot "$DB")
{ sed -n 1,3p "$REC" | sed 's/"s-0/"b-0/'; echo '{"id": "b-bad", "title": "x", "predicted": {"theme": "oops"}}';
  echo '{"id": "b-last", "title": "after the bad one"}'; } > "$TMP/bad.jsonl"
"$REVTAG" index -d "$DB" "$TMP/bad.jsonl" 2> "$TMP/err"; rc=$?
[ $rc -eq 1 ] || fail "bad record: exit $rc, want 1"
[ "$(wc -l < "$TMP/err")" -eq 1 ] && grep -q "bad.jsonl:4: record 'b-bad': predicted.theme" "$TMP/err" \
  || fail "bad record message: $(cat "$TMP/err")"
[ "$(snapshot "$DB")" = "$before" ] || fail "a failed run changed the store"
"$REVTAG" index -d "$DB" --skip-bad "$TMP/bad.jsonl" 2> "$TMP/err" || fail "--skip-bad exited $?"
grep -q "skipped: .*bad.jsonl:4" "$TMP/err" && grep -q "4 record(s) indexed, 1 skipped" "$TMP/err" \
  || fail "--skip-bad report: $(cat "$TMP/err")"
[ "$(total "$DB")" = 17 ] || fail "--skip-bad: $(total "$DB") records, want 17"

# 4. Killed midway: the run has written uncommitted pages to the WAL and waits on a FIFO.
before=$(snapshot "$DB")
$PY - "$TMP/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as fp:
    for i in range(8000):
        fp.write(json.dumps({"id": "k-%04d" % i, "title": "killed run record %d" % i,
                             "abstract": "An outcomes contract paid on results, number %d." % i,
                             "labels": {"country": ["GB"]}}) + "\n")
PY
mkfifo "$TMP/fifo"
"$REVTAG" index -q -d "$DB" "$TMP/fifo" & PID=$!
exec 3> "$TMP/fifo"
cat "$TMP/big.jsonl" >&3     # 8000 records: more than SQLite's page cache holds
for i in $(seq 100); do      # wait until uncommitted pages have spilled into the WAL
  [ -s "$DB-wal" ] && [ "$(stat -c %s "$DB-wal")" -gt 100000 ] && break; sleep 0.1
done
[ "$(stat -c %s "$DB-wal")" -gt 100000 ] || fail "the run wrote no pages before the kill"
[ "$(snapshot "$DB")" = "$before" ] || fail "an open run is visible to readers"
kill -9 $PID; wait $PID 2>/dev/null; PID=
exec 3>&-
[ "$(snapshot "$DB")" = "$before" ] || fail "a killed run changed the store"
[ "$(total "$DB" killed)" = 0 ] || fail "records of the killed run are searchable"
"$REVTAG" index -q -d "$DB" "$TMP/big.jsonl" || fail "index after the kill exited $?"
[ "$(total "$DB")" = 8017 ] || fail "after the kill: $(total "$DB") records, want 8017"

# 5. -m MODEL stores what `revtag classify -m MODEL | revtag index -` stores.
"$REVTAG" train -f policy_area -f approach -f country --cv 2 -o "$TMP/m.bin" "$REC" 2> /dev/null \
  || fail "train exited $?"
"$REVTAG" classify -m "$TMP/m.bin" "$REC" | "$REVTAG" index -q -d "$TMP/a.db" - || fail "classify | index"
"$REVTAG" index -q -d "$TMP/b.db" -m "$TMP/m.bin" "$REC" || fail "index -m exited $?"
"$REVTAG" export -d "$TMP/a.db" -f json > "$TMP/a.json"
"$REVTAG" export -d "$TMP/b.db" -f json | sed 's/,"model":"m.bin"//g' > "$TMP/b.json"
grep -q '"predicted":{"approach"' "$TMP/a.json" || fail "no predictions stored"
cmp -s "$TMP/a.json" "$TMP/b.json" || fail "index -m differs from classify | index"
"$REVTAG" export -d "$TMP/b.db" -f csv | grep -q '"country","GB","predicted",' || fail "-m labels"
"$REVTAG" index -d "$TMP/c.db" -m "$TMP/missing.bin" "$REC" 2> /dev/null; [ $? -eq 1 ] || fail "missing model"

# 6. Usage and input errors.
"$REVTAG" index "$REC" 2> /dev/null; [ $? -eq 2 ] || fail "no -d: want exit 2"
"$REVTAG" index -d "$DB" 2> /dev/null; [ $? -eq 2 ] || fail "no FILE: want exit 2"
"$REVTAG" index -d "$DB" --format docx "$REC" 2> /dev/null; [ $? -eq 2 ] || fail "bad --format"
"$REVTAG" index -d "$DB" "$TMP/missing.jsonl" 2> "$TMP/err"; [ $? -eq 1 ] || fail "missing input"
grep -q "missing.jsonl" "$TMP/err" || fail "missing input not named"
echo "not sqlite" > "$TMP/not.db"
"$REVTAG" index -d "$TMP/not.db" "$REC" 2> "$TMP/err"; [ $? -eq 1 ] || fail "not a database"
grep -q "not.db" "$TMP/err" || fail "bad database not named: $(cat "$TMP/err")"
"$REVTAG" help index | grep -q -- '--skip-bad' || fail "help"
echo "1 passed, 0 failed"
