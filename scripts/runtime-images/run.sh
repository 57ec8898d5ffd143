#!/bin/sh
# run.sh RUNTIME SCRIPT_BYTES — the sandbox's in-container launcher.
# Reads exactly SCRIPT_BYTES bytes of script source from stdin into /script
# (a small tmpfs), then execs the runtime, which inherits the rest of stdin
# (the job's JSON context). GNU `head -c N` never reads past N bytes.
set -e
rt="$1"; n="$2"
case "$rt" in
  node) f=/script/main.js ;;
  typescript) f=/script/main.ts ;;
  python) f=/script/main.py ;;
  go) f=/script/main.go ;;
  *) echo "run.sh: unknown runtime $rt" >&2; exit 125 ;;
esac
head -c "$n" >"$f"
case "$rt" in
  node) exec node "$f" ;;
  typescript) exec node /opt/triggerx/ts-run.js "$f" ;;
  python) exec python3 "$f" ;;
  # build then exec (not `go run`): the job's exit status passes through as is.
  go) cd /tmp && go build -o /tmp/.main "$f" && exec /tmp/.main ;;
esac
