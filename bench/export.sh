#!/usr/bin/env bash
# Portfolio export benchmark: a portfolio holding one file of SIZE (default 2G) is exported through the
# running app and compared with `zip -0` of the same file on the same disk; also reports the app's peak RSS
# growth during the export. Run by hand: bench/export.sh [SIZE] [RUNS]. Results go to docs/performance.md.
set -euo pipefail
size=${1:-2G}
runs=${2:-3}
cd "$(dirname "$0")/.."
work=$(mktemp -d /var/tmp/attest-bench.XXXXXX)
trap 'kill "$app" 2>/dev/null || true; rm -rf "$work"' EXIT
port=5099

dotnet publish src/Attest.Web -c Release -o "$work/app" -v q >/dev/null
Data__Folder="$work/data" ASPNETCORE_URLS="http://127.0.0.1:$port" Uploads__MaxFileBytes=$((40 * 1024 * 1024 * 1024)) \
  dotnet "$work/app/Attest.Web.dll" >"$work/app.log" 2>&1 &
app=$!
until curl -fs "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.5; done
base="http://127.0.0.1:$port"
jar="$work/cookies"
token() { curl -s -b "$jar" -c "$jar" "$base$1" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//' | head -1; }
curl -s -b "$jar" -c "$jar" -o /dev/null -d "Input.Email=candidate2@demo.attest.test&Input.Password=Demo-Portfolio-2026!&__RequestVerificationToken=$(token /Account/SignIn)" "$base/Account/SignIn"

# A PDF header then random bytes: passes the type check, does not compress (like a recording).
{ printf '%%PDF-1.4\n'; head -c "$size" /dev/urandom; } > "$work/evidence.pdf"
bytes=$(stat -c %s "$work/evidence.pdf")
status=$(curl -s -b "$jar" -o "$work/upload.html" -w "%{http_code}" -F "__RequestVerificationToken=$(token '/Candidate/Evidence/Add?kind=UploadedFile')" \
  -F "Input.Title=Benchmark recording" -F "Input.Context=RealWork" -F "Input.File=@$work/evidence.pdf" "$base/Candidate/Evidence/Add?kind=UploadedFile")
[ "$status" = 302 ] || { echo "upload failed: HTTP $status"; grep -o "govuk-error-message[^<]*<[^<]*<[^<]*" "$work/upload.html" | head; tail -5 "$work/app.log"; exit 1; }
rm "$work/evidence.pdf"
enrolment=$(curl -s -b "$jar" "$base/Candidate" | grep -o '/Portfolio/[0-9a-f-]*' | head -1)
stored=$(find "$work/data/files" -type f -size +1M | head -1)

echo "file: $bytes bytes; app pid $app; $runs runs each"
for i in $(seq "$runs"); do
  sync; echo 1 > /proc/sys/vm/drop_caches 2>/dev/null || true
  echo 5 > "/proc/$app/clear_refs"   # reset the peak-RSS counter
  before=$(awk '/VmRSS/ {print $2}' "/proc/$app/status")
  start=$(date +%s.%N)
  curl -s -b "$jar" -o "$work/export.zip" "$base$enrolment/Export"
  export_s=$(echo "$(date +%s.%N) - $start" | bc)
  peak=$(awk '/VmHWM/ {print $2}' "/proc/$app/status")
  sync; echo 1 > /proc/sys/vm/drop_caches 2>/dev/null || true
  start=$(date +%s.%N)
  zip -0 -q -j "$work/reference.zip" "$stored"
  zip_s=$(echo "$(date +%s.%N) - $start" | bc)
  unzip -tq "$work/export.zip" >/dev/null
  printf 'run %d: export %.2f s, zip -0 %.2f s, ratio zip/export %.2f (target >= 0.8), peak RSS growth %d MiB (target <= 64)\n' \
    "$i" "$export_s" "$zip_s" "$(echo "$zip_s / $export_s" | bc -l)" $(((peak - before) / 1024))
  rm -f "$work/export.zip" "$work/reference.zip"
done
