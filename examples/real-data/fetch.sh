#!/bin/sh
# Fetches the Senate's circular question 5-8900 … 5-8918 (as text) and the
# first page of the Chamber's legislature-55 questions (as JSON) into ./senate
# and ./chamber, then runs `qreview check` on them. See README.md here.
# Needs curl and lynx (to save the Senate's pages as text).
set -eu
mkdir -p senate chamber
for nr in $(seq 8900 8918); do
  curl -fsS "https://www.senate.be/www/?MIval=/Vragen/SchriftelijkeVraag&LEG=5&NR=$nr&LANG=fr" \
    | lynx -dump -stdin -nolist -display_charset=utf-8 > "senate/5-$nr.txt"
done
curl -fsS "http://data.dekamer.be/v0/qrva?leg=55&start=0" -o chamber/list-55-0.json
for ref in $(grep -o '"SDOCNAME" *: *"[^"]*"' chamber/list-55-0.json | cut -d'"' -f4 | head -n 20); do
  curl -fsS "http://data.dekamer.be/v0/qrva/$ref" -o "chamber/$ref.json"
done
qreview check senate/ chamber/
