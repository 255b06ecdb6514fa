#!/usr/bin/python3
"""INDIGO project descriptions (../shared/data/indigo/indigo_projects_eval.tsv:
id, countries, policy_sector, stage, name, text) to revtag JSONL records with
the project name removed from the start of the text, country labels as gold.
Writes to stdout; the output holds licensed data: never commit it."""
import csv, json, sys

csv.field_size_limit(1 << 30)
for row in csv.DictReader(open(sys.argv[1], encoding="utf-8"), delimiter="\t"):
    text, name = row["text"], row["name"]
    if name and text.startswith(name):
        text = text[len(name):].lstrip(" .")
    text = text or "."  # a description that was only the name: keep the record, nothing to tag
    countries = [c.strip() for c in row["countries"].split(",") if c.strip()]
    print(json.dumps({"id": row["id"], "text": text, "lang": "en",
                      "labels": {"country": countries, "policy_area": [row["policy_sector"]]}},
                     ensure_ascii=False))
