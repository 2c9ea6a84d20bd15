"""Shell scripts read without running them: the tokeniser (simple_commands) and scan_shell."""

from __future__ import annotations

import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from opsctl.adopt.model import Script
from opsctl.adopt.shell_lexer import simple_commands
from opsctl.adopt.shell_scan import scan_shell


def commands(text: str) -> list[tuple[int, list[str]]]:
    return list(simple_commands(textwrap.dedent(text)))


def scan(text: str) -> Script:
    script = Script(path="x.sh", language="shell")
    scan_shell(script, textwrap.dedent(text).lstrip("\n"))
    return script


# -- the tokeniser --------------------------------------------------------------------------------

TOKENISER = [
    ("plain words", "ls -la /tmp", [(1, ["ls", "-la", "/tmp"])]),
    ("single quotes", "echo 'a b' c", [(1, ["echo", "a b", "c"])]),
    ("double quotes keep expansions", 'echo "a $B c"', [(1, ["echo", "a $B c"])]),
    ("adjacent quoting", "echo a'b'\"c\"d", [(1, ["echo", "abcd"])]),
    ("escaped space", r"rm my\ file", [(1, ["rm", "my file"])]),
    ("escaped quote in double quotes", r'echo "say \"hi\""', [(1, ["echo", 'say "hi"'])]),
    ("backslash kept before other chars in double quotes", r'echo "a\nb"', [(1, ["echo", r"a\nb"])]),
    ("ansi-c quoting", "echo $'a\\'b'", [(1, ["echo", "a'b"])]),
    ("empty quotes are a word", "echo '' \"\"", [(1, ["echo", "", ""])]),
    ("line continuation", "rm -rf \\\n  /srv/x", [(1, ["rm", "-rf", "/srv/x"])]),
    ("semicolon", "a; b", [(1, ["a"]), (1, ["b"])]),
    ("and or", "a && b || c", [(1, ["a"]), (1, ["b"]), (1, ["c"])]),
    ("pipe and background", "a | b & c |& d", [(1, ["a"]), (1, ["b"]), (1, ["c"]), (1, ["d"])]),
    ("newlines", "a\n\nb\n", [(1, ["a"]), (3, ["b"])]),
    ("comment", "a # rm -rf / 'unbalanced\nb", [(1, ["a"]), (2, ["b"])]),
    ("hash inside a word", "echo a#b ${#x}", [(1, ["echo", "a#b", "${#x}"])]),
    ("comment line with quotes", "# it's \"fine\"\nls", [(2, ["ls"])]),
    ("subshell", "(cd /x && rm y)", [(1, ["cd", "/x"]), (1, ["rm", "y"])]),
    ("group", "{ a; b; } > log", [(1, ["a"]), (1, ["b"])]),
    ("command substitution", 'x=$(rm -rf "$d")', [(1, ["rm", "-rf", "$d"])]),
    ("nested substitution", "echo $(ls $(dirname $(pwd)))",
     [(1, ["pwd"]), (1, ["dirname", "$(pwd)"]), (1, ["ls", "$(dirname $(pwd))"]),
      (1, ["echo", "$(ls $(dirname $(pwd)))"])]),
    ("substitution with a case inside", "x=$(case a in a) rm b;; esac)", [(1, ["rm", "b"])]),
    ("substitution with a quoted paren", 'x=$(echo ")")', [(1, ["echo", ")"])]),
    ("backticks", "x=`rm -f a`; echo `date`", [(1, ["rm", "-f", "a"]), (1, ["date"]),
                                               (1, ["echo", "`date`"])]),
    ("process substitution", "diff <(sort a) <(sort b)",
     [(1, ["sort", "a"]), (1, ["sort", "b"]), (1, ["diff", "<(sort a)", "<(sort b)"])]),
    ("arithmetic is not a command", "(( i++ ))\necho $(( i * 2 ))", [(2, ["echo", "$(( i * 2 ))"])]),
    ("parameter expansion with a default holding spaces", 'echo "${A:-a b}" ${B:-c}',
     [(1, ["echo", "${A:-a b}", "${B:-c}"])]),
    ("heredoc body is skipped", "cat <<EOF\nrm -rf /\nEOF\nls", [(1, ["cat"]), (4, ["ls"])]),
    ("quoted heredoc delimiter", "cat <<'EOF' > f\n$(rm x)\nEOF\nls", [(1, ["cat"]), (4, ["ls"])]),
    ("tab-stripped heredoc", "cat <<-EOF\n\trm x\n\tEOF\nls", [(1, ["cat"]), (4, ["ls"])]),
    ("two heredocs on one line", "a <<A; b <<B\n1\nA\n2\nB\nc", [(1, ["a"]), (1, ["b"]), (6, ["c"])]),
    ("heredoc fed to bash is scanned", "bash <<EOF\nrm -rf /x\nEOF", [(1, ["bash"]), (2, ["rm", "-rf", "/x"])]),
    ("heredoc fed to ssh is scanned", "ssh h 'bash -s' <<'EOF'\nsystemctl restart a\nEOF",
     [(1, ["ssh", "h", "bash -s"]), (2, ["systemctl", "restart", "a"])]),
    ("here-string", "grep x <<< \"$v\"", [(1, ["grep", "x"])]),
    ("if then else fi", "if [ -f x ]; then rm x; else touch x; fi",
     [(1, ["[", "-f", "x", "]"]), (1, ["rm", "x"]), (1, ["touch", "x"])]),
    ("double brackets are a test", "if [[ -f x && $a < $b ]]; then rm x; fi", [(1, ["rm", "x"])]),
    ("for loop", "for f in a b c; do rm \"$f\"; done", [(1, ["rm", "$f"])]),
    ("c-style for loop", "for ((i=0; i<3; i++)); do echo $i; done", [(1, ["echo", "$i"])]),
    ("while loop with redirect", "while read -r l; do echo \"$l\"; done < f",
     [(1, ["read", "-r", "l"]), (1, ["echo", "$l"])]),
    ("until", "until ping -c1 h; do sleep 1; done", [(1, ["ping", "-c1", "h"]), (1, ["sleep", "1"])]),
    ("case arms", "case \"$1\" in\n  -n|--dry-run) DRY=1 ;;\n  stop) systemctl stop a;;\n  *) usage; exit 1;;\nesac",
     [(3, ["systemctl", "stop", "a"]), (4, ["usage"]), (4, ["exit", "1"])]),
    ("case with parenthesised pattern", "case x in (a) rm a ;; esac", [(1, ["rm", "a"])]),
    ("case arm without ;; before esac", "case x in a) rm a\nesac\nls", [(1, ["rm", "a"]), (3, ["ls"])]),
    ("function definition", "cleanup() {\n  rm -f $tmp\n}\ncleanup", [(2, ["rm", "-f", "$tmp"]), (4, ["cleanup"])]),
    ("function keyword", "function deploy {\n kubectl apply -f x\n}", [(2, ["kubectl", "apply", "-f", "x"])]),
    ("function keyword with parens", "function f () { ls; }", [(1, ["ls"])]),
    ("assignments before a command", "FOO=1 BAR='a b' make x", [(1, ["make", "x"])]),
    ("assignment only", "FOO=bar", []),
    ("array assignment", "arr=(a \"b c\" $(rm x))\nls", [(1, ["rm", "x"]), (2, ["ls"])]),
    ("export with assignment", "export A=1", [(1, ["export", "A=1"])]),
    ("redirections are not words", "echo hi > out 2>&1 >>log </dev/null", [(1, ["echo", "hi"])]),
    ("fd redirection", "cmd 2>/dev/null 3>&1", [(1, ["cmd"])]),
    ("exec redirect only", "exec >log 2>&1\nls", [(1, ["exec"]), (2, ["ls"])]),
    ("negation", "! grep -q x f", [(1, ["grep", "-q", "x", "f"])]),
    ("keyword quoted is a word", "'if' x", [(1, ["if", "x"])]),
    ("crlf line endings", "a\r\nb\r\n", [(1, ["a"]), (2, ["b"])]),
    ("multi-line quoted string keeps the start line", "echo 'a\nb'\nls", [(1, ["echo", "a\nb"]), (3, ["ls"])]),
    ("multi-line command substitution", "x=$(\n  rm y\n)\nls", [(2, ["rm", "y"]), (4, ["ls"])]),
    ("unterminated quote", "echo 'abc", [(1, ["echo", "abc"])]),
    ("unterminated substitution", "echo $(ls", [(1, ["ls"]), (1, ["echo", "$(ls"])]),
    ("a bare brace in a default does not nest", 'a="${A:-{\\}}"\nrm x', [(2, ["rm", "x"])]),
    ("a single quote inside a double-quoted default", 'echo "${A:-don\'t}"\nrm x',
     [(1, ["echo", "${A:-don't}"]), (2, ["rm", "x"])]),
]


@pytest.mark.parametrize(("text", "expected"), [t[1:] for t in TOKENISER], ids=[t[0] for t in TOKENISER])
def test_simple_commands(text: str, expected: list[tuple[int, list[str]]]) -> None:
    assert list(simple_commands(text)) == expected


def test_line_numbers_through_a_realistic_script() -> None:
    text = """\
    #!/bin/bash
    set -e
    # Clean up: "it's fine"
    usage() {
      cat <<EOF
    Usage: $0 [-f]
    EOF
    }
    for d in $(ls /srv); do
      if [ -d "/srv/$d" ]; then
        rm -rf "/srv/$d/cache" \\
          "/srv/$d/tmp"
      fi
    done
    echo "done
    really" && touch /srv/.stamp
    """
    found = {line: words[0] for line, words in commands(text)}
    assert found == {2: "set", 5: "cat", 9: "ls", 10: "[", 11: "rm", 15: "echo", 16: "touch"}


_PIECES = st.sampled_from([
    "a", "b ", " ", "$", "(", ")", "{", "}", "[", "]", "[[", "]]", "'", '"', "`", "\\", ";", ";;",
    "&", "&&", "|", "||", "<", ">", ">>", "2>&1", "#", "\n", "\t", "=", "-", "$(", "${", "$((",
    "<<EOF\n", "\nEOF\n", "<<-'X'\n", "\n\tX\n", "case ", " in ", "esac", "if ", "then", "fi",
    "for ", "do", "done", "while ", "function ", "f()", "ssh h <<Z\n", "\nZ\n", "sh -c ", "$'",
    "<(", "!", "exit 3", "getopts ", "--x)", "shift 2", "$1", "${1:?}",
])


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.one_of(st.lists(_PIECES, max_size=80).map("".join), st.text(max_size=300)))
def test_simple_commands_never_raises_and_lines_are_in_range(text: str) -> None:
    last_line = text.count("\n") + 1
    for line, words in simple_commands(text):
        assert 1 <= line <= last_line
        assert words and all(isinstance(word, str) for word in words)
    scan_shell(Script(path="fuzz.sh", language="shell"), text)


@pytest.mark.parametrize("text", ["$(" * 3000, "`" * 3001, "${" * 3000, "(" * 5000, "$((" * 2000,
                                  "a=(" * 3000, "case x in " * 2000, "cat <<EOF\n" * 2000,
                                  "f() " * 3000, "{ " * 5000, "\"" * 5001],
                         ids=["substitutions", "backticks", "braces", "parens", "arithmetic",
                              "arrays", "cases", "heredocs", "functions", "groups", "quotes"])
def test_pathological_nesting_is_handled_quickly(text: str) -> None:
    started = time.process_time()  # CPU: a loaded machine does not count
    list(simple_commands(text))
    scan_shell(Script(path="deep.sh", language="shell"), text)
    assert time.process_time() - started < 2.0


def test_the_tokeniser_is_linear() -> None:
    unit = "x=$(ls \"$d\" | grep -v '#') # c\nif [ -n \"$x\" ]; then rm -rf \"$x\"; fi\n" * 50
    timings = []
    for copies in (20, 80):
        best = float("inf")
        for _ in range(3):  # CPU time, best of three: other processes on the machine do not count
            started = time.process_time()
            count = sum(1 for _ in simple_commands(unit * copies))
            best = min(best, time.process_time() - started)
        timings.append(best)
        assert count == copies * 50 * 4
    assert timings[1] < timings[0] * 10 + 0.05  # 4x the text: quadratic would be 16x


# -- scan_shell: effects --------------------------------------------------------------------------

FALSE_POSITIVES = [
    ("rm in an echo string", 'echo "run rm -rf / to clean up"'),
    ("kubectl get", "kubectl get pods -n prod"),
    ("terraform plan", "terraform plan -out plan.tfplan"),
    ("git push --dry-run", "git push --dry-run origin main"),
    ("rm in a comment", "# rm -rf /\nls"),
    ("DROP TABLE in an echo", 'echo "DROP TABLE users"'),
    ("rm in a quoted heredoc to cat", "cat <<'EOF'\nrm -rf /\nEOF"),
    ("rm in a printf format", "printf 'rm -rf %s\\n' /"),
    ("kubectl delete with --dry-run=client", "kubectl delete ns x --dry-run=client -o yaml"),
    ("writes to /dev/null", "make build >/dev/null 2>&1"),
    ("stderr redirection", "echo oops >&2"),
    ("redirection into a process substitution", "exec > >(logger -t deploy) 2>&1"),
    ("closing a descriptor", "exec 3>&-"),
    ("grep for delete", "grep -r 'delete' src/"),
    ("variable named rm", 'rm_flag="-rf"'),
]


@pytest.mark.parametrize("text", [f[1] for f in FALSE_POSITIVES], ids=[f[0] for f in FALSE_POSITIVES])
def test_false_positives_are_not_effects(text: str) -> None:
    assert scan(text).effects == []


def test_effects_with_lines_functions_and_confidence() -> None:
    script = scan("""
        #!/bin/sh
        KUBECTL="kubectl --context prod"
        NS=web
        cleanup() {
          rm -rf "$WORK"
        }
        $KUBECTL delete ns "$NS"
        echo ok > /var/log/deploy.log
        echo again >> /var/log/deploy.log
        ssh bastion <<'EOF'
        sudo systemctl restart app
        EOF
    """)
    assert [(e.line, e.kind, e.destructive, e.confidence, e.via) for e in script.effects] == [
        (5, "command", True, "high", "cleanup"),
        (7, "command", True, "medium", None),
        (8, "file-write", False, "high", None),
        (11, "command", False, "medium", None),
    ]
    assert script.effects[1].call == "kubectl --context prod delete ns web"
    assert script.effects[2].call == "echo ok > /var/log/deploy.log"


def test_sql_in_a_heredoc_fed_to_psql() -> None:
    script = scan("""
        psql "$DATABASE_URL" <<SQL
        DELETE FROM sessions WHERE expired;
        SQL
        mysql app < migrate.sql
    """)
    assert [(e.kind, e.destructive, e.line, e.confidence) for e in script.effects] == [
        ("sql", True, 1, "high"), ("sql", False, 4, "low")]


def test_the_scripts_own_mktemp_files_are_not_effects() -> None:
    script = scan("""
        workdir=$(mktemp -d)
        trap 'rm -rf "${workdir}"' EXIT
        profile="${workdir}/cover.out"
        echo "mode: set" > "$profile"
        cp report.txt "$workdir/"
        rm -f "$profile"
        rm -rf /srv/cache
    """)
    assert [(e.line, e.call) for e in script.effects] == [(7, "rm -rf /srv/cache")]


@pytest.mark.parametrize("text", [
    "tmp=/tmp/report.$$\nls > $tmp\nrm -f $tmp",
    'trap "rm -f /tmp/lock.$$" EXIT',
    "rm -rf /tmp/build-artifacts",
    'work="${TMPDIR:-/tmp}/job"\nmkdir -p "$work"\nrm -rf "$work"',
], ids=["pid-named variable", "pid-named literal", "named entry under /tmp", "under TMPDIR"])
def test_temporary_paths_are_the_scripts_own(text: str) -> None:
    assert scan(text).effects == []


@pytest.mark.parametrize("text", [
    "cat \"$CONF\" | jq -n '. + {\"ipv6\": true}' > \"$CONF\"",
    "sed 's/a/b/' /etc/app.conf > /etc/app.conf",
    "grep -v old < hosts > hosts",
], ids=["read by the pipeline's first command", "read by the command itself", "read through <"])
def test_a_file_truncated_before_the_pipeline_reads_it_is_lost(text: str) -> None:
    assert [e.destructive for e in scan(text).effects] == [True]


@pytest.mark.parametrize("text", [
    "sort list | uniq > list.sorted",
    'echo "$(cat f)" > f',
    "cat f | sponge f",
], ids=["another file", "read before by a command substitution", "sponge soaks it up first"])
def test_a_file_written_from_what_was_read_first_is_not_lost(text: str) -> None:
    assert not any(e.destructive for e in scan(text).effects)


@pytest.mark.parametrize(("text", "destructive"), [
    ('gh release upload --repo "$REPO" "$V" "$FILE" "$FILE.sha256"\n'
     'github-release delete --owner o --repo r --tag "$V" "$FILE" "$FILE.sha256"\n', []),
    # the release itself, or an asset the script does not upload
    ('gh release upload "$V" app.tgz\ngithub-release delete --owner o --repo r --tag "$V"\n', [True]),
    ('gh release upload "$V" app.tgz\ngithub-release delete --tag "$V" old.tgz\n', [True]),
])
def test_release_assets_deleted_to_be_uploaded_again_are_the_scripts_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the whole rule set flushed, then rebuilt by the script: its own firewall
    ("$IPTABLES -F\n$IPTABLES -X\n$IPTABLES -N log-drop\n$IPTABLES -A log-drop -j DROP\n"
     "$IPTABLES -A INPUT -p tcp --dport 22 -j ACCEPT\niptables-save > /etc/iptables/rules.v4\n", []),
    # a reset that puts nothing back: every rule lost
    ("$IPTABLES -P INPUT ACCEPT\n$IPTABLES -F\n$IPTABLES -X\niptables-save > /etc/iptables/rules.v4\n",
     [True, True]),
])
def test_a_firewall_flushed_and_rebuilt_by_the_script(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_a_function_removing_what_every_call_hands_it_of_the_scripts_own() -> None:
    script = scan("""
        clean_dir() {
            DIR="$1"
            rm -rf "$DIR"
        }
        TMP_DIR=$(mktemp -d)
        trap 'clean_dir ${TMP_DIR}' SIGINT SIGTERM
        git clone https://example.com/op "${TMP_DIR}/op"
        clean_dir "${TMP_DIR}"
    """)
    assert [e.call for e in script.effects if e.destructive] == []


@pytest.mark.parametrize("calls", [
    'clean_dir "${TMP_DIR}"\nclean_dir /srv/data',
    "clean_dir",
    "",
], ids=["one call hands it another folder", "a call hands it nothing", "never called here"])
def test_a_function_removing_what_it_is_handed_stays_destructive(calls: str) -> None:
    script = scan('clean_dir() {\n    rm -rf "$1"\n}\nTMP_DIR=$(mktemp -d)\n' + calls + "\n")
    assert [e.destructive for e in script.effects if e.line == 2] == [True]


@pytest.mark.parametrize("text", ["rm -rf /tmp/*", "rm -rf /tmp", "rm -rf /var/tmp/"],
                         ids=["everything in /tmp", "/tmp itself", "/var/tmp itself"])
def test_wiping_the_temporary_folder_is_destructive(text: str) -> None:
    assert [e.destructive for e in scan(text).effects] == [True]


def test_a_variable_with_several_literal_values_is_tried_with_each() -> None:
    script = scan("""
        SED=sed
        if command -v gsed >/dev/null; then SED=gsed; fi
        ${SED} -i 's/a/b/' VERSION
    """)
    assert [(e.line, e.destructive, e.confidence) for e in script.effects] == [(3, False, "medium")]


@pytest.mark.parametrize(("text", "confidence"), [
    ("sudo -u postgres psql app <<'SQL'\nDROP TABLE t;\nSQL\n", "high"),
    ("timeout 30 mysql -u root <<EOF\nTRUNCATE t;\nEOF\n", "high"),
    ("docker exec -i db psql -U app <<SQL\nDELETE FROM t;\nSQL\n", "medium"),
], ids=["sudo -u", "timeout N", "docker exec"])
def test_sql_heredocs_behind_wrappers(text: str, confidence: str) -> None:
    assert [(e.kind, e.destructive, e.confidence) for e in scan(text).effects] == [
        ("sql", True, confidence)]


def test_an_unresolved_command_is_a_warning_and_a_guess_only_when_it_deletes() -> None:
    script = scan('$TOOL delete everything\neval "$CMD"\n$TOOL list\n')
    assert [(e.line, e.destructive, e.confidence) for e in script.effects] == [(1, True, "medium")]
    assert script.warnings[:2] == [
        "line 1: a command run through an unresolved variable ($TOOL)",
        "line 2: eval of a string built at run time"]


def test_variables_assigned_by_a_command_are_not_resolved() -> None:
    script = scan('CMD=$(command -v rm)\n$CMD -rf /x\nRM=`which rm`\n$RM -rf /y\n')
    assert script.effects == []


def test_a_default_overridable_by_an_argument_is_still_a_medium_guess() -> None:
    script = scan('RM=rm\n[ -n "$1" ] && RM="$1"\n$RM -rf /y\n')
    assert [(e.line, e.destructive, e.confidence) for e in script.effects] == [(3, True, "medium")]


def test_a_value_naming_other_variables_is_resolved_up_to_them() -> None:
    script = scan('KUBECTL="kubectl --context ${CONTEXT}"\n$KUBECTL delete ns "$NS"\n')
    assert [(e.destructive, e.confidence, e.call) for e in script.effects] == [
        (True, "medium", "kubectl --context ${CONTEXT} delete ns $NS")]


# -- scan_shell: exit codes, summary --------------------------------------------------------------

@pytest.mark.parametrize(("text", "codes"), [
    ("exit 0", [0]), ("exit 1\nexit 2\nexit 1", [1, 2]), ("exit", []), ("exit $?", []),
    ('exit "$rc"', []), ("exit 256", [0]), ("exit -1", [255]), ("f() { exit 3; }", [3]),
    ("ssh h <<EOF\nexit 4\nEOF", []), ("echo exit 5", []),
], ids=["zero", "several", "bare exit", "exit $?", "exit $rc", "wraps", "negative", "in a function",
        "remote exit", "exit as an argument"])
def test_exit_codes(text: str, codes: list[int]) -> None:
    assert scan(text).exit_codes == codes


@pytest.mark.parametrize(("text", "summary"), [
    ("#!/bin/bash\n# Rotate the logs.\nls", "Rotate the logs."),
    ("#!/bin/bash\nset -euo pipefail\n\n# Rotate the logs.\nls", "Rotate the logs."),
    ("#!/bin/sh\n# Copyright 2020 ACME\n# Licensed under the Apache License\n#\n# Backup the DB.\n",
     "Backup the DB."),
    ("#!/bin/sh\n# shellcheck disable=SC2086\n# ----------\n# Description: Sync assets\n", "Sync assets"),
    ("#!/bin/sh\nls\n# later comment", None),
    ("#!/bin/sh\n# Usage: x.sh [-n]\n# Deploys web.\n", "Deploys web."),
    ("#!/bin/sh\n# Copyright 2018 The Authors.\n#\n# Licensed under the Apache License, Version 2.0\n"
     "#\n#     http://www.apache.org/licenses/LICENSE-2.0\n#\n# Unless required by applicable law\n"
     "# limitations under the License.\n\n# Builds the release.\nset -e\n", "Builds the release."),
    ("#!/bin/sh\n# Restart apache when its load is too high\n", "Restart apache when its load is too high"),
    ("#!/bin/sh\n# Fix permissions and owners of the uploads\n", "Fix permissions and owners of the uploads"),
    ("#!/bin/sh\n# Needs GNU sed.\n", "Needs GNU sed."),
    ("#!/bin/sh\n# Licensed under the Apache License (the \"License\"). A copy of the License is located at\n"
     "#\n# http://aws.amazon.com/apache2.0/\n#\n# Collects the logs.\n", "Collects the logs."),
], ids=["first comment", "after set -e", "after licence", "directive and rule skipped", "no leading comment",
        "usage line skipped", "after a whole Apache header", "a program named apache", "permissions of files",
        "GNU tools", "AWS licence link"])
def test_summary(text: str, summary: str | None) -> None:
    assert scan(text).summary == summary


# -- scan_shell: interface ------------------------------------------------------------------------

def test_the_interpreter_line_is_not_the_help_of_a_flag_right_below_it() -> None:
    script = scan('#!/bin/bash\nwhile getopts "d:" o; do case $o in d) D="$OPTARG";; esac; done\n'
                  'rm -rf "$D"\n')
    assert [(f.name, f.help) for f in script.interface.flags] == [("-d", None)]


def test_getopts_flags_with_help_from_arm_comments_and_usage() -> None:
    script = scan("""
        #!/bin/bash
        usage() {
          echo "Usage: $0 [-n] [-e ENV] [-v]"
          echo "  -e ENV    target environment"
          echo "  -v        verbose output"
        }
        while getopts ":ne:vh" opt; do
          case "$opt" in
            n) DRY_RUN=1 ;;  # show what would change
            e) ENV="$OPTARG" ;;
            v) VERBOSE=1 ;;
            h) usage; exit 0 ;;
            *) usage; exit 2 ;;
          esac
        done
    """)
    assert script.interface.kind == "getopts"
    flags = {f.name: (f.type, f.help, f.dest) for f in script.interface.flags}
    assert flags == {
        "-n": ("boolean", "show what would change", "DRY_RUN"),
        "-e": ("string", "target environment", "ENV"),
        "-v": ("boolean", "verbose output", "VERBOSE"),
        "-h": ("boolean", None, None),
    }
    assert script.has_dry_run and script.dry_run_flag == "-n"
    assert script.exit_codes == [0, 2]
    assert [e.name for e in script.env] == []


def test_case_loop_flags() -> None:
    script = scan("""
        #!/bin/bash
        ENV=staging
        while [ $# -gt 0 ]; do
          case "$1" in
            -n|--dry-run) DRY_RUN=1; shift ;;
            # the target environment
            --env) ENV="$2"; shift 2 ;;
            --env=*) ENV="${1#*=}"; shift ;;
            -f|--force)
              FORCE=1
              shift
              ;;
            --token) TOKEN="$2"; shift 2 ;;
            --) shift; break ;;
            -*) echo "unknown $1"; exit 2 ;;
            *) break ;;
          esac
        done
    """)
    assert script.interface.kind == "case"
    flags = {f.name: (f.type, f.aliases, f.dest, f.default, f.help) for f in script.interface.flags}
    assert flags == {
        "--dry-run": ("boolean", ["-n"], "DRY_RUN", None, None),
        "--env": ("string", [], "ENV", "staging", "the target environment"),
        "--force": ("boolean", ["-f"], "FORCE", None, None),
        "--token": ("string", [], "TOKEN", None, None),
    }
    assert script.dry_run_flag == "--dry-run"


def test_a_catch_all_arm_in_an_option_loop_is_a_positional() -> None:
    script = scan("""
        target="./..."
        for arg in "$@"; do
          case "${arg}" in
            --html) html=true ;;
            *) target="${arg}" ;;
          esac
        done
    """)
    assert [(f.name, f.positional, f.type) for f in script.interface.flags] == [
        ("--html", False, "boolean"), ("target", True, "string")]


def test_each_variable_a_catch_all_arm_fills_in_turn_is_a_positional() -> None:
    script = scan("""
        while [ "$1" != "" ]; do
          case "$1" in
            -c|--commit) commit=true ;;
            *)
              if [ "$search" = "" ]; then
                search="$1"
              elif [ "$replacement" = "" ]; then
                replacement="$1"
              else
                echo "too many arguments: $1"; exit 1
              fi
              ;;
          esac
          shift
        done
    """)
    assert [(f.name, f.aliases) for f in script.interface.flags if f.positional] == [
        ("search", ["arg1"]), ("replacement", ["arg2"])]


def test_positional_arguments() -> None:
    script = scan("""
        #!/bin/sh
        SERVICE=${1:?usage: restart.sh SERVICE [WAIT]}
        WAIT="${2:-30}"
        helper() { echo "$1"; }
        systemctl restart "$SERVICE"
    """)
    assert script.interface.kind == "argv"
    assert [(f.name, f.positional, f.required, f.default, f.dest) for f in script.interface.flags] == [
        ("arg1", True, True, None, "SERVICE"), ("arg2", True, False, "30", "WAIT")]


def test_argument_count_check_makes_positionals_required() -> None:
    script = scan('if [ $# -lt 2 ]; then echo usage; exit 1; fi\nsrc=$1\ndst=$2\ncp "$src" "$dst"\n')
    assert [(f.name, f.required) for f in script.interface.flags] == [("arg1", True), ("arg2", True)]


def test_a_case_on_the_argument_at_an_index_reads_flags() -> None:
    """``for ((i = 1; i <= "$#"; i++)); do case "${!i}" in --unattended) ...``: the argument at
    index ``i`` (bash's indirect expansion) is walked like ``$1``."""
    script = scan("""
        #!/bin/bash
        flagsCheck() {
          for ((i = 1; i <= "$#"; i++)); do
            j="$((i + 1))"
            case "${!i}" in
              "--skip-space-check") skipSpaceCheck=true ;;
              "--unattended") runUnattended=true; unattendedConfig="${!j}" ;;
            esac
          done
        }
        flagsCheck "$@"
    """)
    assert script.interface.kind == "case"
    assert [f.name for f in script.interface.flags] == ["--skip-space-check", "--unattended"]


def test_a_subcommand_case_gives_the_positional_its_choices() -> None:
    script = scan("""
        case "$1" in
          start|restart) systemctl restart app ;;
          stop) systemctl stop app ;;
          *) echo "usage: $0 {start|stop|restart}"; exit 2 ;;
        esac
    """)
    assert [(f.name, f.type, f.choices) for f in script.interface.flags] == [
        ("arg1", "choice", ["start", "restart", "stop"])]
    assert script.interface.kind == "argv"


def test_positionals_read_by_a_function_called_with_the_arguments() -> None:
    script = scan("""
        main() {
          local target=${1:?target}
          helper "$target"
        }
        helper() { echo "$1"; }
        main "$@"
    """)
    assert [(f.name, f.required) for f in script.interface.flags] == [("arg1", True)]


@pytest.mark.parametrize(("arm", "flag"), [
    ("--apply) APPLY=1; shift ;;", None),
    ("--execute) EXECUTE=1; shift ;;", None),
    ("-n) DRY_RUN=true; shift ;;", "-n"),
    ("--preview) PREVIEW=1; shift ;;", "--preview"),
], ids=["apply confirms", "execute confirms", "-n setting DRY_RUN", "preview"])
def test_dry_run_from_flags(arm: str, flag: str | None) -> None:
    script = scan(f'while [ $# -gt 0 ]; do\n  case "$1" in\n    {arm}\n  esac\ndone\n')
    assert (script.has_dry_run, script.dry_run_flag) == (True, flag)


def test_no_dry_run() -> None:
    script = scan('while [ $# -gt 0 ]; do\n  case "$1" in\n    -f|--force) F=1; shift ;;\n  esac\ndone\n')
    assert (script.has_dry_run, script.dry_run_flag) == (False, None)


def test_no_interface() -> None:
    assert scan("ls /srv\n").interface.kind == "none"


def test_dollar_at_only_is_argv() -> None:
    script = scan('exec python3 app.py "$@"\n')
    assert script.interface.kind == "argv"
    # the arguments it hands on wholesale: a list, read by the program it runs
    assert [(f.name, f.type, f.positional, f.passed_on) for f in script.interface.flags] == [
        ("arg1", "list", True, "python3")]


@pytest.mark.parametrize(("text", "flags"), [
    ('set -- /usr/bin/restic "$@"\nexec nice -n "${NICE:-0}" "$@"\n', [("arg1", "restic")]),
    ('docker build --tag x:latest "${root}" "$@"\n', [("arg1", "docker")]),
    ('exec "$@"\n', [("arg1", "*")]),
    # a dispatcher: the command it reads, then the rest handed on
    ('cmd=$1\nshift\nexec "$cmd" "$@"\n', [("arg1", None), ("arg2", "*")]),
    # without a shift, "$@" starts at the $1 it reads: nothing more
    ('if [ "$1" = postgres ]; then init; fi\nexec "$@"\n', [("arg1", None)]),
    # printed, or handed to its own function (whose $1 are read as the script's): not passed on
    ('echo "args: $@"\n', []),
    ('main() { echo "$1"; }\nmain "$@"\n', [("arg1", None)]),
    # a function of a file it could not read may be what gets them
    ('source "$LIBDIR/common.sh"\nParseArgs "$@"\n', []),
])
def test_arguments_handed_on_wholesale_are_a_list_read_by_another_program(
        text: str, flags: list[tuple[str, str | None]]) -> None:
    assert [(f.name, f.passed_on) for f in scan(text).interface.flags] == flags


@pytest.mark.parametrize(("text", "flags"), [
    # handed on wholesale, its usage naming them: one positional each, a repeated one a list
    ('usage() {\n  echo "Usage: $(basename $0) <series> <deliverable> <updatetype>"\n}\n'
     'source ./.tox/venv/bin/activate\nnew-release $@\n',
     [("arg1", "series", "string", True), ("arg2", "deliverable", "string", True),
      ("arg3", "updatetype", "string", True)]),
    ('echo "Usage: $0 <series> <repo> [<repo>...]"\nlist-changes "$@"\n',
     [("arg1", "series", "string", True), ("arg2", "repo", "list", True)]),
    ('echo "Usage: $0 <host> [<port>]"\nexec ssh "$@"\n',
     [("arg1", "host", "string", True), ("arg2", "port", "string", False)]),
    # a usage line with options is not only positionals: the list as before
    ('echo "Usage: $0 [-v] <host>"\nexec ssh "$@"\n', [("arg1", None, "list", False)]),
    # a sourced file other than a virtualenv's activate may define the command
    ('echo "Usage: $0 <a> <b>"\nsource "$LIB/common.sh"\nrun_it "$@"\n', []),
])
def test_arguments_handed_on_take_the_names_their_usage_gives(
        text: str, flags: list[tuple[str, str | None, str, bool]]) -> None:
    assert [(f.name, f.dest, f.type, f.required) for f in scan(text).interface.flags] == flags


# -- scan_shell: environment ----------------------------------------------------------------------

def test_environment_reads() -> None:
    script = scan("""
        #!/bin/bash
        : "${AWS_REGION:=eu-west-1}"
        DB_HOST=${DB_HOST:-localhost}
        curl -H "Authorization: Bearer $GITHUB_TOKEN" "https://$API_HOST/x"
        psql -U "${PGUSER:?set PGUSER}" -h "$DB_HOST"
        echo "$HOME $PATH $RANDOM $LC_ALL $1 $#"
        for f in *; do echo "$f"; done
        read -r answer
        echo "$answer"
        local_var=1
        echo "$local_var"
        lower() { local x=$1; echo "$x"; }
        if [ -z "$LATER" ]; then LATER=1; fi
        DEPLOY_KEY=abc
        echo ${DEPLOY_KEY}
    """)
    assert [(v.name, v.line, v.credential, v.required) for v in script.env] == [
        ("AWS_REGION", 2, False, False),
        ("DB_HOST", 3, False, False),
        ("GITHUB_TOKEN", 4, True, False),
        ("API_HOST", 4, False, False),
        ("PGUSER", 5, False, True),
        ("LATER", 13, False, False),
    ]


def test_set_u_makes_plain_reads_required() -> None:
    script = scan('set -euo pipefail\necho "$TARGET" "${OPTIONAL:-}"\n')
    assert [(v.name, v.required) for v in script.env] == [("TARGET", True), ("OPTIONAL", False)]


def test_dry_run_environment_variable() -> None:
    script = scan('if [ "${DRY_RUN:-0}" = 1 ]; then echo would; else rm -rf /x; fi\n')
    assert script.has_dry_run and script.dry_run_flag is None


def test_credential_values_are_never_recorded() -> None:
    script = scan("""
        #!/bin/bash
        DB_PASSWORD=hunter2
        API_TOKEN="s3cr3t"
        while [ $# -gt 0 ]; do
          case "$1" in
            --password) DB_PASSWORD="$2"; shift 2 ;;
          esac
        done
        mysql -u root -p"$DB_PASSWORD" -e "DROP DATABASE app"
        curl -X POST -H "X-Token: $API_TOKEN" --password hunter2 https://x
    """)
    dumped = repr(script)
    assert "hunter2" not in dumped and "s3cr3t" not in dumped
    assert [e.kind for e in script.effects] == ["sql", "http"]


# -- a file the script wrote earlier is its own output ---------------------------------------------

OWN_OUTPUT = [
    ("curl -o", "curl -sSL -o out.json https://api/x\njq . out.json\nrm out.json"),
    ("a cleanup above the command that writes it", "cleanup() { rm out.json; }\ntrap cleanup EXIT\n"
     "curl -o out.json https://x"),
    ("dd of= an image", "dd if=/dev/zero of=${UUID}.raw bs=1M count=5\nrm ${UUID}.raw"),
    ("redirect", "aws events list-targets > payload.json\nrm payload.json"),
    ("tee", "make report | tee report.txt\nrm -f report.txt"),
    ("wget -O", "wget -O /srv/pkg.deb https://x/pkg.deb\ndpkg -i /srv/pkg.deb\nrm /srv/pkg.deb"),
    ("tar -cf", "tar -czf /srv/backup.tgz data\nupload /srv/backup.tgz\nrm /srv/backup.tgz"),
    ("gzip X then rm X.gz", "gzip /srv/dump.sql\nupload /srv/dump.sql.gz\nrm /srv/dump.sql.gz"),
    ("cp A X", "cp /etc/app.conf /srv/app.conf.new\nrm /srv/app.conf.new"),
    ("aws lambda invoke outfile", "aws lambda invoke --function-name f output.json\nrm output.json"),
    ("an archive it extracted", "tar xpJf /a.tar.xz -C /\nrm /a.tar.xz"),
    ("same variable", 'out="$DIR/x.json"\ncurl -o "$out" https://x\nrm "${out}"'),
    ("same variable path", 'cat x > "$RW_DIR/tmp/passwd"\nrm "$RW_DIR/tmp/passwd"'),
    ("a dump pg_dump wrote", 'pg_dump -Fc --file="$OUT" app\naws s3 cp "$OUT" s3://b/\nrm -f "$OUT"'),
    ("a dump mysqldump wrote", "mysqldump -r /srv/db.sql app\nupload /srv/db.sql\nrm /srv/db.sql"),
    ("an archive ditto made", 'ditto -c -k --keepParent "$APP" "$APP.zip"\nxcrun notarytool submit "$APP.zip"\n'
     'rm "$APP.zip"'),
    ("a file a pattern's one match is renamed to", 'if [ -e "${charm}.charm" ]; then\n  rm "${charm}.charm"\nfi\n'
     'mv ${charm}_*.charm ${charm}.charm'),
    ("a loop over a pattern of what it writes per name",
     'add() {\n  cat > "/etc/nginx/conf.d/standalone-cert-$1.conf" <<EOF\nserver {}\nEOF\n}\n'
     'remove_all() {\n  for file in "/etc/nginx/conf.d/standalone-cert-"*".conf"; do\n    rm -f "${file}"\n'
     '  done\n}\nadd x\nremove_all\n'),
]


@pytest.mark.parametrize("text", [o[1] for o in OWN_OUTPUT], ids=[o[0] for o in OWN_OUTPUT])
def test_removing_a_file_the_script_wrote_earlier_is_not_destructive(text: str) -> None:
    assert not any(effect.destructive for effect in scan(text).effects)


@pytest.mark.parametrize("text", [
    "curl -o a.json https://x\nrm a.json b.json",
    "cat x > /srv/a\nrm /srv/b",
    'pg_dump app > "/srv/db-$STAMP.sql"\nfor f in /srv/db-*.sql; do\n  rm -f "$f"\ndone\n',
    'cat > "/srv/conf-$1.conf" <<EOF\nx\nEOF\nfor f in /srv/other-*.conf; do\n  rm -f "$f"\ndone\n',
], ids=["one operand is not its own", "another path", "dated copies a loop walks", "a loop over another pattern"])
def test_removing_what_the_script_did_not_write_stays_destructive(text: str) -> None:
    assert any(effect.destructive for effect in scan(text).effects)


def test_eval_of_a_command_variable_uses_the_last_assignment_above() -> None:
    script = scan("""
        COMMAND="python3 -m venv venv"
        eval $COMMAND
        COMMAND="pip install -r requirements.txt"
        eval $COMMAND
        COMMAND="python3 manage.py migrate"
        eval $COMMAND
        COMMAND="python3 manage.py flush --no-input"
        eval $COMMAND
        COMMAND="python3 manage.py collectstatic --no-input"
        eval $COMMAND
    """)
    assert [(e.line, e.destructive, e.confidence) for e in script.effects] == [
        (4, False, "medium"), (6, False, "medium"), (8, True, "medium"), (10, False, "medium")]


# -- getopts long options ---------------------------------------------------------------------------

LONG_GETOPTS = [
    ("name=* arms read ${OPTARG#*=}", """
        while getopts ":-:" optchar; do
            [[ "${optchar}" == "-" ]] || continue
            case "${OPTARG}" in
                datadir=* ) DATA_DIR=${OPTARG#*=} ;;
                threshold_megabytes=*|threshold-megabytes=* ) LIMIT=${OPTARG#*=} ;;
                no-wait ) NO_WAIT=1 ;;
            esac
        done
     """, [("--datadir", "string", [], "DATA_DIR"),
           ("--threshold_megabytes", "string", ["--threshold-megabytes"], "LIMIT"),
           ("--no-wait", "boolean", [], "NO_WAIT")]),
    ("short and long together, value by ${!OPTIND}", """
        while getopts "hv-:" opt; do
          case "$opt" in
            h) usage ;;
            v) verbose=1 ;;
            -) case "${OPTARG}" in
                 name) name="${!OPTIND}"; OPTIND=$((OPTIND + 1)) ;;
                 force) force=1 ;;
               esac ;;
          esac
        done
     """, [("-h", "boolean", [], None), ("-v", "boolean", [], "verbose"),
           ("--name", "string", [], "name"), ("--force", "boolean", [], "force")]),
]


@pytest.mark.parametrize(("text", "expected"), [g[1:] for g in LONG_GETOPTS], ids=[g[0] for g in LONG_GETOPTS])
def test_getopts_long_options(text: str,
                              expected: list[tuple[str, str, list[str], str | None]]) -> None:
    script = scan(text)
    assert script.interface.kind == "getopts"
    assert [(f.name, f.type, f.aliases, f.dest) for f in script.interface.flags] == expected


@pytest.mark.parametrize(("text", "destructive"), [
    ('TMPDIR="$ROOTDIR/test/tmp"\nrm -rf "${TMPDIR:?}"/*\n', False),
    ('scratch_dir=/srv/work/scratch\nrm -rf "$scratch_dir"\n', False),
    ('rm -rf "$TMPDIR"/*\n', True),
    ('tmp_dir=$HOME\nrm -rf "$tmp_dir"\n', True),
    ('DATA=/srv/data\nrm -rf "$DATA"/*\n', True),
], ids=["own TMPDIR contents", "own scratch folder", "the caller's TMPDIR", "a temp name set to HOME",
        "a data folder"])
def test_a_folder_the_script_names_as_temporary_is_its_own(text: str, destructive: bool) -> None:
    # the script's own scratch space is not an effect at all
    assert [e.destructive for e in scan(text).effects] == ([True] if destructive else [])


def test_files_the_script_made_are_its_own_to_format_and_remove() -> None:
    script = scan("""
        truncate -s 1GB $HOME/disk.img
        /sbin/mkfs.xfs $HOME/disk.img
        docker cp $CONTAINER:/home/docs/tool-$VERSION.tar.gz .
        aws s3 cp tool-$VERSION.tar.gz s3://bucket/
        rm tool-$VERSION.tar.gz
        mkfs.ext4 /dev/sdb1
        rm /srv/data/other.tar.gz
    """)
    assert [(e.line, e.destructive) for e in script.effects] == [
        (1, False), (3, False), (4, False), (6, True), (7, True)]


def test_a_command_built_in_a_variable_from_a_default_the_arguments_may_change() -> None:
    script = scan("""
        container_engine="docker"
        if [ -n "$1" ]; then container_engine="$1"; fi
        process_cmd() {
            $CMD
        }
        CMD="sudo ${container_engine} rmi -f $@ -- $KOLLA_IMAGES"
        process_cmd
    """)
    assert [(e.line, e.destructive, e.confidence) for e in script.effects] == [(4, True, "medium")]


# -- files the script sources -----------------------------------------------------------------

def _sourcing_tree(tmp_path: Path, source_line: str) -> Path:
    (tmp_path / "tools" / "lib").mkdir(parents=True)
    (tmp_path / "tools" / "lib" / "common").write_text(textwrap.dedent("""\
        #!/bin/bash
        WORK_DIR=/tmp/work-$$
        rm -rf /srv/old-builds
        ParseArgs() {
            TAG="$1"
            ARCHES="${2:-all}"
        }
        Prune() {
            docker image prune -af
        }
        Wipe() {
            rm -rf /srv/releases
        }
        Release() {
            Prune
            git push --force origin "$TAG"
        }
    """))
    script = tmp_path / "tools" / "release.sh"
    script.write_text(f"#!/bin/bash\nset -e\n{source_line}\nParseArgs \"$@\"\nRelease\n")
    return script


@pytest.mark.parametrize("source_line", [
    'source "$(realpath "$(dirname "${BASH_SOURCE[0]}")")/lib/common"',
    '. "$(dirname "$0")/lib/common"',
    '. "${BASH_SOURCE%/*}/lib/common"',
    'HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"\nsource "$HERE/lib/common"',
    'source tools/lib/common',  # relative to the tree's root, where CI runs it
])
def test_a_sourced_files_functions_are_the_scripts(tmp_path: Path, source_line: str) -> None:
    script_file = _sourcing_tree(tmp_path, source_line)
    script = Script(path="tools/release.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    # ParseArgs "$@": the library's $1 and $2 are the script's arguments
    assert [(f.name, f.default) for f in script.interface.flags] == [("arg1", None), ("arg2", "all")]
    # its top level runs when sourced; Release and the Prune it calls run; Wipe is never called
    assert sorted((e.call, e.destructive, e.confidence, e.path, e.via) for e in script.effects) == [
        ("docker image prune -af", True, "medium", "tools/lib/common", "tools/lib/common:Prune"),
        ("git push --force origin $1", True, "medium", "tools/lib/common", "tools/lib/common:Release"),
        ("rm -rf /srv/old-builds", True, "medium", "tools/lib/common", "tools/lib/common"),
    ]


@pytest.mark.parametrize("source_line", [
    'source "$HOME/.bashrc"',            # known only when run
    'source "$(git rev-parse --show-toplevel)/tools/lib/common"',
    'source /etc/profile',               # outside the tree
    'source "$(dirname "$0")/missing"',  # not there
])
def test_a_source_that_cannot_be_read_statically_is_left_alone(tmp_path: Path, source_line: str) -> None:
    script_file = _sourcing_tree(tmp_path, source_line)
    script = Script(path="tools/release.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert script.interface.flags == [] and script.effects == []


def test_a_folder_of_function_files_sourced_in_a_loop_by_the_main_function(tmp_path: Path) -> None:
    # the hardening-script shape: ``main`` sources every file of scripts/, then runs them
    (tmp_path / "scripts").mkdir()
    (tmp_path / "scripts" / "cron").write_text("function f_cron {\n  rm /etc/cron.deny\n}\n")
    (tmp_path / "scripts" / "rhosts").write_text("f_rhosts() {\n  userdel -r games\n}\n")
    (tmp_path / "scripts" / "unused").write_text("f_unused() {\n  rm -rf /srv\n}\n")
    script_file = tmp_path / "harden.sh"
    script_file.write_text('#!/bin/bash\nfunction main {\n  for s in ./scripts/*; do\n'
                           '    [[ -f $s ]] || break\n    source "$s"\n  done\n  f_cron\n  f_rhosts\n}\n\n'
                           'main "$@" | tee -a harden.log\n')
    script = Script(path="harden.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert sorted((e.call, e.destructive, e.path) for e in script.effects if e.destructive) == [
        ("rm /etc/cron.deny", True, "scripts/cron"), ("userdel -r games", True, "scripts/rhosts")]


def test_a_source_in_a_function_nothing_runs_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "lib.sh").write_text("wipe() {\n  rm -rf /srv/data\n}\n")
    script_file = tmp_path / "run.sh"
    script_file.write_text('#!/bin/bash\nunused() {\n  source ./lib.sh\n}\nwipe\n')
    script = Script(path="run.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert not any(e.destructive for e in script.effects)


def test_without_its_file_a_script_is_read_alone() -> None:
    script = scan('source "$(dirname "$0")/lib/common"\nParseArgs "$@"\n')
    assert script.effects == [] and script.interface.flags == []


@pytest.mark.parametrize(("text", "destructive"), [
    ("svc &\npid=$!\ntrap 'kill \"$pid\"' EXIT\nkill \"$pid\"\n", []),
    ("svc &\nkill $!\n", []),
    ("svc &\npid=$!\nkill -9 \"$pid\" \"$OTHER\"\n", [True]),
    # the process a PID file names: a daemon stopped as its init script would (mutating)
    ("kill -TERM \"$(cat /run/app.pid)\"\n", [False]),
    ("kill -SIGINT `head -1 $PGDATA/postmaster.pid`\n", [False]),
    ("for pid_file in $(find . -name '*.pid'); do\n  pid=$(cat \"$pid_file\")\n  kill \"$pid\"\n"
     "done\n", [False]),
    ("pid=$(pgrep -f worker)\nkill \"$pid\"\n", [True]),  # found by name: any such process
    # its own background jobs, its own process group
    ("app &\nAPP_PID=`jobs -p`\nkill ${APP_PID} || true\nkill -9 ${APP_PID}\n", []),
    ("app &\npids=$(jobs -p)\nkill $pids\n", []),
    ("trap 'kill 0' EXIT\napp &\nwait\n", []),
    ("kill -- -$$\n", []),
    ("kill 1\n", [True]),
    ("pid=$(cat /run/app.pid)\npid=$(pgrep app)\nkill $pid\n", [True]),
    ("kill -9 $(cat /var/run/app.pid) $(pgrep other)\n", [True]),
])
def test_killing_the_scripts_own_background_children_is_not_destructive(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("kill")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # wiped, made again and written into: generated output, regenerated
    ('for version; do\n  rm -rf "$version"\n  dir="$version/$variant"\n  mkdir -p "$dir"\n'
     '  { echo "# generated"; gawk -f t.awk tpl; } > "$dir/Dockerfile"\ndone\n', []),
    # a data folder emptied for a restore is made again too, with nothing written by the script
    ("rm -rf /var/lib/pgsql/data\nmkdir -p /var/lib/pgsql/data\npg_restore -d db dump\n", [True]),
    ("rm -rf /srv/data\nmkdir /srv/data/x\n", [True]),
    # made again and given a file, but then handed to a server as its data folder: its data
    ('rm -rf data/prom"${i}"\nmkdir -p data/prom"${i}"/\ncat > data/prom"${i}"/prometheus.yml <<EOF\n'
     'x\nEOF\nprometheus --config.file data/prom"${i}"/prometheus.yml --storage.tsdb.path data/prom"${i}" &\n',
     [True]),
    ("rm -rf ./state\nmkdir -p state\necho x > state/seed\nmongod --dbpath=./state\n", [True]),
    # extracted into by ``$TAR -C<folder>`` (the folder joined to the option): written again
    ('rm -rf "${OUT}/docs-git"\nmkdir -p "${OUT}/docs-git"\n'
     'git archive HEAD | $TAR -C${OUT}/docs-git -x docs/\n', []),
])
def test_a_folder_wiped_and_written_again_is_the_scripts_output(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # one command of a library makes and fills the folder, another removes it: a deletion
    ('set_cert() {\n  mkdir -p "$ROOT/$1/tls"\n  cp "$2" "$ROOT/$1/tls/server.crt"\n}\n'
     'remove_cert() {\n  rm -rf "$ROOT/$1/tls"\n}\n', [True]),
    # the same function wipes and regenerates it: its own output
    ('gen() {\n  rm -rf "$OUT/site"\n  mkdir -p "$OUT/site"\n  render > "$OUT/site/index.html"\n}\n', []),
    # made and filled at the top level, removed in a function it calls: its own output
    ('clean() {\n  rm -rf build/docs\n}\nmkdir -p build/docs\nmake html > build/docs/index.html\n'
     'clean\n', []),
])
def test_a_folder_rebuilt_by_another_function_is_not_regenerated_output(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


def test_a_file_sourced_by_its_installed_path_is_the_trees_file(tmp_path: Path) -> None:
    """``source /assets/functions/10-backup`` in an image built with ``COPY install /``: the one
    file of the tree whose path ends with it; none when two could be meant."""
    (tmp_path / "install" / "assets" / "functions").mkdir(parents=True)
    (tmp_path / "install" / "assets" / "functions" / "10-backup").write_text(
        "cleanup_old() {\n  find /backups -mtime +7 -delete\n}\n")
    script_file = tmp_path / "install" / "usr" / "bin" / "backup-now"
    script_file.parent.mkdir(parents=True)
    script_file.write_text("#!/bin/bash\nsource /assets/functions/10-backup\ncleanup_old\n")
    script = Script(path="install/usr/bin/backup-now", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via) for e in script.effects] == [
        (True, "install/assets/functions/10-backup", "install/assets/functions/10-backup:cleanup_old")]
    (tmp_path / "other" / "assets" / "functions").mkdir(parents=True)
    (tmp_path / "other" / "assets" / "functions" / "10-backup").write_text("cleanup_old() { :; }\n")
    ambiguous = Script(path="install/usr/bin/backup-now", language="shell")
    scan_shell(ambiguous, script_file.read_text(), file=script_file, root=tmp_path)
    assert ambiguous.effects == []


@pytest.mark.parametrize("directive", [
    "# shellcheck source=build/backup/lib/pxc/backup.sh",
    "# shellcheck disable=SC1091 source=build/backup/lib/pxc/backup.sh\n# the library",
])
def test_a_shellcheck_source_directive_names_the_file_a_run_time_path_sources(
        tmp_path: Path, directive: str) -> None:
    """``. ${LIB_PATH}/backup.sh`` with ``LIB_PATH`` the folder it is installed in: the
    directive above it names the file in the repository (for ShellCheck)."""
    library = tmp_path / "build" / "backup" / "lib" / "pxc" / "backup.sh"
    library.parent.mkdir(parents=True)
    library.write_text('clean_backup_s3() {\n  xbcloud delete --storage=s3 "$S3_BUCKET_PATH"\n}\n')
    script_file = tmp_path / "build" / "backup" / "backup.sh"
    script_file.write_text(f"#!/bin/bash\nLIB_PATH='/opt/percona/backup/lib/pxc'\n{directive}\n"
                           ". ${{LIB_PATH}}/backup.sh\nclean_backup_s3\n")
    script = Script(path="build/backup/backup.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via) for e in script.effects] == [
        (True, "build/backup/lib/pxc/backup.sh", "build/backup/lib/pxc/backup.sh:clean_backup_s3")]
    # a directive naming a file that is not in the tree, or outside it: nothing is followed
    for named in ("lib/missing.sh", "/dev/null", "../outside.sh"):
        script_file.write_text(f"#!/bin/bash\n# shellcheck source={named}\n. ${{LIB_PATH}}/backup.sh\n"
                               "clean_backup_s3\n")
        alone = Script(path="build/backup/backup.sh", language="shell")
        scan_shell(alone, script_file.read_text(), file=script_file, root=tmp_path)
        assert alone.effects == [], named


def test_a_file_sourced_under_a_folder_known_only_when_run_is_the_trees_file(tmp_path: Path) -> None:
    """``source "$PLUGIN_AVAILABLE_PATH/certs/internal-functions"`` in a plugin's subcommand:
    the one file of the tree whose path ends with it; none when two could be meant, or when
    only a single name follows the variable (``$HOME/.bashrc``)."""
    library = tmp_path / "plugins" / "certs" / "internal-functions"
    library.parent.mkdir(parents=True)
    library.write_text('fn-certs-remove() {\n  rm -rf "$DOKKU_ROOT/$1/tls"\n}\n')
    script_file = tmp_path / "plugins" / "certs" / "subcommands" / "remove"
    script_file.parent.mkdir()
    script_file.write_text('#!/usr/bin/env bash\nsource "$PLUGIN_AVAILABLE_PATH/certs/internal-functions"\n'
                           'fn-certs-remove "$1"\n')
    script = Script(path="plugins/certs/subcommands/remove", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [(e.destructive, e.path, e.via) for e in script.effects] == [
        (True, "plugins/certs/internal-functions", "plugins/certs/internal-functions:fn-certs-remove")]
    other = tmp_path / "contrib" / "certs" / "internal-functions"
    other.parent.mkdir(parents=True)
    other.write_text("fn-certs-remove() { :; }\n")
    ambiguous = Script(path="plugins/certs/subcommands/remove", language="shell")
    scan_shell(ambiguous, script_file.read_text(), file=script_file, root=tmp_path)
    assert ambiguous.effects == []


def test_a_single_name_under_a_folder_known_only_when_run_is_the_one_file_so_named(tmp_path: Path) -> None:
    """``source "${CONTAINER_SCRIPTS_PATH}/common.sh"`` in an image's start script: the one
    ``common.sh`` of the tree, however deep; none when there are two, and never a dotfile."""
    from opsctl.adopt.shell_sources import scanning

    library = tmp_path / "16/root/usr/share/container-scripts/postgresql/common.sh"
    library.parent.mkdir(parents=True)
    library.write_text('try_upgrade() {\n  rm -rf "${PGDATA}-old"\n}\n')
    (tmp_path / ".bashrc").write_text('wipe() {\n  rm -rf /srv/data\n}\n')
    script_file = tmp_path / "16/root/usr/bin/run-db"
    script_file.parent.mkdir(parents=True)
    script_file.write_text('#!/bin/bash\nsource "${CONTAINER_SCRIPTS_PATH}/common.sh"\n'
                           'source "$HOME/.bashrc"\ntry_upgrade\nwipe\n')
    files = ["16/root/usr/share/container-scripts/postgresql/common.sh", ".bashrc", "16/root/usr/bin/run-db"]

    def effects() -> list[tuple[bool, str | None]]:
        script = Script(path="16/root/usr/bin/run-db", language="shell")
        with scanning(tmp_path, files):
            scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
        return [(e.destructive, e.path) for e in script.effects]

    assert effects() == [(True, "16/root/usr/share/container-scripts/postgresql/common.sh")]
    files.append("test/common.sh")
    assert effects() == []


@pytest.mark.parametrize(("text", "destructive"), [
    ("pid=\ntrap '[[ $pid ]] && kill $pid; exec $0' EXIT\nsleep 10 & pid=$!\nwait\n", []),
    ("trap 'kill $(cat /run/app.pid)' EXIT\n", [False]),  # a daemon stopped: a change
    ("trap 'kill $(pgrep app)' EXIT\n", [True]),
    ("svc &\npid=$!\ntrap 'kill $pid; rm -rf /srv/data' EXIT\n", [True]),
    # a wrapper forwarding SIGTERM to the child it started: ``pid=0`` until then, ``${!}`` as ``$!``
    ('pid=0\nterm() {\n  if [ $pid -ne 0 ]; then\n    kill -SIGTERM "$pid"\n  fi\n  exit 143\n}\n'
     "trap 'kill ${!}; term' SIGTERM\n$cmd $script &\npid=\"$!\"\nwait\n", []),
])
def test_a_trap_that_stops_the_scripts_own_children(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects] == destructive


def test_an_options_default_is_the_literal_set_before_the_loop_and_a_number_types_it() -> None:
    script = scan(textwrap.dedent("""\
        KEEP=14 DRY="" REGION="eu-west-1" TOKEN=abc
        while getopts "k:r:t:n" opt; do
          case $opt in
            k) KEEP="$OPTARG" ;;
            r) REGION="$OPTARG" ;;
            t) TOKEN="$OPTARG" ;;
            n) DRY=1 ;;
          esac
        done
        """))
    got = {f.name: (f.type, f.default) for f in script.interface.flags}
    # a credential's default is never kept
    assert got == {"-k": ("integer", 14), "-r": ("string", "eu-west-1"), "-t": ("string", None),
                   "-n": ("boolean", None)}
    loop = scan('RETRIES=3\nwhile [ $# -gt 0 ]; do\n  case "$1" in\n    --retries) RETRIES="$2"; shift 2 ;;\n'
                '    *) shift ;;\n  esac\ndone\n')
    assert [(f.name, f.type, f.default) for f in loop.interface.flags] == [("--retries", "integer", 3)]


def test_environment_named_to_a_function_that_reads_it_indirectly() -> None:
    """The docker-library entrypoint idiom: ``file_env 'POSTGRES_PASSWORD'`` reads
    ``${!var}`` and ``${!fileVar}`` with ``fileVar="${var}_FILE"``."""
    script = scan(textwrap.dedent("""\
        file_env() {
            local var="$1"
            local fileVar="${var}_FILE"
            local def="${2:-}"
            local val="$def"
            if [ "${!var:-}" ]; then
                val="${!var}"
            elif [ "${!fileVar:-}" ]; then
                val="$(< "${!fileVar}")"
            fi
            export "$var"="$val"
            unset "$fileVar"
        }
        file_env 'POSTGRES_PASSWORD'
        file_env 'POSTGRES_USER' 'postgres'
        POSTGRES_DB= psql --dbname postgres -c "CREATE DATABASE $POSTGRES_DB"
        """))
    assert {(e.name, e.credential) for e in script.env} == {
        ("POSTGRES_PASSWORD", True), ("POSTGRES_PASSWORD_FILE", True), ("POSTGRES_USER", False),
        ("POSTGRES_USER_FILE", False), ("POSTGRES_DB", False)}


def test_a_prefix_assignment_sets_the_variable_for_its_command_only() -> None:
    assert [e.name for e in scan('MODE=fast ./run\necho "$MODE"\nFOO=1 export BAR\necho "$FOO"\n').env] == ["MODE"]


def test_state_a_sourced_functions_call_sets_up_is_not_the_environment(tmp_path: Path) -> None:
    (tmp_path / "lib.sh").write_text("setup() {\n  job_host=$(hostname)\n  DB_HOST=${DB_HOST:-db}\n"
                                     "  REGION=eu\n}\n")
    script_file = tmp_path / "run.sh"
    script_file.write_text('#!/bin/bash\n. "$(dirname "$0")/lib.sh"\nsetup\n'
                           'echo "$job_host $DB_HOST $REGION $TOKEN"\n')
    script = Script(path="run.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert sorted(e.name for e in script.env) == ["DB_HOST", "REGION", "TOKEN"]


@pytest.mark.parametrize(("text", "destructive"), [
    # a container the script made under that name
    ('N="static-$SHA"\ndocker create --name "$N" app\ndocker cp "$N:/app/static" out\ndocker rm -f "$N"\n', []),
    ("docker run -d --name=db postgres\ndocker rm -f db other\n", [True]),
    ("docker rm -f web\n", [True]),
    # a folder it made new (mkdir without -p fails when it is there) is its own
    ("mkdir unpack\ncd unpack\njar xf ../app.jar\ncd ..\nrm -rf unpack/\n", []),
    ("mkdir -p /srv/app\nrm -rf /srv/app\n", [True]),
    # wiped, made again and filled by a download into it: its own output
    ('rm -rf "$DIR"\nmkdir "$DIR"\nwget -x -P "$DIR" "$url"\n', []),
    # its own virtualenv, made again
    ('rm -rf "$VENV"\npython3 -m venv "$VENV"\n"$VENV/bin/pip" install app\n', []),
])
def test_what_the_script_made_itself_is_removed_without_loss(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive or " rm" in f" {e.call}"] == destructive


def test_an_option_held_in_a_variable_with_a_few_values_is_tried_with_each() -> None:
    """``rclone ${dry_run} delete``, where ``dry_run`` is ``--dry-run`` unless asked to delete:
    the run without it deletes (medium: which one happens depends on the arguments)."""
    script = scan('dry_run="--dry-run"\nif [ "$2" = "delete" ]; then\n  dry_run=""\nfi\n'
                  'rclone ${dry_run} -vv --checkers 16 delete --include "/${version}**" remote:\n')
    assert [(e.destructive, e.confidence) for e in script.effects] == [(True, "medium")]
    always = scan('dry_run="--dry-run"\nrclone ${dry_run} delete remote:\n')
    assert always.effects == []


@pytest.mark.parametrize(("text", "destructive"), [
    # a disk benchmark removing the image files it wrote by fixed names
    ('dd if=/dev/zero of=./dsync64KB.img bs=64 count=1\nfind . -name "dsync*.img" -delete\n', []),
    ("dd if=/dev/zero of=./dsync64KB.img bs=64 count=1\nrm -f dsync*.img\n", []),
    # a pattern with no name of its own matches whatever else lies there
    ("dd if=/dev/zero of=./a.img bs=64 count=1\nrm -f *.img\n", [True]),
    # retention: older dated backups, before or after the new one is written
    ("rm -f /backups/db-*.sql.gz\npg_dump x | gzip > /backups/db-$(date +%F).sql.gz\n", [True]),
    ("pg_dump x | gzip > /backups/db-$(date +%F).sql.gz\nrm -f /backups/db-*.sql.gz\n", [True]),
    # before the script wrote anything: files that were there
    ("rm -f dsync*.img\ndd if=/dev/zero of=./dsync64KB.img bs=64 count=1\n", [True]),
    # searched elsewhere, or with another test than the name
    ('dd if=/dev/zero of=./dsync64KB.img\nfind / -name "dsync*.img" -delete\n', [True]),
    ('dd if=/dev/zero of=./dsync64KB.img\nfind . -name "dsync*.img" -mtime +3 -delete\n', [True]),
    # temporary files by their name (``*.tmp.zip``: a save interrupted half-way)
    ('rm -f "$SAVES"/*.tmp.zip\n', []),
    # a file removed and written again, here or in another function (a key, a repository's
    # definition): replaced, not lost; a pattern only for its own configuration under /etc
    ("rm -f /usr/share/keyrings/nodesource.gpg\n"
     "curl -fsSL https://deb.example.org/key | gpg --dearmor -o /usr/share/keyrings/nodesource.gpg\n", []),
    ("setup() {\n  rm -f /etc/apt/sources.list.d/nodesource.list\n}\nrepo() {\n"
     "  echo deb x | tee /etc/apt/sources.list.d/nodesource.list\n}\nsetup\nrepo\n", []),
    ("rm -f /etc/yum.repos.d/nodesource*.repo\necho x | tee /etc/yum.repos.d/nodesource-nodejs.repo\n", []),
    ("rm -f /etc/yum.repos.d/*.repo\necho x | tee /etc/yum.repos.d/nodesource-nodejs.repo\n", [True]),
    # named by a constant (a capitalised variable) and written again; an archive, then removed
    ('EXTENSION_DIST_ZIP=extension.zip\nrm -f $EXTENSION_DIST_ZIP\ncurl -L $url -o $EXTENSION_DIST_ZIP\n', []),
    ("zip -rq layer.zip build extensions\nrm -rf build extensions\n", []),
    # a folder holds more than the file written back into it
    ("rm -rf /srv/app/config.json\necho '{}' > /srv/app/config.json\n", []),
    ("rm -rf /srv/app\necho '{}' > /srv/app/config.json\n", [True]),
])
def test_a_pattern_naming_the_files_the_script_wrote_is_its_own_output(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_dumps_and_archives_written_through_their_output_option_are_file_writes() -> None:
    script = scan("""\
        #!/bin/sh
        pg_dump -f "$OUT" "$DB"
        pg_dumpall --file=/backups/all.sql
        mysqldump --result-file /backups/app.sql app
        tar -czf /backups/srv.tgz /srv
        zip -r /backups/srv.zip /srv
        gzip -c /srv/app.log > /backups/app.log.gz
        pg_dump app
    """)
    assert [(e.line, e.kind, e.destructive, e.confidence) for e in script.effects] == [
        (2, "file-write", False, "high"), (3, "file-write", False, "high"),
        (4, "file-write", False, "high"), (5, "file-write", False, "high"),
        (6, "file-write", False, "high"), (7, "file-write", False, "high")]


def test_an_installed_path_is_looked_up_once_per_scan_and_afresh_after(tmp_path: Path) -> None:
    from opsctl.adopt import shell_sources

    (tmp_path / "install" / "lib").mkdir(parents=True)
    (tmp_path / "install" / "lib" / "common").write_text("x() { :; }\n")
    with shell_sources.scanning():
        first = shell_sources._deployed("/lib/common", tmp_path)
        (tmp_path / "other" / "lib").mkdir(parents=True)
        (tmp_path / "other" / "lib" / "common").write_text("x() { :; }\n")
        assert shell_sources._deployed("/lib/common", tmp_path) == first  # one scan, one answer
    assert first == tmp_path / "install" / "lib" / "common"
    assert shell_sources._deployed("/lib/common", tmp_path) is None  # two now: ambiguous


@pytest.mark.parametrize(("text", "destructive"), [
    ('sed -i.bak "s/1.0/1.1/g" "$FILENAME" && rm "$FILENAME.bak"\n', []),
    ("sed -i.orig -e s/a/b/ x.conf y.conf\nrm -f y.conf.orig\n", []),
    ("sed --in-place=.old 1d HISTORY.md\nrm HISTORY.md.old\n", []),
    # without a backup suffix, sed leaves no copy: the .bak removed is someone else's
    ("sed -i 1d HISTORY.md\nrm HISTORY.md.bak\n", [True]),
    # a pattern of the suffix its own in-place edits used: the copies they left
    ("sed -i.bak -E 's/a/b/g' *.pb.go\nrm -f *.bak\n", []),
    ("sed -i~ 's/a/b/' conf/*.ini\nrm -f conf/*~\n", []),
    # no sed with that suffix, or a pattern that is not only the suffix: someone else's files
    ("sed -i.orig 's/a/b/' x\nrm -f *.bak\n", [True]),
    ("sed -i.bak 's/a/b/' x\nrm -f backups/db*\n", [True]),
])
def test_the_backup_copy_sed_leaves_is_the_scripts_own_file(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ("kubectl run dbg --image=busybox -- sleep 60\nkubectl delete pod dbg\n", []),
    ("kubectl create namespace ci-test\nkubectl delete ns ci-test\n", []),
    ("ctrl=kubectl\n$ctrl delete pod/backup-access 2>/dev/null || :\n"
     "cat - <<-EOF | $ctrl apply -f -\n\tapiVersion: v1\n\tkind: Pod\n\tmetadata:\n"
     "\t  name: backup-access\n\tspec: {}\n\tEOF\n$ctrl cp backup-access:/backup/ out/\n"
     "$ctrl delete pod/backup-access\n", []),
    # an object it did not make, or one of several that it did not
    ("kubectl delete pod dbg\n", [True]),
    ("kubectl run dbg --image=busybox\nkubectl delete pod/dbg pod/web\n", [True]),
    ("kubectl run dbg --image=busybox\nkubectl delete deployment dbg\n", [True]),
])
def test_deleting_a_kubernetes_object_the_script_made_by_name_is_its_own(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if "delete" in e.call] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the folder an archive unpacks into, by its name or the folder it goes into next
    ("wget -q https://x.io/etcd-v${V}-linux.tar.gz\ntar xf etcd-v${V}-linux.tar.gz\n"
     "sudo cp etcd-v${V}-linux/etcdctl /usr/local/bin/\nrm -rf etcd-v${V}-linux\n", []),
    ('tar -xf "$TARBALL"\nrm -f "$TARBALL"\ncd luarocks-"$VER" || exit\n./configure\nmake install\n'
     'cd ..\nrm -rf luarocks-"$VER"\n', []),
    ("unzip v1.1.zip && cd ./brotli-1.1 && make\ncd ..\nrm -rf brotli-1.1\n", []),
    # unpacked elsewhere (-C): the folder removed is not the one it made
    ("tar -xzf app.tar.gz -C /srv\nrm -rf app\n", [True]),
    ("tar xf backup.tar.gz\nrm -rf data\n", [True]),
])
def test_the_folder_an_archive_unpacks_into_is_the_scripts_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ("apt-get install -y sudo cmake wget unzip\nmake install\napt purge -qy cmake sudo wget unzip\n", []),
    ("apt-get install -y --no-install-recommends gcc musl-dev\napt-get purge -y gcc musl-dev\n", []),
    # a package it did not install itself
    ("apt-get install -y cmake\napt purge -y cmake nginx\n", [True]),
])
def test_removing_the_packages_the_script_installed_itself_is_not_destructive(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the folder git names the checkout after, when the script gives none
    ('git clone -b "v${V}" https://github.com/restic/restic.git\nrm -rf restic/.git\n'
     "diff -r restic restic-${V}\n", []),
    ("git clone git@github.com:org/tool\nrm -rf tool/build\n", []),
    ("git clone https://github.com/restic/restic.git\nrm -rf other/.git\n", [True]),
])
def test_a_checkout_named_by_git_is_the_scripts_own_clone(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ("rm -f /var/run/dokku/ready\n", [False]),
    ("rm -rf /run/lock/app\n", [False]),
    ("rm -rf /etc/runit/runsvdir/default/nginx\n", [False]),
    ("rm -f /etc/rc2.d/S20nginx\n", [False]),
    ("rm /etc/systemd/system/multi-user.target.wants/app.service\n", [False]),
    # a package's postrm unscheduling its log rotation and cron job
    ("rm -f /etc/logrotate.d/st2\n", [False]),
    ("rm -f /etc/cron.d/autobackup /etc/cron.daily/standard\n", [False]),
    # everything under /run at once, or data beside it
    ("rm -rf /run/*\n", [True]),
    ("rm -rf /etc/cron.d/*\n", [True]),
    ("rm -f /etc/rc2.d/S20nginx /var/lib/app/db\n", [True]),
])
def test_run_time_state_and_service_links_are_a_change_not_a_loss(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects] == destructive


@pytest.mark.parametrize(("text", "calls"), [
    ('"$DOCKER_BIN" container rm --force "$CID"\n', [("docker container rm --force $CID", True)]),
    ("$KUBECTL delete ns x\n", [("kubectl delete ns x", True)]),
    # a variable named for something else stays unresolved (and says so)
    ("$DOCKER_IMAGE rm x\n", [("$DOCKER_IMAGE rm x", True)]),
    ("$GIT_DIR status\n", []),
])
def test_a_program_held_in_a_variable_set_elsewhere_is_the_tool_it_is_named_after(
        text: str, calls: list[tuple[str, bool]]) -> None:
    script = scan(text)
    assert [(e.call, e.destructive) for e in script.effects] == calls
    assert all(e.confidence == "medium" for e in script.effects)


def test_a_java_held_in_a_variable_running_a_deleting_main_class() -> None:
    script = scan('. "$(dirname "$0")/env.sh"\n'
                  '"$JAVA" "${flags[@]}" org.apache.zookeeper.server.PurgeTxnLog "$DATA" "$@"\n')
    assert [(e.destructive, e.confidence) for e in script.effects] == [(True, "medium")]


@pytest.mark.parametrize(("text", "destructive"), [
    # the chart's dependency archives, fetched again by ``helm dependency update``/``build``
    ('rm -f charts/linkerd-crds/charts/*\n"$bindir"/helm dep up charts/linkerd-crds\n', []),
    ("rm -rf charts/app/charts/*.tgz charts/app/tmpcharts\nhelm dependency build charts/app\n", []),
    # without the download, or removing more than the archives: a deletion
    ("rm -f charts/linkerd-crds/charts/*\nhelm lint charts/linkerd-crds\n", [True]),
    ("rm -rf charts/app\nhelm dep up charts/app\n", [True]),
])
def test_helm_dependency_archives_downloaded_again_are_regenerated(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # ``unset`` gives the variable its empty value: the run without ``--dry-run`` is one of them
    ('unset DRY_RUN\nwhile getopts "n" o; do\n  case $o in\n    n) DRY_RUN="--dry-run" ;;\n  esac\n'
     'done\npt-archiver ${DRY_RUN} --source h=db,t=x --purge --where 1=1\n', [True]),
    # set unconditionally: always a dry run
    ('DRY_RUN="--dry-run"\npt-archiver ${DRY_RUN} --source h=db,t=x --purge --where 1=1\n', []),
])
def test_an_unset_option_variable_may_be_empty(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("pt-archiver")] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the files a loop walks were there before: a later ``mv -f "$tmp" "$log"`` under the same
    # name does not make the ``rm $log`` of found files a removal of its own output
    ('for log in $(find "$d" -type f -mmin +10); do\n  rm $log\ndone\n'
     'for log in $(find "$d" -size +1M); do\n  tail -c 5k "$log" > "$log.tmp"\n  mv -f "$log.tmp" "$log"\ndone\n',
     [True]),
    # an archive it unpacks and then removes is consumed input
    ('for tf in $(find . -name "*.tar.gz"); do\n  tar xf "${tf}" -C out\n  unlink "${tf}"\ndone\n', []),
])
def test_a_loop_variable_names_what_the_loop_walks(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith(("rm", "unlink"))] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the container whose ID it holds, the image it built under that tag: its own
    ("docker build -t registry-golang .\nID=$(docker create registry-golang)\n"
     "docker cp $ID:/bin/registry bin/\ndocker rm -f $ID\ndocker rmi -f registry-golang\n", []),
    ("podman image build --tag scratch-img .\npodman image rm scratch-img\n", []),
    # removed on the way out, by an exit trap
    ('cid="$(docker run -d "$image")"\ntrap "docker rm -vf $cid > /dev/null" EXIT\n', []),
    ('trap "docker rm -vf $cid > /dev/null" EXIT\n', [True]),
    # someone else's image or container
    ("docker build -t app .\ndocker rmi -f app other\n", [True]),
    ('docker rm -f "$OTHER"\n', [True]),
])
def test_a_container_or_image_the_script_made_is_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects
            if " rm" in e.call or " rmi" in e.call] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # stale sockets, control and PID files a daemon makes again: a change, no data lost
    ("rm -f /dev/log\n", [False]),
    ("rm -f /var/lib/syslog-ng/syslog-ng.ctl\n", [False]),
    ('rm -f "$RUN_DIR/app.sock" /srv/app/app.pid\n', [False]),
    # a folder's every file, or a device: a deletion
    ("rm -f /srv/app/*\n", [True]),
    ("rm -f /dev/sdb\n", [True]),
])
def test_sockets_and_pid_files_are_run_time_state(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.call.startswith("rm")] == destructive


@pytest.mark.parametrize(("text", "expected"), [
    # a loop over the arguments, bare or with ``in "$@"``, or a copy of them: a list positional
    ('if [ "$#" -eq 0 ]; then\n  eval "set -- $(ls -d */)"\nfi\nfor version; do\n  echo "$version"\ndone\n',
     [("arg1", "list")]),
    ('for process in "$@"\ndo\n  wait_for "$process"\ndone\n', [("arg1", "list")]),
    ('for f in "$@"; do gzip "$f"; done\n', [("arg1", "list")]),
    ('versions=( "$@" )\nfor v in "${versions[@]}"; do build "$v"; done\n', [("arg1", "list")]),
    # a copy of them, with a file it cannot read sourced too
    ('. /etc/default/grub\nKERNEL_ARGS="$*"\ngrubby --update-kernel=ALL --args="$KERNEL_ARGS"\n',
     [("arg1", "list")]),
    # ``"${@}"`` as the command: it runs what it is given, a function of its own by name
    ('load() { :; }\nunload() { :; }\n"${@}"\n', [("arg1", "list")]),
    # a function's own loop over its own arguments, or a message: not the script's
    ('join() {\n  for x; do printf %s "$x"; done\n}\njoin a b\n', []),
    ('echo "usage: $0 $@"\n', []),
])
def test_a_script_that_walks_its_arguments_takes_a_list(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(f.name, f.type) for f in scan(text).interface.flags] == expected


@pytest.mark.parametrize(("text", "destructive"), [
    # the script signalling itself (``trap 2; kill -2 $$``): its own end
    ("cleanup() {\n  trap 2; kill -2 $$\n}\ntrap cleanup ERR\n", []),
    # a checkout it clones (into the folder the URL names) and enters with pushd: its own tree
    ('if [ ! -d ${proj} ]; then\n  git clone https://github.com/org/${proj}\nfi\n'
     'pushd ${proj}\n  git reset --hard origin/master\npopd\ngit reset --hard origin/master\n', [True]),
    # ``${DIR:?}`` is ``$DIR``: a folder wiped and written again is its own output
    ('rm -rf "${OUT:?}" && mkdir -p "${OUT}"\necho x > "${OUT}/kustomization.yaml"\n', []),
])
def test_its_own_process_checkout_and_guarded_folders(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_every_option_variable_with_a_few_values_is_tried_together() -> None:
    # ``KUBECONFIG`` empty or an argument, and ``DRY_RUN`` empty or ``--dry-run=client``: the
    # delete without the dry run is one of the combinations
    text = ('KUBECONFIG=""\nDRY_RUN=""\nwhile [ "$1" != "" ]; do\n  case $1 in\n'
            '  -u) shift; KUBECONFIG="$1" ;;\n  --dry-run) DRY_RUN="--dry-run=client" ;;\n  esac\n'
            '  shift\ndone\nkubectl --kubeconfig ${KUBECONFIG} -n x ${DRY_RUN} delete app y\n')
    assert [e.destructive for e in scan(text).effects] == [True]


@pytest.mark.parametrize(("text", "destructive"), [
    # find in the tree it made with mktemp
    ('rootfs=$(mktemp -d)\nfind "$rootfs/usr/share/doc" -mindepth 2 -not -name copyright -delete\n', []),
    # the disk image qemu-img made and the PID file qemu writes
    ('IMG=build/vm/instance.qcow2\nPIDFILE=build/vm/instance.pid\ncleanup() {\n  rm -f "$IMG" "$PIDFILE"\n}\n'
     'trap cleanup EXIT\nqemu-img create -f qcow2 -o backing_file=base.qcow2 "$IMG"\n'
     'qemu-system-x86_64 -pidfile "$PIDFILE" -drive "file=$IMG" &\n', []),
    # folders wiped and written again by rsync and sphinx
    ('OUT=generated/docs\nRST=generated/rst\nrm -rf "${OUT}"\nmkdir -p "${OUT}"\nrm -rf "${RST}"\n'
     'mkdir -p "${RST}"\nrsync -av docs/root/ conf.py "${RST}"\nsphinx-build -b html "${RST}" "${OUT}"\n', []),
    # the device it mapped itself (a fresh LUKS RAM disk) formatted; any other device is not its own
    ('cryptsetup $args luksFormat /dev/ram0 -\ncryptsetup $args luksOpen /dev/ram0 certfs -\n'
     'mkfs.ext2 /dev/mapper/certfs\n', []),
    ("mkfs.ext4 /dev/sdb1\n", [True]),
])
def test_what_the_script_made_itself_is_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize("text", [
    # a temporary named in a default assignment, and its archive edited in place
    ': "${CHART_TMP:=$(mktemp --suffix .tar)}"\nrm -rf ${CHART_TMP} ${CHART_TMP}.gz\n'
    'tar --delete -b 8192 -f ${CHART_TMP} chart/Chart.yaml\n',
    # a file named as a temporary, written by ``docker save`` first
    'docker image save --output "${DEST}.tmp" app:1\nbsdtar -c -f "$DEST" @"${DEST}.tmp"\n'
    'rm -f "${DEST}.tmp"\n',
    # the script's own process, to end it from a subshell
    'scriptPid="$$"\nfetch() { curl -fsS "$1" || kill "$scriptPid"; }\n',
    # a download saved under the URL's last part, removed once read
    "curl -fsSO https://example.org/vex/rancher.openvex.json\ntrivy image --vex rancher.openvex.json x\n"
    "rm rancher.openvex.json\n",
    # a link it makes, removed again
    "[ -e ./v3 ] || ln -s . v3\ngenerate v3/pkg\n[ -L ./v3 ] && rm -rf v3\n",
    # the contents of a folder it makes and writes again
    "mkdir -p docs/snyk\nrm -rf docs/snyk/*\ncat > docs/snyk/index.md <<EOF\n# report\nEOF\n",
    # what its own create made, deleted on its way out
    "id=sched1\ntrap \"temporal schedule delete -s '$id'\" EXIT\ntemporal schedule create -s \"$id\" -w wf\n",
    "kops create cluster --name \"$NAME\" --zones a\nrun_tests\nkops delete cluster --name \"$NAME\" --yes\n",
    # a folder wiped and written again by ``jsonnet -m``, then pruned of its json files
    "rm -rf manifests\nmkdir -p manifests/setup\njsonnet -J vendor -m manifests x.jsonnet\n"
    "find manifests -type f ! -name '*.yaml' -delete\n",
    # a bare lock file and bytecode caches
    "rm -f $SHARED_VOLUME/lock\nfind . -type f -name '*.py[c|o]' -delete\n",
    # a tool's ``--output`` file, removed by an exit trap
    "helm schema --output diff-schema.schema.json\ntrap 'rm -rf -- \"diff-schema.schema.json\"' EXIT\n",
])
def test_what_the_script_made_itself_is_its_own_to_remove(text: str) -> None:
    assert [e.call for e in scan(text).effects if e.destructive] == []


@pytest.mark.parametrize(("text", "call"), [
    # deleted before it is made again: what was there is gone
    ("kops delete cluster --name \"$NAME\" --yes\nkops create cluster --name \"$NAME\"\n",
     "kops delete cluster --name $NAME --yes"),
    ("kops create cluster --name \"$NAME\"\nkops delete cluster --name other --yes\n",
     "kops delete cluster --name other --yes"),
    # a download does not make every other path its own
    ("curl -O https://example.org/a.tgz\nrm -rf /srv/data/*\n", "rm -rf /srv/data/*"),
    ("pid=$(cat /run/app.pid)\nrm -rf /srv/app.tmp.d/data\n", "rm -rf /srv/app.tmp.d/data"),
    ("helm schema --output out.json\ntrap 'rm -rf /srv/data' EXIT\n", "trap rm -rf /srv/data EXIT"),
    ("mkdir -p /srv/data\nfind /srv/data -mtime +7 -delete\n", "find /srv/data -mtime +7 -delete"),
    # a retention find in a folder the script writes into but never emptied: earlier runs' files
    ('mkdir -p "$B/daily"\nln "$F" "$B/daily/x"\nfind "$B/daily" -mtime +7 -delete\n',
     "find $B/daily -mtime +7 -delete"),
])
def test_what_the_script_did_not_make_stays_destructive(text: str, call: str) -> None:
    assert [e.call for e in scan(text).effects if e.destructive] == [call]


def test_deleting_inside_its_own_temporary_copy_is_its_own() -> None:
    """``cp -rf ./ $TMPDIR``, ``cd $TMPDIR/src/app``, then ``rm -rf cli/``: the copy's files;
    an absolute path, or relative ones after going somewhere else, stay destructive."""
    effects = scan("""
        TMPDIR=$(mktemp -d)
        cp -rf ./ $TMPDIR
        cd $TMPDIR/src/app
        rm -rf cli/ deployments/templates
        find ./server -not -path "./server" -delete
        rm -rf /srv/data
        cd /opt/app
        rm -rf cache2
    """).effects
    assert [(e.call, e.destructive) for e in effects] == [
        ("rm -rf /srv/data", True), ("rm -rf cache2", True)]


def test_a_force_push_from_its_own_clone_still_rewrites_the_remote() -> None:
    effects = scan("""
        git clone --branch=gh-pages --depth=1 "$remote" gh-pages
        cd gh-pages
        git rm -r .
        git push --force --quiet "$remote" gh-pages
    """).effects
    assert [(e.call, e.destructive) for e in effects if e.destructive] == [
        ("git push --force --quiet $remote gh-pages", True)]


@pytest.mark.parametrize(("text", "flags"), [
    ("container_name=$1\nshift\ntimeout=$1\n", [("arg1", "container_name"), ("arg2", "timeout")]),
    ("a=$1\nshift 2\nb=$1\n", [("arg1", "a"), ("arg3", "b")]),
    # a shift in an option loop or an ``if`` happens a number of times not known here
    ("while [ $# -gt 0 ]; do\n  case $1 in\n    -v) V=1; shift ;;\n  esac\n  shift\ndone\n"
     "name=$1\n", [("-v", "V"), ("arg1", "name")]),
    ('if [ "$1" = -v ]; then\n  V=1\n  shift\nfi\nname=$1\n', [("-v", None), ("arg1", "name")]),
])
def test_a_top_level_shift_moves_the_positionals_read_after_it(
        text: str, flags: list[tuple[str, str | None]]) -> None:
    assert [(f.name, f.dest) for f in scan(text).interface.flags] == flags


def test_a_here_document_piped_from_cat_into_a_sql_client_is_its_sql() -> None:
    effects = scan("""
        cat << EOF | mysql -u root ${MYSQL_ROOT_PW_ARG}
        DROP USER '${DATABASE}'@'localhost';
        DROP DATABASE ${DATABASE};
        EOF
        cat <<EOF | psql
        SELECT 1;
        EOF
    """).effects
    assert [(e.kind, e.destructive, e.line) for e in effects] == [("sql", True, 1)]


@pytest.mark.parametrize(("text", "destructive"), [
    # an identifier its own create printed, deleted on the way out (a trap's function)
    ("cleanup() {\n  aws elbv2 delete-trust-store --trust-store-arn $ARN --region $AWS_REGION\n"
     "  aws s3 rb s3://$BUCKET --force\n}\ntrap cleanup EXIT\nBUCKET=mtls-$(date +%s)\n"
     "aws s3 mb s3://$BUCKET\nARN=$(aws elbv2 create-trust-store --name t --output text)\n", []),
    ("aws acm delete-certificate --certificate-arn $OLD_ARN\naws s3 rb s3://$BUCKET --force\n",
     [True, True]),
    # a manifest it wrote into its own temporary file, created and deleted again
    ('M=$(mktemp)\ngo run gen.go > "$M"\nkubectl create -f "$M"\nkubectl delete -f "$M"\n', []),
    ('kubectl delete -f "$M"\nkubectl delete -f deploy.yaml\n', [True, True]),
    # the signing key it imported for the run
    ("trap 'gpg --batch --yes --delete-secret-keys \"$KEY\"' EXIT\ngpg --batch --import key.asc\n", []),
    ("gpg --batch --yes --delete-secret-keys \"$KEY\"\n", [True]),
    # a build folder wiped, made again and filled (``git archive -o``, ``tar xvfz -C``)
    ('B=build/debian\nrm -rf "$B"\nmkdir -p "$B"/pkg\ngit archive HEAD -o "$B"/src.tar.gz\n', []),
    ('d="bin/kafka/$v"\ntest -d "$d" && rm -r "$d"\nmkdir -p "$d"\ntar xvfz "$f" -C "$d"\nrm -rf $d\n', []),
    # a volume it made, the charts it packaged, folders it regenerates (cp of a pattern, protoc)
    ("docker volume create --name $D\ndocker run -v $D:/etc/openvpn --rm img x\ndocker volume rm $D\n", []),
    ("docker volume rm other-data\n", [True]),
    # a volume left by an earlier run, dropped with its data before it is made again
    ("for v in 1 2; do\n  docker volume rm pg$v-data\n  docker volume create pg$v-data\ndone\n", [True]),
    # an IAM user and group it created, taken apart again in the same run
    ('U=ci-user-$(openssl rand -hex 8)\naws iam create-group --group-name "$G"\n'
     'aws iam attach-group-policy --policy-arn arn:aws:iam::aws:policy/X --group-name "$G"\n'
     'aws iam create-user --user-name "$U"\naws iam delete-user --user-name "$U"\n'
     'aws iam detach-group-policy --policy-arn arn:aws:iam::aws:policy/X --group-name "$G"\n'
     'aws iam delete-group --group-name "$G"\n', []),
    ('aws iam delete-user --user-name "$U"\n', [True]),
    # emptied first, set later to its own temporary file or container
    ('CLEANUP_BIN=""\nCLEANUP_CTR=""\ncleanup() {\n  rm -f "${CLEANUP_BIN}"\n  docker rm -f "${CLEANUP_CTR}"\n}\n'
     'trap cleanup EXIT\ntmp="$(mktemp)"\nCLEANUP_BIN="${tmp}"\ncid="$(docker create "$image")"\n'
     'CLEANUP_CTR="${cid}"\n', []),
    ('CLEANUP_CTR=""\ndocker rm -f "${CLEANUP_CTR}"\nCLEANUP_CTR="${other}"\n', [True]),
    # a download folder emptied, made again and filled by ``gh release download --dir``
    ('D="$(pwd)/packages/${tag}/java"\nrm -rf "${D}"\nmkdir -p "${D}"\ngh release download --dir "${D}" "${tag}"\n', []),
    # the folder a downloaded release archive unpacks into, its name set from a variable
    ('name=app-${RELEASE}\ntar_gz=${name}.tar.gz\ncurl -fO https://x/${tar_gz}\nrm -rf ${name}\n'
     'tar xf ${tar_gz}\nrm -rf ${name}\n', []),
    # what a find lists and xargs removes is judged as ``find ... -delete``
    ('find . -name "*.pyc" -print0 | xargs -0 rm\n', []),
    ('find /srv/data -name "*.csv" -print0 | xargs -0 rm -f\n', [True]),
    # a trap of several commands, each cleaning up what it made
    ('docker volume create --name $D\ntrap "{ jobs -p | xargs -r kill; wait; docker volume rm ${D}; }" EXIT\n', []),
    ('trap "{ jobs -p | xargs -r kill; wait; docker volume rm other; }" EXIT\n', [True]),
    ("cd charts\nhelm package app\nhelm push app-1.0.tgz oci://r\nrm -f ./*.tgz\n", []),
    ("rm -rf ./go_client/ ./swagger && mkdir -p ./go_client && mkdir -p ./swagger\n"
     "cp $TMP/proto/go_client/* ./go_client\nprotoc -I. --go_out $TMP --openapiv2_out=:swagger ./*.proto\n", []),
    # a create in ``deploy``, the delete in ``teardown``: what an earlier run made
    ("deploy() {\n  gcloud container clusters create $NAME\n}\nteardown() {\n"
     "  gcloud container clusters delete $NAME --quiet\n}\ncase $1 in deploy) deploy;; teardown) teardown;; esac\n",
     [True]),
    ("gcloud container clusters create $NAME\ngcloud container clusters delete $NAME --quiet\n", []),
    # a compound verb: ``cf create-service-key`` ... ``cf delete-service-key`` of the same key
    ("cf create-service-key db KEY\npsql -f dump.sql\ncf delete-service-key -f db KEY\n", []),
    ("cf delete-service-key -f db KEY\n", [True]),
    # a data file it wrote, removed through another variable set to the same path
    ('in=$1\nfor i in 1 2; do echo $i; done > $in-bw.data\ndatafile=$in-bw.data\nrm $datafile\n', []),
    # a file removed to be downloaded again from a URL held in a variable
    ('rm -f index.yaml\nwget "$repo_url/index.yaml"\n', []),
    # a namespace it made for a verification job, and what it runs there
    ('kubectl create ns $NS\nkubectl -n $NS create -f job.yaml\nkubectl -n ${NS} delete job/${JOB}\n'
     'kubectl delete ns $NS\n', []),
    ('kubectl -n prod delete job/${JOB}\n', [True]),
    # a toolchain folder emptied, made again and filled by downloads run inside it
    ('D="$ROOT/.vendor/golocal"\n[ -d "$D" ] && rm -rf $D\nmkdir -p "$D"\ncd "$D"\n'
     'curl -L -O https://dl.google.com/go/go.tar.gz\ntar xf go.tar.gz\n', []),
    ('D=/srv/data\nrm -rf $D\nmkdir -p $D\ncd $D\nls\n', [True]),
    # a working tree removed, then made again by ``git worktree add``
    ('D="${ROOT}/released"\nrm -rf "${D}"\ngit worktree add -f "${D}" "${SHA}"\n', []),
    ("rm -rf old-tree\ngit worktree add -b fix new-tree main\n", [True]),
    # the script's own file (an installer stub the real binary replaces)
    ('rm -f "$0"\nexec subctl "$@"\n', []),
    ('rm -f "$0" /etc/x\n', [True]),
    # pages numbered by a counter, wiped before the loop writes them again; not dated backups
    ('rm -f pages/*.json\nN=0\nwhile true; do\n  N=$((N+1))\n  curl x > "pages/$N.json"\ndone\n', []),
    ('out="$2"\nrm -f "$out"/inline-*.yaml\nn=0\nfor f in *.adoc; do\n  n=$((n + 1))\n'
     '  o="$out/inline-$(basename "$f")-${n}.yaml"\n  echo x > "$o"\ndone\n', []),
    ('rm -f backups/db-*.gz\npg_dump x | gzip > "backups/db-$(date +%F).gz"\n', [True]),
    ('rm -f out/*.json\ncurl x > "out/$1.json"\n', [True]),
    # copied elsewhere just before: a move; the backups its own ``find -exec sed -i.bak`` left
    ('cp -R --parents "$d" reports\nrm -rf "$d"\n', []),
    ('cp -R "$d" reports\nrm -rf "$d" other\n', [True]),
    ('cp -R docs v/1\nfind v/1 -type f -exec sed -i".bak" "s/a/b/" {} +\nfind v/1 -name "*.bak" | xargs rm\n', []),
    ("find . -type f -exec sed -i'.bak' 's/a/b/' {} +\nfind . -name '*.bak' -delete\n", [True]),
    # the containers it brought up itself, taken down in the same function or from an exit trap
    ("docker compose -p it up -d\n./run-tests\ndocker compose -p it down\n", []),
    ('trap "docker compose -p t down" EXIT\ndocker compose -p t up -d\n', []),
    # a stop script, another project, a down before the up, volumes deleted: destructive
    ("docker compose down\n", [True]),
    ("docker compose -p a up -d\ndocker compose -p b down\n", [True]),
    ("docker-compose -f a.yml down\ndocker-compose -f a.yml up -d\n", [True]),
    ("docker compose up -d\n./run-tests\ndocker compose down -v\n", [True]),
    ("start() {\n  docker compose up -d\n}\nstop() {\n  docker compose down\n}\n", [True]),
    # the manifest it piped into ``kubectl apply -f -``, piped again into ``delete -f -``
    ('KUBECTL=bin/kubectl\necho "$R" | "${KUBECTL}" apply -f -\nsleep 1\necho "$R" | "${KUBECTL}" delete -f -\n', []),
    ('echo "$A" | kubectl apply -f -\necho "$B" | kubectl delete -f -\n', [True]),
    ('echo "$R" | kubectl delete -f -\n', [True]),
])
def test_resources_ids_manifests_and_keys_it_made_are_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("path", "text", "destructive"), [
    # a dump or a backup loaded into the server replaces what it held
    ("restore-tables.sh", 'mysql < "$file" "$db" --host="$host"\n', [True]),
    ("load.sh", 'mysql "$db" < /backups/ezid-dump.sql\n', [True]),
    # another SQL file (a schema, a seed): not known to destroy
    ("init-db.sh", 'mysql "$db" < schema.sql\n', [False]),
    # a dump written out by the command before, read from a pipe or ``< <(...)``
    ("apply.sh", 'gunzip -c cleaned-db-dump.sql.gz | psql "$URI"\n', [True]),
    ("apply.sh", 'psql "$URI" < <(gunzip --to-stdout cleaned-db-dump.sql.gz)\n', [True]),
    ("4_restore.sh", "restic dump \"$ID\" /db | kubectl exec -i \"$POD\" -- bash -c 'mysql -uroot'\n", [True]),
    ("db-load.sh", "cat pre.sql <(pv prod-snapshot.sql.xz | unxz) post.sql | mysql -u app app\n", [True]),
    # its statements given on the command line (the input is data), or another file: unknown
    ("load.sh", 'gunzip -c data.csv.gz | psql "$URI" -c "copy t from stdin"\n', [False]),
    ("init.sh", 'cat schema.sql | psql "$URI"\n', []),
])
def test_a_dump_fed_to_a_sql_client_restores_over_the_database(path: str, text: str, destructive: list[bool]) -> None:
    script = Script(path=path, language="shell")
    scan_shell(script, "#!/bin/bash\n" + text)
    assert [e.destructive for e in script.effects if e.kind == "sql"] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a runner handed the name of one of the script's functions: what that function does counts
    ("remove_gw_labels() {\n  kubectl label node x gw-\n}\nrun_all_clusters remove_gw_labels\n", []),
    ("delete_pods() {\n  kubectl delete pod x\n}\nrun_all_clusters delete_pods\n", [True]),
    # no such function: a tool told to remove
    ("run_all_clusters remove_gw_labels\n", [True]),
    # a tool named by a variable whose verb a function happens to share
    ('DKMS=/usr/sbin/dkms\nremove() {\n  ${DKMS} remove -m "$1" -v 1 --all\n}\nremove nvidia\n', [True]),
])
def test_a_tool_handed_one_of_the_scripts_functions_is_judged_by_the_function(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # command lines printed and piped to a shell are what runs
    ("gcloud compute images list | awk '{print \"gcloud compute images delete --quiet \" $1}' \\\n  | bash\n",
     [True]),
    ('echo "rm -rf /srv/data" | sh\n', [True]),
    ('echo "hello world" | bash\n', []),
    # printed, not run: written to a file, or a shell started on its own line
    ('echo "rm -rf /srv/data" > x.sh\n', []),
    ('echo "rm -rf /srv/data"\nbash\n', []),
])
def test_command_lines_printed_into_a_shell_run(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ('echo "select pg_terminate_backend($PID)" | psql -U postgres\n', [True]),
    ('PSQL="psql -U postgres postgres"\necho "select pg_terminate_backend($PID)" | $PSQL\n', [True]),
    ('echo "select count(*) from pg_stat_activity" | psql\n', []),
    # the secure-installation step: MySQL's anonymous accounts removed
    ("echo \"UPDATE mysql.user SET password = password('x') WHERE user = 'root'; "
     "DELETE FROM mysql.user WHERE user = ''; flush privileges;\" | mysql -u root\n", [False]),
])
def test_sql_echoed_into_a_client(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.kind == "sql"] == destructive


@pytest.mark.parametrize(("text", "calls"), [
    # a function handing its arguments to a tool: the call is read as the tool with them
    ('cloud() {\n  az "$@"\n}\ncloud sig image-version delete --gallery-name g\n',
     [("az sig image-version delete --gallery-name g", 4)]),
    # ... also run by GNU parallel for each input, its options and inputs set aside
    ('run_ec2() {\n  if [ "$DRYRUN" = false ]; then\n    aws ec2 "$@"\n  else\n'
     '    aws ec2 "$1" --dry-run "${@:2}"\n  fi\n}\nexport -f run_ec2\n'
     'parallel --halt-on-error never --no-run-if-empty run_ec2 deregister-image --image-id {} ::: "${ids[@]}"\n',
     [("aws ec2 deregister-image --image-id {}", 9)]),
    # the tool told to describe: nothing destroyed
    ('run_ec2() {\n  aws ec2 "$@"\n}\nrun_ec2 describe-images --owners self\n', []),
])
def test_a_function_handing_its_arguments_to_a_tool(text: str, calls: list[tuple[str, int]]) -> None:
    assert [(e.call, e.line) for e in scan(text).effects if e.destructive] == calls


@pytest.mark.parametrize(("text", "destructive"), [
    # the folder a release download fills, emptied first: its own output
    ('rm -rf artifacts\ngh release download "$tag" --dir artifacts --repo apache/x\n', []),
    ('rm -rf artifacts\ngh release download "$tag" --repo apache/x\n', [True]),
    # the signature gpg writes beside the file it signs, removed before signing again
    ('sig="${file}.asc"\nrm -rf ${sig}\ngpg --detach-sign --local-user "$KEY" --armor ${file}\n', []),
    ('rm -f pkg.tar.sig\ngpg -b pkg.tar\n', []),
    ('rm -f pkg.tar.asc\ngpg --verify pkg.tar.asc pkg.tar\n', [True]),
])
def test_downloads_and_signatures_it_makes_are_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the ID of a container the script ran, through eval, or written down with --cidfile
    ('CID=$(eval "docker run -d $2 $1 $3")\ndocker stop "$CID"\ndocker rm -f "$CID"\n', []),
    ('docker run $args --cidfile ${DIR}/master.cid -d $IMAGE run-db\n'
     'cidfile=$DIR/master.cid\ndocker rm -f $(cat $cidfile)\n', []),
    # IDs read from a file the script did not have docker write
    ('docker rm -f $(cat ids.txt)\n', [True]),
])
def test_containers_it_ran_are_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # archived just before, then removed: moved into the archive, nothing lost
    ('tar caf data.tar.xz -C "$PGDATA" .\nrm -rf "$PGDATA"\n', []),
    ('tar -czf /backup/logs.tgz /var/log/app\nrm -rf /var/log/app\n', []),
    # listed or unpacked, not archived: the removal loses the data
    ('tar -tzf old.tgz -C "$PGDATA" .\nrm -rf "$PGDATA"\n', [True]),
    ('tar -czf /backup/logs.tgz /var/log/app\nrm -rf /var/lib/db\n', [True]),
])
def test_a_folder_archived_before_its_removal_is_moved(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("path", "destructive"), [
    # a test's prepare function makes the folder its cleanup function removes: its own
    ("tests/units/backup-cron/test.sh", []),
    # outside a test folder, a folder one function makes is not another's to remove (a
    # ``remove`` command deleting what a ``set`` command stored)
    ("plugins/certs/functions", [True]),
])
def test_a_tests_folders_made_in_one_function_and_removed_in_another(path: str, destructive: list[bool]) -> None:
    text = ('OUT="$(pwd)/${OUTPUT_DIR}/backup-cron"\nfunction prepare() {\n  mkdir -p "${OUT}"\n}\n'
            'function cleanup() {\n  sudo rm -rf "${OUT}"\n}\nprepare\ncleanup\n')
    script = Script(path=path, language="shell")
    scan_shell(script, text)
    assert [e.destructive for e in script.effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the find's list filtered down to caches before it reaches rm
    ('find . | grep -E "(__pycache__|\\.pyc|\\.pyo$)" | xargs rm -rf\n', []),
    # everything but caches, or a filter that keeps data too
    ('find . | grep -v __pycache__ | xargs rm -rf\n', [True]),
    ('find /srv | grep -E "(__pycache__|backup)" | xargs rm -rf\n', [True]),
])
def test_a_find_list_grepped_down_to_caches(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_shflags_definitions_are_flags() -> None:
    script = scan("""
        #!/bin/bash
        . ./shflags
        DEFINE_string 'bucket' 'backups' 'the bucket to prune' 'b'
        DEFINE_integer keep 7 "days to keep"
        DEFINE_boolean 'dry_run' false 'list only' 'n'
        FLAGS "$@" || exit $?
        eval set -- "${FLAGS_ARGV}"
        [ "${FLAGS_dry_run}" -eq "${FLAGS_TRUE}" ] && exit 0
    """)
    assert [(f.name, f.type, f.default, f.help, f.aliases) for f in script.interface.flags] == [
        ("--bucket", "string", "backups", "the bucket to prune", ["-b"]),
        ("--keep", "integer", 7, "days to keep", []),
        ("--dry_run", "boolean", None, "list only", ["-n"])]
    assert script.has_dry_run


def test_flags_made_by_a_sourced_library_are_read_as_FLAGS_variables(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "common.sh").write_text(textwrap.dedent("""\
        # --name=value -> FLAGS_name=value, --name -> FLAGS_name=1
        common::namevalue () {
          local arg
          for arg in "$@"; do
            name=${arg%%=*}; name=${name#--}
            eval export FLAGS_${name//-/_}=1
          done
        }
        common::namevalue "$@"
        """))
    script_file = tmp_path / "release"
    script_file.write_text(textwrap.dedent("""\
        #!/bin/bash
        # FLAGS_comment is not read here
        source $(dirname $0)/lib/common.sh
        if ((FLAGS_nomock)); then echo real; fi
        [[ -n "$FLAGS_buildversion" ]] && echo "$FLAGS_buildversion"
        : ${FLAGS_rc:=0}
        FLAGS_verbose=1 make release
        """))
    script = Script(path="release", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [flag.name for flag in script.interface.flags] == ["--nomock", "--buildversion", "--rc"]
    plain = scan("""
        #!/bin/bash
        echo "$FLAGS_x"
    """)
    assert plain.interface.flags == []  # no library makes FLAGS_ variables: nothing assumed


def test_files_named_with_this_runs_time_are_its_own() -> None:
    script = scan("""
        DATESTRING=$(date "+%F_%H%M%S")
        SNAPSHOT_FILE="${BACKUP_DIR}/snapshot_${DATESTRING}.db"
        trap 'rm -f ${SNAPSHOT_FILE}' ERR
        etcdctl snapshot save "${SNAPSHOT_FILE}"
        rm -f "${BACKUP_DIR}/snapshot_$(date +%F).db"
        OLD=$(date -d '7 days ago' +%F)
        rm -f "${BACKUP_DIR}/snapshot_${OLD}.db"
        rm -f "${BACKUP_DIR}"/snapshot_*.db
    """)
    assert [(e.line, e.destructive) for e in script.effects if e.call.startswith("rm")] == [(7, True), (8, True)]


def test_files_found_in_or_walked_from_its_scratch_folder_are_its_own() -> None:
    script = scan("""
        tmp_dir="$(mktemp -d)"
        output_dir="$(mktemp -d)"
        orig="${tmp_dir}/${name}"
        pushd "${tmp_dir}" > /dev/null
        rm -rf unpacked "${orig}"
        popd > /dev/null
        whl=$(find "${tmp_dir}" -name "*.whl" -type f | head -1)
        rm -f "${whl}"
        for variant in "${output_dir}"/*.whl; do
            aws s3 cp "${variant}" s3://bucket/
            rm -f "${variant}"
        done
        for old in /srv/wheels/*.whl; do rm -f "$old"; done
    """)
    assert [(e.line, e.call) for e in script.effects if e.destructive] == [(13, "rm -f $old")]


def test_a_project_folder_purged_of_what_the_script_writes_again() -> None:
    script = scan("""
        rm -f requirements/*.txt
        uv pip compile --generate-hashes requirements/prod.in -o requirements/prod.txt
        pip-compile requirements/dev.in --output-file requirements/dev.txt
        rm -f docs/*.html
    """)
    assert [(e.line, e.call) for e in script.effects if e.destructive] == [(4, "rm -f docs/*.html")]


def test_a_getopts_spec_held_in_a_variable() -> None:
    script = scan("""
        OPTSPEC=":-:"
        while getopts "$OPTSPEC" optchar; do
          case "${optchar}" in
            -)
              case "${OPTARG}" in
                namespace=*) NAMESPACE=${OPTARG#*=} ;;
                cluster=*) CLUSTER=${OPTARG#*=} ;;
              esac ;;
          esac
        done
    """)
    assert script.interface.kind == "getopts"
    assert [flag.name for flag in script.interface.flags] == ["--namespace", "--cluster"]


def test_switches_each_argument_is_compared_with() -> None:
    script = scan("""
        SKIP_INIT_IMAGE="1"
        for arg in "$@"
        do
          if [[ "${arg}" == "--verbose" ]]; then
            set -o xtrace
          fi
          if [ "$arg" = "--init-image" ]; then unset SKIP_INIT_IMAGE; fi
        done
        # [[ "$arg" == "--commented" ]]
    """)
    assert [(f.name, f.type) for f in script.interface.flags] == [("--verbose", "boolean"), ("--init-image", "boolean")]
    other = scan("""
        for name in a b; do [[ "$name" == "--x" ]] && echo; done
    """)
    assert other.interface.flags == []  # not a loop over the arguments


def test_options_a_sourced_function_reads_from_the_scripts_arguments(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "utils.sh").write_text(textwrap.dedent("""\
        help_usage(){
            for arg; do
                case "$arg" in
                    -h|-help|--help)  usage ;;
                esac
            done
        }
        other(){
            case "$1" in --not-this) : ;; esac
        }
        """))
    script_file = tmp_path / "list_tables.sh"
    script_file.write_text(textwrap.dedent("""\
        #!/bin/bash
        srcdir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
        . "$srcdir/lib/utils.sh"
        usage(){ echo "usage: list_tables.sh"; exit 3; }
        help_usage "$@"
        other
        """))
    script = Script(path="list_tables.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [(flag.name, flag.aliases) for flag in script.interface.flags] == [("--help", ["-help", "-h"])]


def test_a_command_line_effects_of_this_rounds_tools() -> None:
    script = scan("""
        journalctl --vacuum-size=256M
        journalctl -u docker --since today
        fly -t ci destroy-pipeline -p old --non-interactive
        fly -t ci set-pipeline -p new -c pipeline.yml
        sfdisk --verify /dev/sda
        sfdisk --no-reread -N 8 /dev/sda
        rm -rf .terraform
        zramctl "$DEVICE" -s "$SIZE" -a lz4
        mkswap -L swap "$DEVICE"
        truncate --size=1G "$img"
        mkfs.ext4 -L data -E lazy_itable_init=0 "$img"
    """)
    assert [(e.line, e.destructive) for e in script.effects] == [
        (1, True), (3, True), (4, False), (6, False), (7, False), (10, False)]


def test_a_copy_made_by_brace_expansion_is_the_scripts_own() -> None:
    script = scan("""
        cp ./docs/{,.diff.}openapi.json
        tools/generate.sh
        diff ./docs/{,.diff.}openapi.json
        rm -f ./docs/.diff.openapi.json
        rm -f ./docs/openapi.json
    """)
    assert [(e.line, e.destructive) for e in script.effects if e.call.startswith("rm")] == [(5, True)]


def test_powerdns_zone_loads_and_scratch_tables() -> None:
    script = scan("""
        pdnsutil load-zone example.org /backup/example.org.zone
        pdnsutil list-zone example.org
        pdnsutil create-zone new.example.org
        psql "$DB" -c "DROP TABLE IF EXISTS tmp_json"
        psql "$DB" -c "DROP TABLE IF EXISTS users"
    """)
    assert [(e.line, e.destructive) for e in script.effects] == [(1, True), (3, False), (4, False), (5, True)]


def test_a_fifo_made_again_a_child_signalled_by_name_and_a_folder_replaced_by_a_link() -> None:
    script = scan("""
        rm -f "${LOG_FIFO}"
        mkfifo "${LOG_FIFO}"
        sleep infinity &
        trap 'kill -s SIGTERM $!' EXIT
        mv /shared/logs/app /shared/app/logs
        rm -rf /opt/app/logs && ln -sf /shared/app/logs /opt/app/
        rm -rf /opt/app/data
    """)
    assert [(e.line, e.call) for e in script.effects if e.destructive] == [(7, "rm -rf /opt/app/data")]


def test_a_clone_entered_by_a_longer_path_is_the_scripts_own() -> None:
    script = scan("""
        local_dir="$WORKSPACE/$REPO"
        (cd $WORKSPACE && git clone $upstream $REPO)
        (cd $local_dir && git checkout -f "$REF")
        (cd /srv/app && git checkout -f main)
    """)
    assert [(e.line, e.destructive) for e in script.effects if e.call.startswith("git checkout")] == [
        (3, False), (4, True)]


@pytest.mark.parametrize(("text", "destructive"), [
    # emptied, made again and filled with a fork's clone: all that lies under it is this run's
    ('rm -rf "${SYNC_DIR}"\nmkdir -p "${SYNC_DIR}"\ncd "${SYNC_DIR}"\n'
     'gh repo fork aws/eks-charts --clone --remote\nrm -rf "${SYNC_DIR}/eks-charts/stable/chart/"\n', []),
    ('rm -rf "$W"\nmkdir -p "$W"\npushd "$W"\ngh repo clone org/repo\npopd\nrm -rf "$W/repo/docs"\n', []),
    # made again but never filled (a data folder emptied for a restore): what lies under it is data
    ('rm -rf "$DATA"\nmkdir -p "$DATA"\nrm -rf "$DATA/pg"\n', [True, True]),
    # a fork without --clone writes nothing here
    ('rm -rf "$W"\nmkdir -p "$W"\ncd "$W"\ngh repo fork org/repo\nrm -rf "$W/repo/docs"\n', [True, True]),
])
def test_what_lies_in_a_folder_it_emptied_and_filled_again_is_its_own(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # unpacked into the build folder, the binary moved out, the rest of the archive removed
    ('curl -L https://get.helm.sh/helm.tar.gz | tar zxf - -C $BUILD_DIR\n'
     'mv $BUILD_DIR/linux-amd64/helm $BUILD_DIR/.\nrm -rf $BUILD_DIR/linux-amd64\n', []),
    ('unzip -q tool.zip -d "$OUT"\ncp "$OUT/tool-1.2/bin/tool" /usr/local/bin/\nrm -rf "$OUT/tool-1.2"\n', []),
    # nothing was taken out of it: a folder of the target, for all we know not the archive's
    ('curl -L $URL | tar zxf - -C $BUILD_DIR\nrm -rf $BUILD_DIR/linux-amd64\n', [True]),
    # the unpacking target itself goes: whatever else was in it goes too
    ('tar xf a.tgz -C "$D"\nmv "$D/x/bin" /opt/\nrm -rf "$D"\n', [True]),
])
def test_the_rest_of_an_archive_it_took_a_file_from_is_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a CDN's purge empties its edge caches: a change, no data lost
    ('curl -X POST -H "Fastly-Key: $K" "https://api.fastly.com/service/${SID}/purge_all"\n', False),
    ('curl -X POST "https://api.cloudflare.com/client/v4/zones/$Z/purge_cache"\n', False),
    # an application's own purge endpoint deletes what it names
    ('curl -X POST "https://$HOST/_synapse/admin/v1/purge_history/$ROOM"\n', True),
])
def test_a_cdn_purge_is_a_change(text: str, destructive: bool) -> None:
    [effect] = [e for e in scan(text).effects if e.call.startswith("curl")]
    assert effect.destructive is destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # the commit it just made, undone
    ('git commit -s -m "$message"\ngit review -y\ngit reset --hard HEAD~1\n', []),
    # nothing committed here: whatever HEAD holds is lost
    ('git checkout "$branch"\ngit reset --hard HEAD~1\n', [True]),
    ('git commit -m x\ngit reset --hard HEAD~3\n', [True]),
])
def test_undoing_its_own_commit_is_a_change(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # named relative to /tmp after going there: what it downloaded and unpacked
    ('cd /tmp\ncurl -LO "$URL"\nunzip -q awscli*.zip\n./aws/install\nrm -rf awscli*.zip ./aws\n', []),
    ('cd /srv/app\nrm -rf ./data\n', [True]),
])
def test_files_named_in_the_temporary_folder_are_scratch(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_a_container_runtime_held_in_a_variable_removes_its_own_container() -> None:
    script = scan('CONTAINER_RUNTIME="${CONTAINER_RUNTIME:-docker}"\nreg=kind-registry\n'
                  '"$CONTAINER_RUNTIME" rm "${reg}" || true\n'
                  '"$CONTAINER_RUNTIME" run -d --name "${reg}" registry:2\n'
                  '"$CONTAINER_RUNTIME" rm -f other\n')
    assert [e.line for e in script.effects if e.destructive] == [5]


@pytest.mark.parametrize(("text", "destructive"), [
    ('ldapdelete -x -r "ou=meta,dc=apache,dc=org"\n', [True]),
    ('ldapadd -x -f meta.ldif\nldapmodify -x -f change.ldif\n', []),
    ('ezmlm-unsub "$list" "$address"\n', [True]),
    ('ezmlm-sub "$list" "$address"\n', []),
    # a registry's images and blobs deleted, unless only listed
    ('deckschrubber -repos 1000 -month 1\n', [True]),
    ('deckschrubber -repos 1000 -month 1 -dry\n', []),
    ('registry garbage-collect --dry-run /etc/docker/registry/config.yml\n', []),
    # what a container runs on the host's files mounted into it; without a mount, its own files
    ('docker run --rm -v /var/lib/registry:/var/lib/registry registry:2 '
     'registry garbage-collect /etc/docker/registry/config.yml\n', [True]),
    ('docker run --rm alpine rm -rf /data\n', []),
    ('docker run --rm -v /var/run/docker.sock:/var/run/docker.sock alpine rm -rf /data\n', []),
    # snapshots beyond the newest N destroyed; a snapshot only taken
    ('zfs-auto-snapshot --syslog --label=after-backup --keep=100 //\n', [True]),
    ('zfs-auto-snapshot --label=hourly //\n', []),
    # an environment made again from its requirements, as a .venv
    ('pyenv virtualenv 3.11 docs-env\npyenv virtualenv-delete -f docs-env\n', []),
    # what a desktop's file browser leaves, and generated Go code: made again, no data
    ('rm ui/app/dist/.DS_Store\n', []),
    ("find ${ROOT}/pkg/ -name '*generated*.go' -exec rm {} -f \\;\nrm -f pkg/v1/zz_generated.deepcopy.go\n", []),
    ('rm -f pkg/apis/v1/types.go\n', [True]),
    # the process group of its own background job, stopped on an interrupt
    ('nc -z db 5432 &\ntrap "kill -INT -$!" INT\nwait\n', []),
    ('kill -INT -$OTHER\n', [True]),
    # a container runtime's CLI held in a ``*_CRI`` variable
    ('for image in $images; do\n  ${CDI_CRI} rmi -f $image\ndone\n', [True]),
    # BigQuery's --replace overwrites the destination table (a partition of it)
    ('bq query --replace --destination_table=\'t$20200101\' "SELECT 1"\n', [True]),
    ('bq query --destination_table=t "SELECT 1"\n', []),
    # downloads named after the URL (``--remote-name-all``), a marker it makes
    ('curl -L --remote-name-all "https://x.io/cilium-linux.tar.gz"{,.sha256sum}\n'
     'tar xf cilium-linux.tar.gz\nrm cilium-linux.tar.gz{,.sha256sum}\n', []),
    ('case "$1" in\non) touch "$COMMON/.maintenance";;\noff) rm -f "$COMMON/.maintenance";;\nesac\n', []),
    # an emulator killed; processes killed by the PIDs a pipe hands to xargs
    ('adb -s emulator-5554 emu kill\n', [True]),
    ('ps ax | grep vite | awk \'{print $1}\' | xargs kill\n', [True]),
    ('exit_hook() {\n  jobs -p | xargs kill\n}\n', []),  # its own background jobs
    # a standby cloned over its data directory, a replication slot dropped, a replica reset,
    # an instance removed from its cluster (also run as another user through gosu)
    ('gosu postgres repmgr -D "$PGDATA" standby clone --fast-checkpoint --force\n', [True]),
    ('repmgr standby register --force\n', []),
    ('gosu postgres psql -tAc "SELECT pg_drop_replication_slot(\'$SLOT\')"\n', [True]),
    ('mysql -e "STOP REPLICA; RESET REPLICA ALL;"\n', [True]),
    ('mysqlsh --js -e "dba.getCluster().removeInstance(\'db-2:3306\')"\n', [True]),
    # access keys regenerated: the old ones, and what they signed, stop working
    ('az storage account keys renew --account-name "$name" --key primary\n', [True]),
    # a build tool's local repository is a cache; a tag it gave an image, taken off again
    ('rm -rf $HOME/.m2/repository/org/apache/zeppelin\n', []),
    ('docker tag "$1" "$ECR/$1:ref.$2"\ndocker push "$ECR/$1:ref.$2"\ndocker rmi "$ECR/$1:ref.$2"\n', []),
    ('docker rmi "$ECR/app:latest"\n', [True]),
    # the folder an archive named by a variable unpacks into; MSBuild's output folder
    ('if ! tar zxf "${ARCHIVE}.tgz"; then\n  rm -rf "${ARCHIVE}"\nfi\n', []),
    ('rm -rf ./x64\n', []),
    # environment modules change the shell's environment only; Grid Engine's access lists
    ('module purge\nmodule load python/3.9\n', []),
    ('qconf -du "$user" physics_users\n', [True]),
    ('qconf -au "$user" physics_users\nqconf -sul\n', []),
    # an FTP account removed; the oldest rotation of the log the script writes itself
    ('pure-pw userdel "$user" -f /etc/pureftpd.passwd\n', [True]),
    ('cmd > >(tee -a "$LOGFILE")\nif [ "$n" -gt 10 ]; then rm -f "$LOGFILE.$n"; fi\n', []),
    # what a function that runs its arguments runs: judged as that command
    ('run_cmd() {\n  "$@" || exit 1\n}\ntmp=$(mktemp)\nrun_cmd rm "$tmp"\n'
     'run_cmd tar -C "$dir" -czf out.tgz --remove-files a b\n', []),
    ('run_cmd() {\n  "$@" || exit 1\n}\nrun_cmd rm -rf /srv/data\n', [True]),
    # made by ``create -f`` here, then deleted: its own; deleted first, then made again: the
    # running objects torn down
    ('kubectl create -f prepull.yaml\nkubectl get pods\nkubectl delete -f prepull.yaml --wait=true\n', []),
    ('kubectl delete -f $yaml\nkubectl create -f $yaml\n', [True]),
    # scratch and rebuildable folders by their name
    ('rm -rf "${PKGDIR}/tmp"\nrm -Rf ./*/.venv\n', []),
    ('find "$DATA_DIR" -type f \\( -name SingletonLock -o -name SingletonSocket \\) -delete\n', []),
    # an alternative that is not a name: any old file goes
    ('find "$DATA_DIR" \\( -name SingletonLock -o -mtime +7 \\) -delete\n', [True]),
])
def test_directory_and_list_tools_kubernetes_manifests_and_scratch_names(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_a_first_argument_compared_with_switches_is_those_switches() -> None:
    script = scan('BROWSER="${1?Please specify --chrome or --firefox}"\n'
                  'if [[ "$BROWSER" == "--chrome" ]]; then echo c\n'
                  'elif [[ "$BROWSER" == "--firefox" ]]; then echo f\nfi\n')
    assert [(f.name, f.type) for f in script.interface.flags] == [("--chrome", "boolean"), ("--firefox", "boolean")]
    # a first argument compared with plain words keeps its place, its choices read as before
    plain = scan('mode="$1"\nif [ "$mode" = "full" ]; then echo f; fi\n')
    assert [f.name for f in plain.interface.flags] == ["arg1"]


def test_long_options_taken_out_before_getopts_reads_the_short_ones() -> None:
    script = scan('for arg; do\n  shift\n  case $arg in\n  --no-loki) RUN_LOKI=0 ;;\n'
                  '  --loki-port) LIMIT=1 ;;\n  *) set -- "$@" "$arg" ;;\n  esac\ndone\n'
                  "while getopts ':hl' option; do\n  case \"$option\" in\n  h) usage ;;\n"
                  '  l) LOCAL=1 ;;\n  esac\ndone\n')
    assert script.interface.kind == "getopts"
    assert [f.name for f in script.interface.flags] == ["-h", "-l", "--no-loki", "--loki-port"]


@pytest.mark.parametrize(("text", "destructive"), [
    # the caller's folder, found already a checkout: the clone written below is the other branch
    ('dest="${2:-}"\nif [ -d "${dest}/.git" ]; then\n  cd "${dest}"\n  git reset --hard HEAD\n'
     'else\n  git clone "$1" "${dest}"\nfi\n', [True]),
    # a checkout at a place of the script's own is its own, whichever branch made it
    ('DIR=/var/app\nif [ -d "$DIR/.git" ]; then\n  cd "$DIR"\n  git reset --hard origin/main\n'
     'else\n  git clone "$URL" "$DIR"\nfi\n', []),
    # cloned first, then entered: its own checkout
    ('git clone "$1" "$2"\ncd "$2"\ngit reset --hard v1.0\n', []),
])
def test_a_clone_written_after_the_cd_did_not_make_the_callers_folder(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ('(\n\techo "DROP DATABASE IF EXISTS app; CREATE DATABASE app;"\n\techo "FLUSH PRIVILEGES;"\n'
     ') | mysql -uroot\n', [True]),
    ('{\n  echo "TRUNCATE sessions;"\n} | psql\n', [True]),
    ('(\n  echo "CREATE DATABASE app;"\n  echo "GRANT ALL ON app.* TO app;"\n) | mysql\n', [False]),
    # printed lines that do not reach the client
    ('echo "DROP TABLE x;"\ncat schema.sql | mysql\n', []),
])
def test_the_lines_a_group_prints_into_a_sql_client_are_its_input(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.kind == "sql"] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ('OPTS="--busy-time=15m --kill --print --victims=all"\npt-kill ${OPTS} h=db\n', [True]),
    ('pt-kill --busy-time 60 --kill-query h=db\n', [True]),
    ('pt-kill --busy-time 60 --print h=db\n', []),
    ('pt-archiver --source h=db,D=app,t=log --where "ts < NOW()" --file /backup/log.txt\n', [True]),
    ('pt-archiver --source h=db,t=log --dest h=arch,t=log --no-delete --where 1=1\n', []),
    ('pt-archiver --source h=db,t=log --purge --where 1=1 --dry-run\n', []),
])
def test_percona_toolkit_kills_and_archives(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    ("rm -rf /tmp/*galera* /tmp/gvw*\n", []),
    ("rm -rf /tmp/build/*\n", []),
    ("rm -rf /tmp/*\n", [True]),
    ("rm -rf /var/tmp/.*\n", [True]),
])
def test_a_pattern_naming_entries_of_the_temporary_folder_is_scratch(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_erb_tags_are_values_not_environment_variables_and_lines_are_kept() -> None:
    script = scan("""
        #!/bin/bash
        <% if p('cleanup') %>
        curl -X DELETE -s localhost:9200/_snapshot/<%= p('repository') %> > /dev/null
        rm -rf /var/vcap/store/<%= p('name') %>/data
        <% end %>
    """)
    assert script.env == []
    assert [(e.line, e.destructive) for e in script.effects] == [(3, False), (4, True)]


@pytest.mark.parametrize(("text", "destructive"), [
    # a search cluster's snapshot repository unregistered: its snapshots stay; one snapshot deleted
    ("curl -X DELETE -s localhost:9200/_snapshot/backups\n", []),
    ("curl -XDELETE 'http://es:9200/_snapshot/backups/nightly-1'\n", [True]),
    # a BOSH release's installed packages are laid down again by every deploy
    ("rm -rf /var/vcap/packages/elasticsearch/plugins/*\n", []),
    ("rm -rf /var/vcap/store/elasticsearch/nodes\n", [True]),
    # a wrapper (or a container) running a SQL client with a statement: the statement
    ('govuk-docker run --rm -T db mysql -h db -u root -e "DROP DATABASE IF EXISTS app"\n', [True]),
    ('docker run --rm postgres:16 psql -h db -U postgres -c "DROP DATABASE app"\n', [True]),
    ('govuk-docker run --rm -T db mysql -h db -e "CREATE DATABASE app"\n', []),
    # spruce prints the merged document (``--prune KEY`` leaves a key out of it)
    ("spruce merge --prune meta base.yml jobs.yml > manifest.yml\n", []),
    # Curator runs its action file (deleting indices, as a rule); curator_cli says its action
    ("curator --config config.yml actions.yml\n", [True]),
    ("curator --config config.yml --dry-run actions.yml\n", []),
    ("curator_cli delete_indices --filter_list '[{\"filtertype\":\"age\"}]'\n", [True]),
    ("curator_cli show_indices\n", []),
])
def test_search_snapshots_bosh_packages_wrapped_sql_clients_and_index_curation(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_a_library_that_loads_another_whose_top_level_reads_the_options(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "backup.sh").write_text(
        '# shellcheck source=common.sh\n. "${BACKUP_LIB_DIR}/common.sh"\n')
    (tmp_path / "lib" / "common.sh").write_text(
        'while getopts "hfk" o; do\n  case "$o" in\n    h) usage; exit ;;\n    f) FORCE=1 ;;\n'
        '    k) KEEP=1 ;;\n  esac\ndone\nshift $((OPTIND - 1))\n')
    (tmp_path / "lib" / "env.sh").write_text('while getopts "s" o; do\n  case "$o" in\n    s) S=1 ;;\n  esac\ndone\n')
    (tmp_path / "bin").mkdir()
    backup = tmp_path / "bin" / "backup-docs.sh"
    backup.write_text('#!/bin/bash\ntop="$(dirname "$0")/.."\n. "$(dirname "$0")/../lib/backup.sh"\n'
                      'rsync -a ~/docs/ /mnt/docs/\n')
    other = tmp_path / "bin" / "run.sh"
    other.write_text('#!/bin/bash\n. "$(dirname "$0")/../lib/env.sh" -s\nexec app "$@"\n')

    script = Script(path="bin/backup-docs.sh", language="shell")
    scan_shell(script, backup.read_text(), file=backup, root=tmp_path)
    assert (script.interface.kind, [f.name for f in script.interface.flags]) == ("getopts", ["-h", "-f", "-k"])
    # a file sourced with arguments of its own reads those, not the script's
    sourced_with_its_own = Script(path="bin/run.sh", language="shell")
    scan_shell(sourced_with_its_own, other.read_text(), file=other, root=tmp_path)
    assert "-s" not in [f.name for f in sourced_with_its_own.interface.flags]


@pytest.mark.parametrize(("text", "destructive"), [
    # a table the script created on an earlier line, dropped again
    ("mysql -e 'CREATE TABLE tbl (a INT);'\nmysql -e 'INSERT INTO tbl VALUES (1);'\nmysql -e 'DROP TABLE tbl;'\n", []),
    ('psql -c "CREATE TEMP TABLE IF NOT EXISTS scratch (id int)"\npsql -c "DROP TABLE IF EXISTS scratch"\n', []),
    # one it did not create, or a drop before the create
    ("mysql -e 'CREATE TABLE tbl (a INT);'\nmysql -e 'DROP TABLE users;'\n", [True]),
    ("mysql -e 'DROP TABLE tbl;'\nmysql -e 'CREATE TABLE tbl (a INT);'\n", [True]),
    ("mysql -e 'CREATE TABLE tbl (a INT);'\nmysql -e 'DROP TABLE tbl; DELETE FROM users;'\n", [True]),
    ('cqlsh -e "CREATE TABLE IF NOT EXISTS $ks.$new_table (id int)"\ncqlsh -e "DROP TABLE IF EXISTS $ks.$old_table;"\n',
     [True]),
])
def test_dropping_a_table_the_script_created_is_its_own(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # ``$((...) 2>&1)`` is a command substitution of a subshell, as bash reads it, not arithmetic
    ('output=$((kubectl drain --ignore-daemonsets --force "$1") 2>&1)\n', [True]),
    ("count=$((total - (done * 2)))\n", []),
    # ``storage account`` names a resource; ``az account show`` only reads
    ('az storage account delete --name "$account" --resource-group "$RG" --yes\n', [True]),
    ("az account show\naz storage account list -g rg\n", []),
])
def test_subshell_substitutions_and_cloud_resource_nouns(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a function that runs its first argument as a command line: what it runs is read at the call
    ('execute()\n{\n    local cmd=$1\n    echo ">> $cmd"\n    [ $fake -eq 1 ] || $cmd\n}\n'
     'execute "git push $remote :refs/tags/$release-tentative"\nexecute "git status"\n', [True]),
    ('run() { eval "$1"; }\nrun "rm -rf /srv/releases/$old"\n', [True]),
    ('run() { eval "$1"; }\nrun "ls -l /srv/releases"\n', []),
    # a checkout's local tags cleared, then fetched again: nothing lost
    ("cd $SRC\ngit fetch\ngit tag -d $(git tag) > /dev/null\ngit fetch --tags > /dev/null 2>&1\n", []),
    ("cd $SRC\ngit tag -d $(git tag)\n", [True]),
    # a file it downloaded by a URL held in a variable, removed again
    ('URL="https://example.org/ansible/inventory.yml"\ncurl -s -O "$URL"\nrm -f inventory.yml\n', []),
    ('curl -s -O "$URL"\nrm -f inventory.yml\n', [True]),
    # Cygwin's and Windows' temporary folder
    ("rm -rf /cygdrive/c/tmp/*-debug-image\nrm -rf c:/tmp/build-*\n", []),
    ("rm -rf /cygdrive/c/builds/*\n", [True]),
    # packages purged, Vagrant machines and boxes
    ("apt-get -y autoremove --purge bind9\n", [True]),
    ("apt-get -y autoremove\n", []),
    ("vagrant box prune --force\nvagrant destroy -f\n", [True, True]),
    ("vagrant up\nvagrant box update\nvagrant box list\n", []),
])
def test_command_strings_run_by_a_function_refetched_tags_downloads_and_vagrant(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a project's wrapper handing a cluster tool on, a context word of its own between
    ('"${here}/../bin/ck8s" ops kubectl sc delete ns dex monitoring\n', [True]),
    ('"${here}/../bin/ck8s" ops helmfile sc -l app!=cert-manager destroy\n', [True]),
    ('"${here}/../bin/ck8s" ops kubectl sc get ns\n', []),
    ("helmfile -e local -l app=minio destroy\nhelmfile sync\n", [True]),
    # an AWS CLI held in a variable (one of several installations)
    ('"$client" s3 rm "s3://$bucket/vector/$prefix/" --recursive\n"$client" s3 cp a "s3://$bucket/a"\n',
     [True]),
    # tapes, catalogs and secure deletion
    ("mt -f /dev/nst0 rewind\nmt -f /dev/nst0 weof\n", [True]),
    ("sudo -u bareos bareos-dbcheck -b -f\n", [True]),
    ("bareos-dbcheck -b\n", []),
    ("bconsole << END\nuse catalog=MyCatalog\nprune stats yes\nquit\nEND\n", [True]),
    ("bconsole << END\nstatus dir\nquit\nEND\n", []),
    ("swapoff -v $SWAP\nsswap -v $SWAP\nswapon -v $SWAP\n", [True]),
    # a system record emptied; a log of the script's own, started afresh and written to
    ("true > /var/log/lastlog\n", [True]),
    (": > /var/log/backup.log\necho started >> /var/log/backup.log\n", []),
    # a lock released; a chain of its own flushed and filled again; every rule flushed
    ('rm -f "$LOCKDIR/dos-$REMOTE_IP"\nrm -f /var/run/app.lock\n', []),
    ('"$IPTABLES" -N "$CHAIN"\n"$IPTABLES" -F "$CHAIN"\n"$IPTABLES" -A "$CHAIN" -s "$IP" -j REJECT\n', []),
    ("iptables -F\n", [True]),
    # the stack a cleanup function takes down is the one the script brought up
    ('COMPOSE="docker compose -p $P -f x.yml"\nstart() {\n    $COMPOSE up --wait\n}\n'
     "cleanup() {\n    $COMPOSE down\n}\nstart\nrun_tests\ncleanup\n", []),
    # a library's up() and down(), neither called by the other: a down of what ran before
    ("up() {\n    docker-compose -f $F up -d\n}\ndown() {\n    docker-compose -f $F down\n}\n", [True]),
    # a folder wiped and made again by the tool that writes into it
    ('OUT=./test-data/stubs/$1\nrm -rf "${OUT:?}"\nstubgen -o "$OUT" -p pkg\n', []),
])
def test_wrappers_handing_cluster_tools_tapes_records_locks_chains_and_stacks(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a platform CLI's setting taken off an app; an app destroyed
    ('dokku docker-options:remove "$APP" build,deploy,run "--link $NAME"\ndokku config:unset app X\n', []),
    ("dokku apps:destroy --force app\n", [True]),
    # a job's work folder wiped, made again and filled by FreeBSD's fetch
    ("sudo rm -fr work\nmkdir -p work\ncd work\nfetch https://artifacts/snapshot/base.txz\n", []),
])
def test_a_platform_clis_settings_removed_are_changes(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a list of processes gathered in a loop, killed together
    ("tokill=''\nwhile read pid comm; do\n    tokill=\"$tokill $pid\"\ndone < <(ps ax -o pid,comm)\n"
     "if [ -n \"$tokill\" ]; then\n    kill $tokill || true\nfi\n", [True]),
    # a command held in a variable, extended with options: still that command
    ('ctrl=""\nctrl="kubectl"\nctrl="$ctrl -n $namespace"\n$ctrl delete pod/x\n', [True]),
    # the program the script starts, stopped with SIGKILL: every such process on the host
    ("uwsgi --emperor /etc/x &\nkillall -KILL uwsgi\n", [True]),
    ("tmate -S $SOCK new-session -d\nkillall tmate\n", []),
    # a tool held in a variable named for it, in a command held in another variable
    ('ZFS_ROLLBACK="$ZFS_CMD rollback -r ${D}@${S}"\nif ! $ZFS_ROLLBACK >&2; then echo failed; fi\n', [True]),
    ("zfs rollback tank/data@yesterday\nzfs receive -F tank/copy < stream\n", [True, True]),
    ("zfs snapshot tank/data@now\nzfs list -t snapshot\n", []),
    # a console session killed, unless the script opened it
    ('tmux -L "$socket" send-keys -t "$session" C-c\ntmux -L "$socket" kill-session -t "$session"\n', [True]),
    ("tmux new-session -d -s build make\ntmux kill-session -t build\n", []),
    # a CSR the script wrote with openssl, removed once signed
    ('openssl req -new -key k.pem -out "$DIR/$name.csr"\nopenssl ca -in "$DIR/$name.csr"\nrm "$DIR/$name.csr"\n', []),
    # its own children: through a loop over their PID variables, and a child's child
    ('nginx -g "daemon off;" &\nNGINX_PID=$!\nloop &\nLOOP_PID=$!\nfor PID in "${NGINX_PID}" "${LOOP_PID}"; do\n'
     '    kill -SIGTERM "${PID}"\ndone\npkill -15 -P "${LOOP_PID}" -fx "sleep 8d"\n', []),
    # a path tested as a link, then removed: the link goes
    ('test -L "$fromfile" || continue\nrm -vf "$fromfile"\nln -s "$target" "$tofile"\n', []),
    ('test -e "$fromfile" || continue\nrm -vf "$fromfile"\n', [True]),
    # an unknown tool's groups of groups, then a deleting verb
    ("confluent kafka topic delete wikipedia.failed\nconfluent iam rbac role-binding delete --role X\n",
     [True, True]),
    ("confluent kafka topic create wikipedia.parsed\n", []),
])
def test_loops_of_pids_tools_in_variables_sessions_links_and_nested_groups(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_builtin_getopts_and_options_from_a_loop_of_names() -> None:
    script = scan("""
        while builtin getopts "dis" opt; do
            case "$opt" in
                d) DEV=1;; i) INSTALL=1;; s) SYSLOG=1;;
            esac
        done
        """)
    assert [f.name for f in script.interface.flags] == ["-d", "-i", "-s"]
    script = scan("""
        while [ -n "$1" ]; do
            if [ "$1" = "--upgrade" ]; then
                upgrade=1
            else
                for allowedopt in modify-banner cron \\
                    regen-hostkeys; do
                    if [ "$1" = "--no-$allowedopt" ]; then
                        opt[$allowedopt]=0
                    elif [ "$1" = "--$allowedopt" ]; then
                        opt[$allowedopt]=1
                    fi
                done
            fi
            shift
        done
        """)
    names = {f.name: f.aliases for f in script.interface.flags}
    assert {"--upgrade", "--modify-banner", "--cron", "--regen-hostkeys"} <= set(names)
    assert names["--cron"] == ["--no-cron"]


def test_a_librarys_function_handed_the_scripts_arguments_reads_its_options(tmp_path: Path) -> None:
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "install.inc").write_text(textwrap.dedent("""
        install_main() {
            while getopts :sdh arg; do
                case "$arg" in
                    s) action_static; exit 0;;
                    d) action_package deb; exit 0;;
                    h) usage; exit 0;;
                esac
            done
        }
        """))
    script_file = tmp_path / "install-ttyrec.sh"
    script_file.write_text('#!/bin/bash\nbasedir=$(dirname "$0")\n. "$basedir"/lib/install.inc\n'
                           'action_static() {\n    echo static\n}\ninstall_main "$@"\n')
    script = Script(path="install-ttyrec.sh", language="shell")
    scan_shell(script, script_file.read_text(), file=script_file, root=tmp_path)
    assert [f.name for f in script.interface.flags] == ["-s", "-d", "-h"]


@pytest.mark.parametrize(("text", "destructive"), [
    # a function that runs its arguments through a variable, after options of its own
    ('must_do() {\n    local verbose=0\n    case ${1} in -v) verbose=1; shift;; esac\n    local cmd="${@}"\n'
     '    ${cmd} > /dev/null || die "${1} failed"\n}\nverbose_flag="-v"\n'
     "must_do -v docker network rm ducknet\nmust_do ${verbose_flag} -o rm -f -- build/cluster.json\n"
     "must_do -v docker network create ducknet\n", [True, True]),
    # a call of the script's own function: what it does is read in its body
    ('cloud() {\n  az "$@"\n}\ncloud sig image-version delete --gallery-name g\n', [True]),
    ("cleanup() {\n  echo cleaning\n}\ncleanup kafka topic delete\n", []),
    # a function named for the tool it wraps with an option of the script's: that tool
    ('cscli() {\n    command cscli -c "$CONFIG_FILE" "$@"\n}\ncscli machines delete "$HOST"\n', [True]),
])
def test_functions_running_their_arguments_and_calls_of_the_scripts_own_functions(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # options added one by one under conditions: what the command may be given, together
    ('opts="-pPrltvH --safe-links"\n[[ $A = true ]] && opts+=" --delete-excluded"\n'
     '[[ $B = true ]] && opts+=" --delete-delay" || opts+=" --delete"\n[[ $C = true ]] && opts+=" --sparse"\n'
     '[[ $D -ne 0 ]] && opts+=" --block-size $D"\nexec rsync $opts "$HOST::$PATH" "$TO"\n', [True]),
    # test files written by dd inside a timed shell string, removed after
    ("/usr/bin/time -f \"%e\" sh -c 'dd if=/dev/zero of=4k-test.img bs=4k count=1000 2> /dev/null'\n"
     "rm 4k-test.img\n", []),
    ("dd if=/dev/zero of=1GB.img bs=1M count=1024\nrm 1GB.img\n", []),
    # Debian's archive mirror script deletes what left the upstream archive
    ('exec ftpsync "sync:archive:$REPO"\n', [True]),
    # an HTTP API wrapper of the script's own asked for a deleting endpoint
    ('api() {\n  uri="$leader_api/$1"\n  api_response=$(curl -s "$uri" | jq .)\n}\n'
     'api "purge-binary-logs/$instance/$binlog"\napi "forget/$instance"\napi "clusters-info"\n', [True, True]),
])
def test_appended_options_dd_outputs_mirror_tools_and_deleting_api_paths(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # a service definition taken down and installed again by the same hook
    ("gitlab-runner uninstall --service=gitlab-runner || :\ngitlab-runner install --user=gitlab-runner\n", []),
    ("gitlab-runner uninstall --service=gitlab-runner\n", [True]),
    # an archive written by skopeo, 7z or zstd after removing the previous one
    ('rm -f "${archive}"\nskopeo copy oci:"out/${dir}" docker-archive:"${archive}"\n'
     'rm -f "${prebuilt}.xz"\n7z a -mx8 -txz "${prebuilt}.xz" "${prebuilt}"\n'
     'rm -f "${zst}"\nzstd -9 -o "${zst}" "${archive}"\n', []),
])
def test_reinstalled_services_and_archives_written_again(text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_an_unknown_tool_told_to_undeploy_deletes() -> None:
    assert [e.destructive for e in scan("rdk --region us-east-1 undeploy -a\n").effects] == [True]


@pytest.mark.parametrize(("text", "destructive"), [
    # a tool held in a variable, deleting the cluster the same script created under that name
    ('$EXE cluster create lbtest --wait || failed "create"\n$EXE cluster delete lbtest\n', []),
    ('$EXE cluster delete lbtest\n', [True]),
    # ... and removing every cluster of the host with a group's ``rm``
    ('$EXE cluster create "$name"\n$EXE cluster rm -a || failed "could not remove them"\n', [True]),
    # compressed originals replaced by the files they decompress to, as gunzip does
    ('xtrabackup --decompress --remove-original --target-dir="${MYSQL_DIR}/temp"\n', []),
    ('pgo-rmdata --remove-data="$REMOVE_DATA"\n', [True]),
    # a staging folder emptied, made again and filled from a backup stream
    ('rm -rf "${PARENT_DIR}"\nmkdir -p "${PARENT_DIR}" && cd "${PARENT_DIR}"\n'
     'datasafed pull "${NAME}.xbstream" - | xbstream -x\n', []),
    # the library a go build wrote, and a release asset downloaded here
    ('go build -buildmode=c-shared -o "${testlib}" .\npython test.py\nrm "${testlib}"\n', []),
    ('gh release download "${tag}" --dir . --pattern "${tar_gz}.sha512" --clobber\n'
     'rm -f "${tar_gz}.sha512"\n', []),
    ('rm -f "${tar_gz}.sha512"\n', [True]),
    # build output named by a variable that must be set, vendored dependencies made again
    ('DISTDIR=dist\nmkdir -p $DISTDIR\nrm -rf ${DISTDIR:?}/*\n', []),
    ('go mod vendor\ngo run ./main.go\nrm -r "$CURR_DIR/vendor"\n', []),
    # logs written again, one of them inside ``sh -c``
    ('rm -f ${lastLogfile} ${mailLog}\necho start >> ${lastLogfile}\n'
     'sh -c "mail -v < ${lastLogfile} > ${mailLog} 2>&1"\n', []),
    # MySQL's binary logs purged
    ('mysql -u"$U" -h"$H" -N -e "PURGE BINARY LOGS TO \'$binlog\'"\n', [True]),
])
def test_tools_in_variables_decompressed_originals_downloads_build_output_and_binary_logs(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # protobuf's generated modules removed before protoc writes them again
    ('find opentelemetry/ -regex ".*_pb2.*\\.pyi?" -exec rm {} +\nprotoc --python_out=. x.proto\n', []),
    ('find . -regex ".*\\.py" -exec rm {} +\n', [True]),
    # a repository made in a folder the script made, reset to what it fetched
    ('rm -rf semantic-conventions || true\nmkdir semantic-conventions\ncd semantic-conventions\n'
     'git init\ngit fetch origin "$TAG"\ngit reset --hard FETCH_HEAD\n', []),
    ('cd "$CHECKOUT"\ngit init\ngit reset --hard FETCH_HEAD\n', [True]),
    # files written inside a folder entered with pushd, removed from outside it by a pattern
    ('pushd "${source_dir}"\ngo test -bench=. ./... | tee bench_stat.dat\npopd\nrm "${source_dir}"/bench_*.dat\n', []),
    ('pushd "${source_dir}"\ntee "bench_$(date +%F).dat"\npopd\nrm "${source_dir}"/bench_*.dat\n', [True]),
])
def test_generated_protobuf_fresh_repositories_and_outputs_of_an_entered_folder(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


@pytest.mark.parametrize(("text", "destructive"), [
    # terraform's global options held in a variable before the subcommand
    ('terraform $chdir destroy -input=false -auto-approve $config_path\n', [True]),
    ('terraform $chdir workspace delete -no-color "$workspace"\n', [True]),
    # the Kafka tools take their long options after one dash
    ('docker-compose exec connect kafka-topics --bootstrap-server "$B" -delete --topic "$t"\n', [True]),
    # a file restored from a commit over its uncommitted changes; a branch made from a start point
    ('git checkout $COMMIT $FILE\n', [True]),
    ('git checkout -b "$branch" origin/main\ngit checkout ${team/ /_}-$OPTARG\n', []),
    # a toolchain replaced by a newer release
    ('sudo rm -rfv /usr/local/go\ntar -C /usr/local -xzf "$GO_TAR"\n', []),
    ('rm -rf /etc/netbird\n', [True]),
    # what a recording the script made names, deleted again
    ('rid=$(kapacitor record batch -name error_percent -start "$s")\nkapacitor replay -recording $rid\n'
     'kapacitor delete recordings $rid\n', []),
    # a probe's chain and set, made and removed by the script
    ('ipset destroy probe 2>/dev/null || true\nipset create probe hash:ip\niptables -w -N PROBE\n'
     'iptables -w -F PROBE\niptables -w -X PROBE\nipset destroy probe\n', []),
    ('iptables -X WEAVE\nipset destroy weaver\n', [True, True]),
    # the processes the script started, kept in an array
    ('pids=()\nnetbird service run &\npids+=("$!")\nkill -TERM "${pids[@]}"\n', []),
    ('pids=()\npids+=("$(pgrep nginx)")\nkill -TERM "${pids[@]}"\n', [True]),
    # ... and stopped one by one from a loop over the array (shifted as they end)
    ('pids=()\nrun_one &\npids+=($!)\npids=("${pids[@]:1}")\ncleanup() {\n  local pid\n'
     '  for pid in "${pids[@]:-}"; do kill "$pid" 2>/dev/null || true; done\n}\ntrap cleanup EXIT\n', []),
    ('pids=($(pgrep nginx))\nfor pid in "${pids[@]}"; do kill "$pid"; done\n', [True]),
    # lock and marker files, and a socket named with its port: run-time state
    ('rm ${SNAP_DATA}/var/lock/cni-needs-reload\nrm -f /var/lock/subsys/app\nrm -f "$STATE/locks/job"\n', []),
    ('rm ${SNAP_DATA}/etcd.socket:2379\n', []),
    ('rm -rf /var/lib/locks-db/data\n', [True]),
    # each alternative of a brace is an operand: a socket and its lock, as two files
    ('rm -vf $VTDATAROOT/$tablet_dir/{mysql.sock,mysql.sock.lock}\n', []),
    ('rm -rf /etc/letsencrypt/{accounts,archive,live}\n', [True]),
    # a trigger (or function, procedure) dropped and defined again: code, no data
    ("mysql db <<'SQL'\nDELIMITER $$\nDROP TRIGGER IF EXISTS fail_ready $$\nCREATE TRIGGER fail_ready BEFORE INSERT"
     " ON certs FOR EACH ROW BEGIN END $$\nDELIMITER ;\nSQL\n", []),
    ('psql -c "DROP FUNCTION IF EXISTS audit_row()"\n', []),
    ('psql -c "DROP TABLE audit_rows"\n', [True]),
    # build output, a package's new default configuration, a cache under a root being built
    ('rm -rf _out/\n', []),
    ('rm -f /etc/cups/cups-browsed.conf.pacnew /etc/app.conf.rpmnew\n', []),
    ('rm -f /etc/app.conf.rpmsave\n', [True]),
    ('rm -rf $BASE_MNT/var/cache/pkg/*\n', []),
    ('rm -rf $DATA/var/lib/mysql\n', [True]),
    # a marker a step leaves to say it ran, removed before it runs again
    ('rm -f "$ARTIFACTS/conda-forge-build-done-${CONFIG}" build/.done out/configure.stamp\n', []),
    ('rm -f results/done_list.csv\n', [True]),
    # a watcher waits for a deletion, it deletes nothing
    ('inotifywait -q -e delete_self /run/audio/pulse.sock\n', []),
    # pacman: -Rn deletes the saved configuration too, as a purge; snapper's cleanup and rollback
    ('sudo pacman -Rns --noconfirm foo\nyay -Rn bar\npacman --remove --nosave baz\n', [True, True, True]),
    ('pacman -R foo\npacman -S --needed foo\npacman -Syu\npacman -Ss foo\npacman -Qi foo\n', []),
    ('snapper cleanup number\nsnapper -c root rollback 42\n', [True, True]),
    ('sudo snapper -c root create -d before\nsnapper list\n', []),
    # towncrier build removes the news fragments it merged into the release notes
    ('towncrier build --version "$version" --yes\ntowncrier --version 1.2 --yes\n', [True, True]),
    ('towncrier build --draft --version 1.2\ntowncrier build --keep\ntowncrier check\n'
     'towncrier create 123.fix\n', []),
    # a firewall's and a router's state: pf's flushes and killed states, ipfw's flush, routes and
    # links deleted, IPsec associations flushed
    ('pfctl -k id -k 42\npfctl -t bruteforce -T flush\npfctl -F all\nipfw -f flush\nipfw -q pipe flush\n'
     'setkey -F\nroute -4 delete 10.0.0.0/8 192.0.2.1\nip route flush table main\nip link delete cni0\n'
     'ceph osd pool rmsnap rbd snap1\n', [True] * 10),
    ('pfctl -s Running\npfctl -t x -T show\npfctl -f /etc/pf.conf\npfctl -t x -T add 192.0.2.1\n'
     'ipfw show\nipfw add 100 allow ip from any to any\nsetkey -D\nroute add default 192.0.2.1\n'
     'ip addr show\nip link set eth0 up\nceph osd pool mksnap rbd snap1\n', []),
    # a jail's own anchor and table, unloaded, that the script also loads from its files
    ('do_cmd() { "$@"; }\nflush() {\n  do_cmd pfctl -a "$2" -F rules\n}\n'
     'for a in nat filter; do\n  case "$1" in\n    load) do_cmd pfctl -a "$a/$JAIL" -f "$a.conf" ;;\n'
     '    unload) flush "$a" "$a/$JAIL" ;;\n  esac\ndone\n'
     'pfctl -t "$t" -T replace -f "$list"\npfctl -t "$t" -T flush\n', []),
    ('pfctl -a "$a" -F rules\npfctl -a other -f x.conf\n', [True]),
    # Keycloak's admin CLI deleting a realm; git listing tags sorted by version (a value, not -f)
    ('kcadm.sh delete realms/${REALM_NAME}\nkcadm.sh create realms -s realm=x\n'
     'git tag -l "v*" --sort -version:refname\n', [True]),
])
def test_terraform_options_in_variables_kafka_options_checkouts_services_and_own_resources(
        text: str, destructive: list[bool]) -> None:
    assert [e.destructive for e in scan(text).effects if e.destructive] == destructive


def test_a_clone_named_by_a_variable_with_a_default() -> None:
    from opsctl.adopt.shell_scan import command_outputs

    assert command_outputs(["git", "clone", "https://github.com/x/${2:-build-harness}.git"]) == ["${2:-build-harness}"]
    assert command_outputs(["git", "clone", "git@github.com:org/tool.git"]) == ["tool"]


def test_a_plugin_sources_its_own_functions_by_its_installed_path(tmp_path: Path) -> None:
    from opsctl.adopt.scan import scan_tree

    root = tmp_path / "dokku-letsencrypt"
    (root / "subcommands").mkdir(parents=True)
    (root / "command-functions").write_text(
        '#!/usr/bin/env bash\ncmd-letsencrypt-disable() {\n  rm -rf "$DOKKU_ROOT/$1/letsencrypt"\n}\n')
    (root / "subcommands" / "disable").write_text(
        '#!/usr/bin/env bash\nsource "$PLUGIN_AVAILABLE_PATH/letsencrypt/command-functions"\n'
        'cmd-letsencrypt-disable "$@"\n')
    scripts = {s.path: s for s in scan_tree(root, git=False).scripts}
    assert [e.destructive for e in scripts["subcommands/disable"].effects] == [True]


def test_sql_echoed_into_a_client_a_wrapper_runs() -> None:
    """``echo "DROP DATABASE $P" | compose exec -T mysql mysql -uroot``: the echoed statement is
    the client's input, as it is when the client comes first."""
    script = scan('echo "DROP DATABASE $SHOPWARE_PROJECT" | compose exec -T mysql mysql -uroot -proot\n')
    assert [(e.destructive, e.line) for e in script.effects] == [(True, 1)]
    assert "-proot" not in script.effects[0].call
    harmless = scan('echo "SELECT 1" | docker compose exec -T mysql mysql -uroot\n')
    assert not any(e.destructive for e in harmless.effects)



def test_the_folder_an_archive_unpacks_into_named_by_what_is_installed_from_it() -> None:
    """``tar xvzf step_linux_${V}_amd64.tar.gz``, ``install -t /usr/bin step_${V}/bin/step``,
    then ``rm -rf step_${V}``: the script's own unpacked folder; another folder removed is not."""
    script = scan('''
        curl -sLO https://example.com/step_linux_${V:1}_amd64.tar.gz
        tar xvzf step_linux_${V:1}_amd64.tar.gz
        install -m 0755 -t /usr/bin step_${V:1}/bin/step
        rm step_linux_${V:1}_amd64.tar.gz
        rm -rf step_${V:1}
        rm -rf data_${V:1}
        ''')
    assert [e.line for e in script.effects if e.destructive] == [6]


def test_a_file_the_script_wrote_shredded_is_its_own() -> None:
    """``echo "$PW" > "${STEPPATH}/provisioner_password"`` then ``shred -u
    $STEPPATH/provisioner_password``: the script's own file, as ``rm`` of it is; a key it did not
    write, shredded, is lost."""
    script = scan('''
        echo "${PW}" > "${STEPPATH}/provisioner_password"
        step ca init --password-file "${STEPPATH}/provisioner_password"
        shred -u $STEPPATH/provisioner_password
        shred -u /srv/keys/ca.key
        ''')
    assert [e.line for e in script.effects if e.destructive] == [4]


def test_a_folder_whose_contents_were_copied_away_is_removed_without_loss() -> None:
    """``cp -rvp bin/* /root/out/tools`` then ``rm -rf bin``: the build's output moved to where
    it is kept; a folder not copied first is lost."""
    script = scan('''
        scons platform=linuxbsd target=editor
        cp -rvp bin/* /root/out/tools
        rm -rf bin
        rm -rf /srv/data
        ''')
    assert [e.line for e in script.effects if e.destructive] == [4]


def test_the_scripts_own_containers_children_and_scratch_through_wrappers() -> None:
    """The eighty-sixth set: a container the script made through a wrapper function
    (``cid=$(ici_cmd docker create ...)``, removed with ``ici_cmd ici_quiet docker rm``), child
    processes whose ids it collects one job at a time (``kids="$kids $!"``), run-time state
    beside named temporary entries (``rm -rf /run/apache2/* /tmp/apache2*``), and files of the
    temporary folder found by a name of their own (``find /tmp -name "importupload*" | xargs
    rm``) are its own: nothing of anyone's is lost."""
    script = scan("""
        cid=$(ici_cmd docker create --init img)
        ici_cmd ici_quiet docker rm "$cid"
        trap 'kill -15 $kids; exit 143' EXIT
        socat tcp-listen:443 tcp:1.2.3.4:443 &
        kids=$!
        minikube tunnel &
        kids="$kids $!"
        rm -rf /run/apache2/* /tmp/apache2*
        find /tmp -name "importupload*" -print0 | xargs -0 rm -f
    """)
    assert [(e.line, e.call) for e in script.effects if e.destructive] == []
    # the same commands on what is not its own still delete
    other = scan("""
        ici_cmd ici_quiet docker rm "$cid"
        kill -15 $kids
        rm -rf /srv/apache2/* /tmp/apache2*
        find /srv -name "importupload*" -print0 | xargs -0 rm -f
    """)
    assert [e.line for e in other.effects if e.destructive] == [1, 2, 3, 4]


def test_merged_branches_deleted_through_a_list_held_first() -> None:
    """``branches=$(git branch --merged | grep -v main)``, then ``echo "$branches" | xargs git
    branch -d``: every merged branch swept away, as ``git branch -d $(git branch --merged)``."""
    script = scan("""
        branches=$(git branch --no-color --merged | grep -v main)
        echo "$branches" | xargs git branch -d
    """)
    assert [(e.line, e.destructive) for e in script.effects if "branch -d" in e.call] == [(2, True)]
    plain = scan("""
        echo "$old" | xargs git branch -d
    """)
    assert [e.destructive for e in plain.effects if "branch -d" in e.call] == [False]


def test_a_throwaway_cluster_the_script_made_is_its_own_to_stop() -> None:
    """``initdb``, ``pg_ctl start``, ``psql -f``, ``pg_ctl stop``: an image build's or a smoke
    test's own server; a script that only starts and stops one stops a live cluster."""
    own = scan("""
        initdb -D "$PGDATA"
        pg_ctl -w start -D "$PGDATA"
        psql -f init.sql
        pg_ctl stop -m immediate -D "$PGDATA"
    """)
    assert [e for e in own.effects if "pg_ctl stop" in e.call and e.destructive] == []
    live = scan("""
        pg_ctl stop -s -m fast -D "$PGDATA"
    """)
    assert [e.destructive for e in live.effects] == [True]


def test_a_bosh_package_library_is_read_where_the_release_keeps_it(tmp_path: Path) -> None:
    """``source /var/vcap/packages/cf-mysql-common/pid_utils.sh`` in a BOSH job's control
    script: the release's ``src/cf-mysql-common/pid_utils.sh``, whose ``kill_and_wait`` stops
    the daemon (TERM, then KILL)."""
    from opsctl.adopt.scan import scan_tree

    (tmp_path / "src/common").mkdir(parents=True)
    (tmp_path / "src/common/pid_utils.sh").write_text(
        'kill_and_wait() {\n  pid=$(cat "$1")\n  kill "$pid"\n  sleep 5\n  kill -9 "$pid"\n}\n')
    (tmp_path / "jobs/db/templates").mkdir(parents=True)
    ctl = tmp_path / "jobs/db/templates/db_ctl.sh"
    ctl.write_text('#!/bin/bash\nsource /var/vcap/packages/common/pid_utils.sh\ncase $1 in\n'
                   '  stop) kill_and_wait /var/vcap/sys/run/db/db.pid ;;\nesac\n')
    ctl.chmod(0o755)
    scripts = {s.path: s for s in scan_tree(tmp_path, git=False, jobs=1).scripts}
    effects = scripts["jobs/db/templates/db_ctl.sh"].effects
    assert [(e.path, e.destructive) for e in effects if e.call.startswith("kill")] == [
        ("src/common/pid_utils.sh", True), ("src/common/pid_utils.sh", True)]


def test_an_array_set_by_export_or_local_is_values_not_a_subshell() -> None:
    # ``export CLEANUP_POLICY=(delete delete compact)``: Kafka topics' cleanup policies, not a
    # command named ``delete``
    assert [words for _line, words in simple_commands(
        "export POLICY=(delete delete compact)\nlocal -a dirs=(rm -rf)\necho ok\n")] == [
        ["export", "POLICY=delete delete compact"], ["local", "-a", "dirs=rm -rf"], ["echo", "ok"]]
    # (and ``local args=("$@")`` ... ``"$cmd" "${args[@]}"`` runs what the function is handed)
    assert scan("""
        run_on_hosts() {
            local cmd="$1"; shift
            local args=("$@")
            "${cmd}" "${args[@]}"
        }
        run_on_hosts borg prune --keep-daily 7
    """).effects[0].destructive is True
    # (and an array declared with its words, run whole: the command is what it holds, at the
    # line that runs it)
    deleted = scan("""
        local -a delete_cmd=(
            "gcloud" "filestore" "instances" "delete" "$name"
            "--quiet"
        )
        "${delete_cmd[@]}"
    """).effects
    assert [(e.destructive, e.line) for e in deleted] == [(True, 5)]
    assert scan("""
        export CLEANUP_POLICY=(delete delete delete compact)
        kafka-topics --create --topic t --config "cleanup.policy=${CLEANUP_POLICY[0]}"
    """).effects[0].destructive is False


def test_a_pid_file_named_by_a_lower_case_or_defaulted_variable_is_run_time_state() -> None:
    script = scan("""
        rm -f ${unbound_pidfile:-"/usr/local/etc/unbound/unbound.pid"}
        rm -f "$pidfile"
        rm -rf ${DATA:-/var/lib/app}
    """)
    assert [e.destructive for e in script.effects] == [False, False, True]


def test_nsupdate_fed_a_deletion_deletes_dns_records() -> None:
    deleted = scan("""
        remove_cmd="update delete ${fqdn} A"
        nsupdate -v -k "$key" << EOF
        ${remove_cmd}
        send
        EOF
    """).effects
    assert [(e.destructive, e.line) for e in deleted] == [(True, 2)]
    added = scan("""
        nsupdate -k "$key" << EOF
        update add ${fqdn} 300 A ${ip}
        send
        EOF
    """).effects
    assert all(not e.destructive for e in added)
