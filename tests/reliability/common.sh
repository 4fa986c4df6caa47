# What the reliability tests share, sourced by each: a scratch folder to run in, removed at the
# end after the commands given to `at_exit`; the hermetic environment of the golden tests; and
# `fail`, whose message starts with $fail_context when a test sets it.
work=$(mktemp -d)
exit_commands=()
at_exit() { exit_commands+=("$1"); }
run_exit_commands() {
  local command
  for command in "${exit_commands[@]}"; do
    eval "$command"
  done
  rm -rf "$work"
}
trap run_exit_commands EXIT
cd "$work" || exit 1
export TZ=UTC LC_ALL=C.UTF-8 TRADEWATCH_AUTHOR=tester SOURCE_DATE_EPOCH=1767225600
unset TRADEWATCH_DB TRADEWATCH_BUSY_TIMEOUT

fail() {
  echo "FAILED: ${fail_context:-}$*" >&2
  exit 1
}
