#!/usr/bin/env bash
# Reproduces the quality figures in docs/linking.md: links every shared data set with the one fixed
# configuration and prints the measured figures. Optional: the synthetic population size as $1 (default 100000).
# The shared files carry keyed errors (impossible days, years such as 9185, rows with no name at all), so they are
# read with --bad-rows blank: bad values count as missing, unusable rows are left out, and both are reported.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${VIGIL_LINKAGE_DATA:-$ROOT/../shared/data/linkage}"
SYNTHETIC="${1:-100000}"
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

run() {
  echo "== $1"
  "$ROOT/vigil" link --input "$2" --format "$3" --output "$OUT/clusters.csv" --truth --bad-rows blank "${@:4}" 2>&1 | grep -v "clusters written\|^  line"
}
run "FEBRL dataset1" "$DATA/febrl/dataset1.csv" febrl
run "FEBRL dataset2" "$DATA/febrl/dataset2.csv" febrl
run "Splink fake_1000" "$DATA/splink/fake_1000.csv" splink
run "RLdata500" "$DATA/rldata/RLdata500.tsv" rldata
run "RLdata10000" "$DATA/rldata/RLdata10000.tsv" rldata
"$ROOT/vigil" bench people --count "$SYNTHETIC" --seed 1 --output "$OUT/synthetic.csv" >/dev/null
run "synthetic $SYNTHETIC" "$OUT/synthetic.csv" csv --mapping \
  "id=record_id,given=given_name,family=family_name,dob=date_of_birth,sex=sex,postcode=postcode,address=address,phone=phone,email=email,truth=human_id"
