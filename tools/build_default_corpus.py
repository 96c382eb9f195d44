#!/usr/bin/env python3
"""Builds crates/qreview-core/assets/senate-5-8900-family.json from the facts table and the seed.

Run from the repository root:  python3 tools/build_default_corpus.py
The table is tests/fixtures/senate-5-8900-siblings.tsv (a copy of the facts);
the circular question's text is taken from the seed page in crates/qreview-core/assets/.
Rows without facts are left out: they stay placeholders known by number.
"""
import csv
import json
import re

TSV = "tests/fixtures/senate-5-8900-siblings.tsv"
SEED = "crates/qreview-core/assets/000_2da824b8edb94aec.txt"
OUT = "crates/qreview-core/assets/senate-5-8900-family.json"

TITLE_FR = "Services publics fédéraux - Communication avec les citoyens - Recours aux médias sociaux"
TITLE_NL = "Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media"
DESCRIPTORS_FR = ["ministère", "communauté virtuelle", "sensibilisation du public",
                  "relation administration-administré", "médias sociaux"]
DESCRIPTORS_NL = ["ministerie", "virtuele gemeenschap", "bewustmaking van de burgers",
                  "betrekking tussen overheid en burger", "sociale media"]
LABELS = {
    "fr": {"sent": "Envoi question", "reminder": "Rappel", "answer": "Réponse"},
    "nl": {"sent": "Verzending vraag", "reminder": "Rappel", "answer": "Antwoord"},
}


def question_text():
    lines = open(SEED, encoding="utf-8").read().split("\n")
    last_ref = max(i for i, l in enumerate(lines) if l.startswith("Aussi posée à"))
    body = []
    for line in lines[last_ref + 1:]:
        if line.startswith("1. "):
            break
        body.append(line)
    return "\n".join(body).strip()


def label_language(url):
    # Bilingual prints (SVPrintNLFR) print the chronology with Dutch labels.
    if "SVPrintNLFR" in url or "LANG=nl" in url:
        return "nl"
    return "fr"


def main():
    rows = list(csv.DictReader(open(TSV, encoding="utf-8"), delimiter="\t"))
    numbers = [r["number"] for r in rows]
    text = question_text()
    questions = []
    for r in rows:
        if not r["sent"]:
            continue
        labels = LABELS[label_language(r["source_url"])]
        events = [{"date": r["sent"], "kind": "sent", "label": labels["sent"]}]
        for d in filter(None, re.split(r"[;, ]+", r["reminders"])):
            events.append({"date": d, "kind": "reminder", "label": labels["reminder"]})
        if r["answered"]:
            events.append({"date": r["answered"], "kind": "answer", "label": labels["answer"]})
        q = {"id": r["number"], "title": TITLE_FR}
        if r["author"]:
            q["author"] = r["author"]
            q["party"] = r["party"]
        fr, nl = r["addressee_fr"], r["addressee_nl"]
        if fr or nl:
            q["addressee"] = fr or nl
        if r["asked_in"]:
            q["asked_in"] = r["asked_in"]
        q["descriptors"] = DESCRIPTORS_FR
        q["events"] = events
        q["siblings"] = [n for n in numbers if n != r["number"]]
        if r["number"] != "5-8902":
            # The seed holds 5-8902's own text; the others share its question.
            q["question"] = {"text": text}
        q["url"] = r["source_url"]
        translation = {"lang": "nl", "title": TITLE_NL, "descriptors": DESCRIPTORS_NL}
        if fr and nl:
            translation["addressee"] = nl
        q["translation"] = translation
        questions.append(q)
    doc = {"format": "qreview-corpus", "version": 1, "questions": questions}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
