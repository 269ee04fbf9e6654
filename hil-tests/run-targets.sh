#!/usr/bin/env bash
# Runs the HIL suites (hil-tests/Payload.Hil.Suites, already built) against simulator processes in real time:
#   tcp     payload-ground sim --listen tcp://127.0.0.1:PORT, the suites with PAYLOAD_TARGET=tcp://127.0.0.1:PORT
#   serial  a socat pty pair at 115200 baud: sim --listen serial:///dev/pts/X?baud=…, the suites on /dev/pts/Y
# Each simulator also opens its bench control port (--control tcp://127.0.0.1:0: radar stimulus, power supply, link
# switch); the suites get it in PAYLOAD_BENCH_CONTROL, so the pass, reset and link-outage tests run through it.
# The in-process target (sim:) is covered by the main `dotnet test` and is not run here.
#
# usage: hil-tests/run-targets.sh [-c CONFIGURATION] [-r RESULTS_DIR] [--targets "tcp serial"] [--include-slow]
# environment: PAYLOAD_TEST_RESULTS (results directory, default ./TestResults), HIL_TARGETS, HIL_INCLUDE_SLOW=1,
#   HIL_TCP_PORT (default 0: the simulator picks a free port), HIL_BAUD (default 115200).
# Writes RESULTS/Payload.Hil.Suites.<target>.junit.xml (testsuite named "… [<target>]"), RESULTS/hil-<target>-output.txt,
# RESULTS/hil-<target>-sim.txt (the simulator's log) and, for failing tests, RESULTS/hil-logs/<target>/<Class>.<Test>.log.
# Tests marked Category=Slow (long on-board waits, free in virtual time) are left out unless asked for.
# Exit status: 0 when every target passed, 1 when a suite failed, 2 on a usage or setup error.
set -uo pipefail
script="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
cd "$(dirname "$script")/.."

configuration="${HIL_CONFIGURATION:-Release}"
results="${PAYLOAD_TEST_RESULTS:-$PWD/TestResults}"
targets="${HIL_TARGETS:-tcp serial}"
include_slow="${HIL_INCLUDE_SLOW:-0}"
baud="${HIL_BAUD:-115200}"
tcp_port="${HIL_TCP_PORT:-0}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    -c|--configuration) configuration="$2"; shift 2 ;;
    -r|--results) results="$2"; shift 2 ;;
    --targets) targets="$2"; shift 2 ;;
    --include-slow) include_slow=1; shift ;;
    -h|--help) sed -n '2,17p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run-targets: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
mkdir -p "$results"
results="$(cd "$results" && pwd)"
export PAYLOAD_TEST_RESULTS="$results"

ground_dir="tools/Payload.Ground/bin/$configuration/net10.0"
ground=""
for candidate in "$ground_dir/Payload.Ground.dll" "$ground_dir/payload-ground.dll"; do
  [[ -f "$candidate" ]] && ground="$candidate" && break
done
if [[ -z "$ground" ]]; then
  echo "run-targets: the ground tool is not built ($ground_dir); build the solution with -c $configuration first" >&2
  exit 2
fi
if [[ ! -f "hil-tests/Payload.Hil.Suites/bin/$configuration/net10.0/Payload.Hil.Suites.dll" ]]; then
  echo "run-targets: the HIL suites are not built; build the solution with -c $configuration first" >&2
  exit 2
fi

filter=()
[[ "$include_slow" == "1" ]] || filter=(--filter "Category!=Slow")

# Only the processes this script started are stopped, by their PIDs.
started=()
stop_started() {
  local pid
  for pid in "${started[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${started[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  started=()
}
trap stop_started EXIT
trap 'stop_started; exit 130' INT TERM

# wait_for FILE PATTERN SECONDS PID: until FILE has a line matching PATTERN; fails when PID exits or time runs out.
wait_for() {
  local file="$1" pattern="$2" seconds="$3" pid="$4" waited=0
  until grep -qE "$pattern" "$file" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    if (( waited >= seconds * 10 )); then return 1; fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

# start_sim NAME LISTEN_URI: starts the simulator; sets sim_pid, sim_uri (what a ground connects to) and sim_control.
start_sim() {
  local name="$1" listen="$2" log="$results/hil-$1-sim.txt"
  dotnet "$ground" sim --listen "$listen" --control tcp://127.0.0.1:0 >"$log" 2>&1 &
  sim_pid=$!
  started+=("$sim_pid")
  if ! wait_for "$log" 'listening on' 60 "$sim_pid"; then
    echo "run-targets: $name: the simulator did not start listening on $listen:" >&2
    sed 's/^/  /' "$log" >&2
    return 1
  fi
  # "sim: simulated board listening on tcp://127.0.0.1:40123; a ground connects with tcp://127.0.0.1:40123; …"
  sim_uri="$(grep -m1 -oE 'a ground connects with [^;[:space:]]+' "$log" | sed 's/^a ground connects with //')"
  [[ -n "$sim_uri" ]] || sim_uri="$(grep -m1 -oE 'listening on [^;[:space:]]+' "$log" | sed 's/^listening on //')"
  # "…; bench control on tcp://127.0.0.1:40124"
  sim_control="$(grep -m1 -oE 'bench control on [^;[:space:]]+' "$log" | sed 's/^bench control on //')"
  if [[ -z "$sim_control" ]]; then
    echo "run-targets: $name: the simulator printed no bench control port:" >&2
    sed 's/^/  /' "$log" >&2
    return 1
  fi
  echo "run-targets: $name: $(grep -m1 'listening on' "$log")"
}

# run_suites NAME TARGET_URI: the suites against TARGET_URI; 0 when they passed.
run_suites() {
  local name="$1" uri="$2" junit="$results/Payload.Hil.Suites.$1.junit.xml" status
  echo "run-targets: $name: PAYLOAD_TARGET=$uri PAYLOAD_BENCH_CONTROL=$sim_control dotnet test hil-tests/Payload.Hil.Suites --no-build -c $configuration ${filter[*]}"
  PAYLOAD_TARGET="$uri" PAYLOAD_TARGET_NAME="$name" PAYLOAD_BENCH_CONTROL="$sim_control" timeout --signal=TERM 900 \
    dotnet test hil-tests/Payload.Hil.Suites --no-build -c "$configuration" "${filter[@]}" \
      --logger "junit;LogFilePath=$junit" 2>&1 | tee "$results/hil-$name-output.txt"
  status=${PIPESTATUS[0]}
  # Three runs of the same suites: the target goes into the suite's name too (each test also has a Target property).
  [[ -f "$junit" ]] && sed -i -E "s/(<testsuite name=\"[^\"]*)\"/\1 [$name]\"/" "$junit"
  return "$status"
}

run_tcp() {
  start_sim tcp "tcp://127.0.0.1:$tcp_port" || return 2
  run_suites tcp "$sim_uri"
  local status=$?
  stop_started
  return $status
}

run_serial() {
  if ! command -v socat >/dev/null 2>&1; then
    echo "run-targets: serial: socat is required (apt-get install -y socat)" >&2
    return 2
  fi
  local log="$results/hil-serial-socat.txt" pid
  socat -d -d "pty,raw,echo=0,b$baud" "pty,raw,echo=0,b$baud" 2>"$log" &
  pid=$!
  started+=("$pid")
  if ! wait_for "$log" 'starting data transfer loop' 10 "$pid"; then
    echo "run-targets: serial: socat made no pty pair:" >&2
    sed 's/^/  /' "$log" >&2
    return 2
  fi
  # "… N PTY is /dev/pts/3" twice: the simulator takes the first end, the ground the second.
  mapfile -t ptys < <(grep -oE 'PTY is /dev/[^[:space:]]+' "$log" | sed 's/^PTY is //')
  if [[ ${#ptys[@]} -lt 2 ]]; then
    echo "run-targets: serial: could not read the pty pair from socat:" >&2
    sed 's/^/  /' "$log" >&2
    return 2
  fi
  echo "run-targets: serial: pty pair ${ptys[0]} <-> ${ptys[1]} at $baud baud"
  start_sim serial "serial://${ptys[0]}?baud=$baud" || return 2
  run_suites serial "serial://${ptys[1]}?baud=$baud"
  local status=$?
  stop_started
  return $status
}

overall=0
summary=()
for target in $targets; do
  case "$target" in
    tcp) run_tcp ;;
    serial) run_serial ;;
    sim) echo "run-targets: sim: covered by the main dotnet test run; skipped"; continue ;;
    *) echo "run-targets: unknown target '$target' (tcp, serial)" >&2; overall=2; continue ;;
  esac
  status=$?
  summary+=("$target: $([[ $status -eq 0 ]] && echo passed || echo "FAILED (exit $status)")")
  if (( status != 0 && overall != 2 )); then overall=$(( status == 2 ? 2 : 1 )); fi
done

echo "run-targets: ${summary[*]:-nothing run}"
exit "$overall"
