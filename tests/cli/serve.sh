#!/usr/bin/env bash
# revtag serve: the JSON API answers as `revtag search --json` does for the
# same query and filters; records, exports, countries, explanations with -m
# MODEL, the page's files;
# 400/403/404/405; read-only store; clean stop on SIGINT and SIGTERM; usage.
set -uo pipefail
REVTAG=$1 SRC=$2 TMP=$(mktemp -d)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2> /dev/null; done; rm -rf "$TMP"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v curl > /dev/null || fail "curl not found"
npass=0
ok() { npass=$((npass + 1)); }

# Start `revtag serve ARGS...` with its stderr in $TMP/$NAME.err; sets URL, PORT and PID.
start() {
  local name=$1; shift
  "$REVTAG" serve "$@" 2> "$TMP/$name.err" &
  PID=$!
  PIDS+=("$PID")
  for _ in $(seq 400); do
    URL=$(sed -n 's/^revtag serve: \(http:.*\)$/\1/p' "$TMP/$name.err")
    PORT=${URL##*:}; PORT=${PORT%/}
    [ -n "$URL" ] && return 0
    kill -0 "$PID" 2> /dev/null || fail "serve $*: exited: $(cat "$TMP/$name.err")"
    sleep 0.05
  done
  fail "serve $*: no URL printed"
}
# GET PATH: body in $TMP/body, headers in $TMP/head; prints the status.
get() { curl -s -g -o "$TMP/body" -D "$TMP/head" -w '%{http_code}' "$@"; }
# Turn the API's snippet marks (U+E000, U+E001) into the CLI's [ ].
marks() { sed 's/\xee\x80\x80/[/g; s/\xee\x80\x81/]/g' "$@"; }

DB=$TMP/web.db
"$REVTAG" index -q -d "$DB" "$SRC/tests/data/web/records.jsonl" || fail "index"
sum_before=$(sha256sum < "$DB")
start main -d "$DB" --port 0
[[ $URL =~ ^http://127\.0\.0\.1:[0-9]+/$ ]] || fail "URL '$URL' is not on 127.0.0.1"

# 1. /api/search is `revtag search --json` for the same arguments.
check_search() {   # QUERYSTRING -- CLI ARGS...
  local qs=$1; shift
  [ "$(get "${URL}api/search?$qs")" = 200 ] || fail "search $qs: $(cat "$TMP/body")"
  grep -qi '^content-type: application/json' "$TMP/head" || fail "search $qs: content type"
  "$REVTAG" search -d "$DB" --json "$@" > "$TMP/cli.json" || fail "cli search $*"
  diff <(marks "$TMP/body"; echo) "$TMP/cli.json" > "$TMP/diff" || fail "search $qs differs from CLI: $(head -c 600 "$TMP/diff")"
  ok
}
check_search "" 
check_search "q=outcomes" -- outcomes
check_search "q=transaction%20costs&limit=2" -n 2 -- transaction costs
check_search "q=%22impact%20bond%22%20NOT%20health" -- '"impact bond" NOT health'
check_search "q=bond*&facet=country:GB&facet=country:US" --facet country=GB --facet country=US -- 'bond*'
check_search "facet=approach:social%20impact%20bond&facet=country:US" --facet 'approach=social impact bond' --facet country=US
check_search "source=predicted&min_score=0.8" --source predicted --min-score 0.8
check_search "source=manual&limit=3&offset=2" --source manual -n 3 --offset 2
check_search "limit=0&facet=theme:costs%20and%20transaction%20costs" -n 0 --facet 'theme=costs and transaction costs'
check_search "q=contrat&lang=fr" --lang fr -- contrat
grep -q $'\xee\x80\x80' <(curl -s "${URL}api/search?q=outcomes") || fail "API snippets carry no U+E000 marks"

# 2. Errors: bad FTS5 syntax and bad arguments are 400 with a JSON message.
for qs in 'q=%22unbalanced' 'q=AND%20AND' 'min_score=2' 'min_score=x' 'limit=-1' 'limit=1.5' \
          'limit=99999' 'facet=nocolon' 'facet=:x' 'source=robot' 'bogus=1' 'q=x&lang=xx'; do
  code=$(get "${URL}api/search?$qs")
  [ "$code" = 400 ] || fail "search $qs: status $code, want 400"
  grep -q '^{"error":"..*"}$' "$TMP/body" || fail "search $qs: body $(cat "$TMP/body")"
  ok
done
get "${URL}api/search?q=%22unbalanced" > /dev/null
grep -q 'unterminated' "$TMP/body" || fail "syntax error message: $(cat "$TMP/body")"

# 3. Records: JSON with both kinds of labels; 404 when absent.
[ "$(get "${URL}api/record/web-02")" = 200 ] || fail "record web-02"
grep -q '"id":"web-02"' "$TMP/body" && grep -q '"labels":{' "$TMP/body" && grep -q '"predicted":{' "$TMP/body" \
  || fail "record web-02 body: $(cat "$TMP/body")"
[ "$(get "${URL}api/record/nope")" = 404 ] || fail "missing record not 404"
grep -q '"error"' "$TMP/body" || fail "missing record: no JSON error"
[ "$(get "${URL}api/record/")" = 404 ] || fail "empty record id not 404"
ok

# 4. The page's files, with their types and the page's security policy.
for f in "/ text/html" "/index.html text/html" "/app.js text/javascript" "/style.css text/css"; do
  set -- $f
  [ "$(get "${URL%/}$1")" = 200 ] || fail "GET $1"
  grep -qi "^content-type: $2" "$TMP/head" || fail "$1: content type $(grep -i content-type "$TMP/head")"
  grep -qi "^content-security-policy: default-src 'none'" "$TMP/head" || fail "$1: no CSP"
  ok
done
get "${URL}" > /dev/null
grep -q '<script src="app.js"' "$TMP/body" || fail "index.html does not load app.js"
grep -Eq '(src|href)="(https?:)?//' "$TMP/body" && fail "index.html loads something from another host"
[ "$(curl -s -I -o /dev/null -w '%{http_code}' "${URL}")" = 200 ] || fail "HEAD /"
[ "$(get "${URL}api/countries")" = 200 ] || fail "countries"
grep -q '{"code":"GB","name":"United Kingdom","lat":[0-9.-]*,"lon":[0-9.-]*}' "$TMP/body" || fail "countries body"
ok

# 5. Unknown paths 404, other methods 405 with Allow, foreign Host 403.
for p in nope api api/ api/searchx api/record app.js/x ../etc/passwd; do
  [ "$(get "${URL}$p")" = 404 ] || fail "GET /$p not 404"
done
for m in POST PUT DELETE PATCH; do
  [ "$(get -X "$m" "${URL}api/search")" = 405 ] || fail "$m not 405"
  grep -qi '^allow: GET, HEAD' "$TMP/head" || fail "$m: no Allow header"
done
[ "$(get -X POST --data 'q=x' "${URL}")" = 405 ] || fail "POST with a body not 405"
[ "$(get -H 'Host: evil.example' "${URL}api/search")" = 403 ] || fail "foreign Host not refused"
[ "$(get -H "Host: localhost:$PORT" "${URL}api/search")" = 200 ] || fail "Host localhost refused"
ok

# 6. Exports: the right type, the records the same filters select.
[ "$(get "${URL}api/export?format=bogus")" = 400 ] || fail "export bad format not 400"
for f in "csv text/csv" "json application/json" "geojson application/geo+json" "ris application/x-research-info-systems"; do
  set -- $f
  code=$(get "${URL}api/export?format=$1&facet=country:GB")
  [ "$code" = 200 ] || fail "export $1: $code $(head -c 300 "$TMP/body")"
  grep -qi "^content-type: $2" "$TMP/head" || fail "export $1: $(grep -i content-type "$TMP/head")"
  "$REVTAG" export -d "$DB" --format "$1" --facet country=GB > "$TMP/cli.out" || fail "cli export $1"
  cmp -s "$TMP/body" "$TMP/cli.out" || fail "export $1 differs from revtag export"
  ok
done
[ "$(get "${URL}api/export?format=csv&q=%22bad")" = 400 ] || fail "export bad query not 400"
for qs in "format=geojson&per_record=1 --per-record" "format=csv&wide=1 --wide" \
          "format=json&q=outcomes&source=manual --source manual outcomes"; do
  read -r args rest <<< "$qs"
  [ "$(get "${URL}api/export?$args")" = 200 ] || fail "export $args: $(head -c 300 "$TMP/body")"
  grep -qi '^content-disposition: attachment; filename="revtag\.' "$TMP/head" || fail "export $args: no file name"
  fmt=${args#format=}; fmt=${fmt%%&*}
  "$REVTAG" export -d "$DB" --format "$fmt" $rest > "$TMP/cli.out" || fail "cli export $qs"
  cmp -s "$TMP/body" "$TMP/cli.out" || fail "export $args differs from revtag export $rest"
  ok
done
for qs in "format=csv&per_record=1" "format=json&wide=1" "format=csv&limit=5" "format=csv&wide=2" "q=x"; do
  [ "$(get "${URL}api/export?$qs")" = 400 ] || fail "export $qs not 400"
done

# 7. Many clients at once get the same answers.
par=()
for i in $(seq 24); do curl -s "${URL}api/search?q=outcomes&limit=5" > "$TMP/par.$i" & par+=($!); done
wait "${par[@]}"
for i in $(seq 2 24); do cmp -s "$TMP/par.1" "$TMP/par.$i" || fail "parallel answer $i differs"; done
ok

# 8. Clean stop on SIGTERM and SIGINT; the store is untouched.
kill -TERM "$PID"; wait "$PID"; rc=$?
[ $rc = 0 ] || fail "SIGTERM: exit $rc"
grep -q 'stopping' "$TMP/main.err" || fail "SIGTERM: no message"
start int -d "$DB" --port 0
kill -INT "$PID"; wait "$PID"; rc=$?
[ $rc = 0 ] || fail "SIGINT: exit $rc"
[ "$(sha256sum < "$DB")" = "$sum_before" ] || fail "serving changed the store"
ok

# 9. Ids with slashes and spaces reach /api/record percent-encoded.
printf '{"id": "doi:10.1000/a b", "title": "Slash"}\n' > "$TMP/odd.jsonl"
"$REVTAG" index -q -d "$TMP/odd.db" "$TMP/odd.jsonl" || fail "index odd"
start odd -d "$TMP/odd.db" --port 0 --threads 1
[ "$(get "${URL}api/record/doi%3A10.1000%2Fa%20b")" = 200 ] || fail "encoded id: $(cat "$TMP/body")"
grep -q '"id":"doi:10.1000/a b"' "$TMP/body" || fail "encoded id body"
# The port is taken: a second server fails with one line.
"$REVTAG" serve -d "$TMP/odd.db" --port "$PORT" 2> "$TMP/err" & p2=$!
PIDS+=("$p2")
wait "$p2"; rc=$?
[ $rc = 1 ] || fail "port in use: exit $rc"
[ "$(wc -l < "$TMP/err")" = 1 ] && grep -q 'cannot listen' "$TMP/err" || fail "port in use: $(cat "$TMP/err")"
kill -TERM "$PID"; wait "$PID"
ok

# 10. With -m MODEL, /api/explain gives the words behind each predicted label.
"$REVTAG" train -q -f policy_area -o "$TMP/m.model" "$SRC/tests/data/web/records.jsonl" || fail "train"
start model -d "$DB" -m "$TMP/m.model" --port 0
[ "$(get "${URL}api/explain/web-04?k=3")" = 200 ] || fail "explain: $(cat "$TMP/body")"
grep -q '^{"id":"web-04","explain":{"policy_area":\[{"label":"Health","score":0.95,"terms":\[{"term":' "$TMP/body" \
  || fail "explain body: $(cat "$TMP/body")"
[ "$(grep -o '"term":' "$TMP/body" | wc -l)" -le 3 ] || fail "explain: k=3 not applied"
[ "$(get "${URL}api/explain/nope")" = 404 ] || fail "explain missing record not 404"
kill -TERM "$PID"; wait "$PID"
start nomodel -d "$DB" --port 0
[ "$(get "${URL}api/explain/web-04")" = 404 ] && grep -q -- '-m MODEL' "$TMP/body" || fail "explain without a model"
kill -TERM "$PID"; wait "$PID"
printf 'not a model' > "$TMP/bad.model"
"$REVTAG" serve -d "$DB" -m "$TMP/bad.model" --port 0 2> "$TMP/err"; rc=$?
[ $rc = 1 ] && [ "$(wc -l < "$TMP/err")" = 1 ] && grep -q 'bad.model' "$TMP/err" || fail "bad model: exit $rc $(cat "$TMP/err")"
ok

# 11. Usage and store errors.
"$REVTAG" serve 2> "$TMP/err"; rc=$?
[ $rc = 2 ] || fail "no -d: exit $rc"
"$REVTAG" serve -d "$DB" --port 70000 2> /dev/null; rc=$?
[ $rc = 2 ] || fail "bad port: exit $rc"
"$REVTAG" serve -d "$DB" --threads 0 2> /dev/null; rc=$?
[ $rc = 2 ] || fail "bad threads: exit $rc"
"$REVTAG" serve -d "$DB" extra 2> /dev/null; rc=$?
[ $rc = 2 ] || fail "extra argument: exit $rc"
"$REVTAG" serve -d "$TMP/missing.db" --port 0 2> "$TMP/err"; rc=$?
[ $rc = 1 ] || fail "missing store: exit $rc"
[ "$(wc -l < "$TMP/err")" = 1 ] && grep -q 'missing.db' "$TMP/err" || fail "missing store: $(cat "$TMP/err")"
[ ! -e "$TMP/missing.db" ] || fail "serve created a store"
"$REVTAG" serve -d "$DB" --host no.such.host.invalid --port 0 2> "$TMP/err"; rc=$?
[ $rc = 1 ] || fail "bad host: exit $rc"
"$REVTAG" help serve | grep -q -- '--port' || fail "help serve"
ok

echo "$npass passed, 0 failed"
