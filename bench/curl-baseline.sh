#!/usr/bin/env bash
# Runs an Armox app with curl and jq, the way a workflow step would without the
# action: submit the run, poll the job until it ends, download its output files.
#
# Usage:
#   ARMOX_API_KEY=sk_live_... curl-baseline.sh [API_URL] [APP_ID] [INPUTS_JSON] [OUT_DIR]
# Each argument falls back to an environment variable:
#   API_URL      ARMOX_API_URL  (default https://armox.ai/api/v1)
#   APP_ID       ARMOX_APP_ID   (required)
#   INPUTS_JSON  ARMOX_INPUTS   (default {}; keys are input ids, e.g. {"<input id>": "a red bicycle"})
#   OUT_DIR      OUT_DIR        (default outputs)
#   POLL_INTERVAL (seconds between polls, default 10)
#
# The run is submitted once and never retried (a retry could be charged twice);
# the polls and downloads are plain reads, so curl may retry them (--retry 3,
# which also honours Retry-After on a 429).
set -euo pipefail

api_url=${1:-${ARMOX_API_URL:-https://armox.ai/api/v1}}
app_id=${2:-${ARMOX_APP_ID:?set ARMOX_APP_ID or pass the app id}}
inputs=${3:-${ARMOX_INPUTS:-'{}'}}
out_dir=${4:-${OUT_DIR:-outputs}}
poll_interval=${POLL_INTERVAL:-10}
: "${ARMOX_API_KEY:?set ARMOX_API_KEY}"

auth=(-H "Authorization: Bearer ${ARMOX_API_KEY}")

# Submit the run (once).
request=$(jq -cn --arg app_id "$app_id" --argjson inputs "$inputs" '{app_id: $app_id, inputs: $inputs}')
job=$(curl -fsS "${auth[@]}" -H 'Content-Type: application/json' --data "$request" "$api_url/apps/run")
job_id=$(jq -r '.id' <<<"$job")
status=$(jq -r '.status' <<<"$job")
echo "Submitted job $job_id ($status)"

# Poll until the job is no longer pending or processing.
while [[ $status == pending || $status == processing ]]; do
  sleep "$poll_interval"
  job=$(curl -fsS --retry 3 "${auth[@]}" "$api_url/jobs/$job_id")
  status=$(jq -r '.status' <<<"$job")
done
if [[ $status != completed ]]; then
  echo "Job $job_id $status: $(jq -r '.error_message // "no reason given"' <<<"$job")" >&2
  exit 1
fi
echo "Job $job_id completed"

# Download every output URL, one after another. Output files live on public
# storage: no Authorization header there.
mkdir -p "$out_dir"
mapfile -t urls < <(jq -r '.output_data.node_outputs | .. | strings | select(test("^https?://"))' <<<"$job")
for url in "${urls[@]}"; do
  curl -fsS --retry 3 --output-dir "$out_dir" -O "$url"
  echo "Downloaded ${url##*/}"
done
