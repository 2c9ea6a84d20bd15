"""POSIX shell scripts, read without running them.

Why a hand-written tokeniser: ``shlex`` splits words and quotes but knows nothing of operators
beyond single punctuation characters, ``$( )``/backtick nesting, heredocs, keywords, case arms or
line numbers; the shell parsers on PyPI (bashlex and friends) raise on much real-world shell and
are slow over thousands of scripts. :class:`_Lexer` is one left-to-right pass over the text with
module-level regexes for every run of ordinary characters, recursing only into ``$( )``,
backticks and heredoc bodies fed to a shell, so its cost is linear in the text; it never raises.

    _Lexer       text -> _Command (words, assignments, redirections, function, case arm),
                 _Case/_CaseArm, parameter expansions, names assigned by for/arithmetic
    simple_commands   the public view: (line, words) of each simple command
    scan_shell   summary, interface (getopts / case / argv), env, effects, exit codes, dry-run
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from opsctl.adopt import commands as _commands
from opsctl.adopt.model import Confidence, Effect, EnvVar, Flag, Script

__all__ = ["looks_like_credential", "scan_shell", "simple_commands"]

looks_like_credential = _commands.looks_like_credential

_MAX_DEPTH = 60
_BLANKS = re.compile(r"(?:[ \t\r\f\v]+|\\\r?\n)+")
_PLAIN = re.compile(r"[^\s;&|()<>'\"`\\$]+")
_DQ_PLAIN = re.compile(r'[^"\\$`]+')
_BRACE_PLAIN = re.compile(r"[^}'\"\\$`]+")
_OPERATOR = re.compile(r";;&|;;|;&|;|&&|\|\||\|&|\||&")
_REDIRECT = re.compile(r"(\d*)(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)")
_COMMENT_END = re.compile(r"[^\n]*")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SIMPLE_PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!-]")
_BRACE_PARAM = re.compile(r"([#!]?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(\[[^\]]*\])?"
                          r"(:[-=?+]|[-=?+]|##|#|%%|%|//|/#|/%|/|:|\^\^|\^|,,|,|@)?")
_ANSI_C = re.compile(r"\$'((?:[^'\\]|\\.)*)'?", re.S)
_BACKTICK_BODY = re.compile(r"(?:[^`\\]|\\.)*", re.S)
_ASSIGNMENT_WORD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=")
_ARITH_ASSIGN = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*(?:\+\+|--|(?:[-+*/%&|^]|<<|>>)?=(?!=))")
_BODY_EXPANSION = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9])(:?[-=?+])?")
_PARENS = re.compile(r"[()]")
_EMPTY_PARENS = re.compile(r"[ \t]*\([ \t]*\)")
_KEYWORDS_SKIP = frozenset({"if", "then", "else", "elif", "do", "while", "until", "!", "fi", "done"})
_SHELL_NAMES = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})
_SQL_CLIENTS = frozenset({"psql", "mysql", "mariadb", "sqlite3", "clickhouse-client", "cqlsh",
                          "sqlcmd", "snowsql"})
_WRAPPER_VALUE_OPTIONS = {"sudo": frozenset({"-u", "-g", "-p", "-C", "-h", "-r", "-t", "-U", "-D"}),
                          "doas": frozenset({"-u", "-C"}), "nice": frozenset({"-n"}),
                          "timeout": frozenset({"-s", "-k", "--signal", "--kill-after"}),
                          "env": frozenset({"-u", "-C", "-S"})}
_PASS_THROUGH = frozenset({"sudo", "env", "nohup", "exec", "command", "time", "doas", "nice",
                           "timeout", "stdbuf"})


@dataclass(slots=True)
class _Redirect:
    op: str
    target: str
    line: int


@dataclass(slots=True, eq=False)
class _CaseArm:
    subject: str
    patterns: list[str]
    line: int
    end_line: int = 0
    comment: str | None = None


@dataclass(slots=True, eq=False)
class _Case:
    subject: str
    line: int
    end_line: int = 0
    arms: list[_CaseArm] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class _Command:
    line: int
    words: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    assignments: list[tuple[str, str, str]] = field(default_factory=list)
    """(name, value with quotes removed, value as written)."""
    redirects: list[_Redirect] = field(default_factory=list)
    function: str | None = None
    arm: _CaseArm | None = None
    remote: bool = False
    stdin_text: str | None = None
    seq: int = 0
    """The order in which the lexer met it (reads and assignments are compared by it)."""


@dataclass(slots=True)
class _Expansion:
    name: str
    op: str
    arg: str
    line: int
    function: str | None
    arm: _CaseArm | None
    seq: int = 0


@dataclass(slots=True)
class _Parsed:
    commands: list[_Command] = field(default_factory=list)
    cases: list[_Case] = field(default_factory=list)
    expansions: list[_Expansion] = field(default_factory=list)
    assigned: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Names assigned outside simple commands (for loops, arithmetic): (first line, seq)."""
    functions: dict[str, tuple[int, int]] = field(default_factory=dict)
    sequence: int = 0

    def next_seq(self) -> int:
        self.sequence += 1
        return self.sequence


@dataclass(slots=True, eq=False)
class _CaseState:
    case: _Case
    mode: str  # "subject", "in", "pattern", "body"
    patterns: list[str] = field(default_factory=list)
    arm: _CaseArm | None = None


@dataclass(slots=True, eq=False)
class _Frame:
    """The state of one command list (the script, or the inside of one ``$( )``)."""

    function: str | None
    arm: _CaseArm | None
    command: _Command | None = None
    heredocs: list[tuple[_Command, str, bool, bool]] = field(default_factory=list)
    cases: list[_CaseState] = field(default_factory=list)
    blocks: list[tuple[str, str | None, int]] = field(default_factory=list)
    pending_function: str | None = None
    for_mode: int = 0
    case_mode: bool = False
    function_keyword: bool = False
    test_mode: bool = False
    skip_command: bool = False


class _Lexer:
    def __init__(self, text: str, sink: _Parsed, *, line_base: int = 1, depth: int = 0,
                 remote: bool = False) -> None:
        self.text = text
        self.n = len(text)
        self.pos = 0
        self.sink = sink
        self.line_base = line_base
        self.depth = depth
        self.remote = remote
        self.newlines = [m.start() for m in re.finditer("\n", text)]

    def line_of(self, pos: int) -> int:
        return self.line_base + bisect.bisect_left(self.newlines, pos)

    # -- the command list -------------------------------------------------------------------------

    def run(self, frame: _Frame, stop: str | None = None) -> None:
        text, n = self.text, self.n
        self.depth += 1
        try:
            while self.pos < n:
                blank = _BLANKS.match(text, self.pos)
                if blank:
                    self.pos = blank.end()
                    continue
                char = text[self.pos]
                if char == "\n":
                    self.pos += 1
                    self.end_command(frame, newline=True)
                    continue
                if char == "#":
                    self.pos = _COMMENT_END.match(text, self.pos).end()  # type: ignore[union-attr]
                    continue
                if frame.test_mode and char in "<>()&|!":
                    self.pos += 1
                    continue
                state = frame.cases[-1] if frame.cases else None
                if state is not None and state.mode == "pattern" and self.pattern_token(frame, state, char):
                    continue
                if char == ")":
                    if frame.blocks and frame.blocks[-1][0] == "(":
                        self.end_command(frame)
                        self.close_block(frame)
                        self.pos += 1
                        continue
                    self.pos += 1
                    self.end_command(frame)
                    if stop == ")":
                        return
                    continue
                if char == "(":
                    command = frame.command
                    if text.startswith("((", self.pos) and (command is None or not command.words):
                        self.arithmetic(frame, self.pos + 2)
                    else:
                        self.open_paren(frame)
                    continue
                if char in "<>&" or char.isdigit():
                    if char in "<>" and text.startswith("(", self.pos + 1):
                        self.word(frame)
                        continue
                    redirect = _REDIRECT.match(text, self.pos)
                    if redirect:
                        self.redirect(frame, redirect)
                        continue
                if char in ";&|":
                    op = _OPERATOR.match(text, self.pos)
                    self.pos = op.end() if op else self.pos + 1
                    self.operator(frame, op.group(0) if op else char)
                    continue
                self.word(frame)
            self.end_command(frame, newline=True)
        finally:
            self.depth -= 1

    def next_is_close_paren(self) -> bool:
        blank = _BLANKS.match(self.text, self.pos + 1)
        after = blank.end() if blank else self.pos + 1
        return self.text.startswith(")", after)

    def open_paren(self, frame: _Frame) -> None:
        command = frame.command
        if command is not None and len(command.words) == 1 and not command.assignments \
                and self.next_is_close_paren():
            name = command.words[0]
            frame.command = None
            frame.pending_function = name
            self.pos = self.text.index(")", self.pos) + 1
            return
        self.end_command(frame)
        frame.blocks.append(("(", frame.pending_function, self.line_of(self.pos)))
        frame.pending_function = None
        self.pos += 1

    def close_block(self, frame: _Frame) -> None:
        _kind, name, line = frame.blocks.pop()
        if name is not None and name not in self.sink.functions:
            self.sink.functions[name] = (line, self.line_of(self.pos))

    def current_function(self, frame: _Frame) -> str | None:
        for _kind, name, _line in reversed(frame.blocks):
            if name is not None:
                return name
        return frame.function

    def current_arm(self, frame: _Frame) -> _CaseArm | None:
        for state in reversed(frame.cases):
            if state.mode == "body":
                return state.arm
        return frame.arm

    def operator(self, frame: _Frame, op: str) -> None:
        self.end_command(frame)
        if op in (";;", ";&", ";;&") and frame.cases and frame.cases[-1].mode == "body":
            state = frame.cases[-1]
            if state.arm is not None:
                state.arm.end_line = self.line_of(self.pos)
            state.mode, state.patterns, state.arm = "pattern", [], None
        elif op == ";":
            frame.for_mode = 0

    def pattern_token(self, frame: _Frame, state: _CaseState, char: str) -> bool:
        """Case patterns up to ``)``; returns False when the token is ``esac`` or a command."""
        if char in "(|":
            self.pos += 1
            return True
        if char == ")":
            self.pos += 1
            line = self.line_of(self.pos - 1)
            arm = _CaseArm(state.case.subject, state.patterns, line,
                           comment=self.trailing_comment(self.pos))
            state.case.arms.append(arm)
            state.mode, state.arm = "body", arm
            return True
        if char in ";&":
            self.pos += 1
            return True
        start = self.pos
        word, raw = self.read_word(frame)
        if raw == "esac":
            state.case.end_line = self.line_of(start)
            frame.cases.pop()
            return True
        if self.pos == start:
            self.pos += 1
        state.patterns.append(word)
        return True

    def trailing_comment(self, pos: int) -> str | None:
        end = self.text.find("\n", pos)
        rest = self.text[pos:end if end >= 0 else self.n]
        index = rest.find("#")
        if index >= 0 and (index == 0 or rest[index - 1] in " \t;"):
            comment = rest[index + 1:].strip()
            return comment or None
        return None

    def end_command(self, frame: _Frame, *, newline: bool = False) -> None:
        command = frame.command
        if command is not None and not frame.skip_command and (
                command.words or command.assignments or command.redirects):
            self.sink.commands.append(command)
        frame.command = None
        frame.skip_command = False
        frame.test_mode = False
        if newline:
            frame.for_mode = 0
            if frame.heredocs:
                self.heredoc_bodies(frame)

    def command_for(self, frame: _Frame, pos: int) -> _Command:
        if frame.command is None:
            frame.command = _Command(self.line_of(pos), function=self.current_function(frame),
                                     arm=self.current_arm(frame), remote=self.remote,
                                     seq=self.sink.next_seq())
        return frame.command

    # -- words --------------------------------------------------------------------------------------

    def word(self, frame: _Frame) -> None:
        start = self.pos
        at_start = frame.command is None or not (frame.command.words or frame.command.redirects)
        word, raw = self.read_word(frame)
        if self.pos == start:
            self.pos += 1
            return
        if frame.test_mode:
            if raw == "]]":
                frame.test_mode = False
            return
        if frame.for_mode:
            self.for_word(frame, word, raw, start)
            return
        if frame.case_mode:
            self.case_word(frame, word, raw, start)
            return
        if frame.function_keyword:
            frame.function_keyword = False
            frame.pending_function = word
            parens = _EMPTY_PARENS.match(self.text, self.pos)
            if parens:
                self.pos = parens.end()
            return
        unquoted_first = at_start and raw == word and (frame.command is None or not frame.command.assignments)
        if unquoted_first and self.keyword(frame, word, start):
            return
        command = self.command_for(frame, start)
        assignment = _ASSIGNMENT_WORD.match(raw)
        if assignment and not command.words:
            value_raw = raw[assignment.end():]
            value = word[word.find("=") + 1:]
            if not value_raw and self.text.startswith("(", self.pos):
                self.array_literal(frame)
            command.assignments.append((assignment.group(1), value, value_raw))
            return
        command.words.append(word)
        command.raw.append(raw)

    def keyword(self, frame: _Frame, word: str, start: int) -> bool:
        if word in _KEYWORDS_SKIP:
            return True
        if word == "[[":
            frame.test_mode = True
            frame.skip_command = True
            self.command_for(frame, start)
            return True
        if word == "{":
            frame.blocks.append(("{", frame.pending_function, self.line_of(start)))
            frame.pending_function = None
            return True
        if word == "}":
            if frame.blocks and frame.blocks[-1][0] == "{":
                self.close_block(frame)
            return True
        if word in ("for", "select"):
            frame.for_mode = 1
            blank = _BLANKS.match(self.text, self.pos)
            after = blank.end() if blank else self.pos
            if self.text.startswith("((", after):
                self.pos = after
                self.arithmetic(frame, after + 2)
                frame.for_mode = 0
            return True
        if word == "case":
            frame.case_mode = True
            frame.cases.append(_CaseState(_Case("", self.line_of(start)), "subject"))
            return True
        if word == "esac":
            if frame.cases:
                state = frame.cases.pop()
                if state.arm is not None and not state.arm.end_line:
                    state.arm.end_line = self.line_of(start)
                state.case.end_line = self.line_of(start)
            return True
        if word == "function":
            frame.function_keyword = True
            return True
        return False

    def for_word(self, frame: _Frame, word: str, raw: str, start: int) -> None:
        if frame.for_mode == 1:
            if _NAME.fullmatch(word):
                self.sink.assigned.setdefault(word, (self.line_of(start), self.sink.next_seq()))
            frame.for_mode = 2
        elif frame.for_mode == 2:
            frame.for_mode = 3 if raw == "in" else 0
            if raw == "do":
                frame.for_mode = 0

    def case_word(self, frame: _Frame, word: str, raw: str, start: int) -> None:
        state = frame.cases[-1] if frame.cases else None
        if state is None:
            frame.case_mode = False
            return
        if state.mode == "subject":
            state.case.subject = word
            state.mode = "in"
        elif raw == "in":
            state.mode = "pattern"
            frame.case_mode = False
            self.sink.cases.append(state.case)

    def array_literal(self, frame: _Frame) -> None:
        self.pos += 1
        while self.pos < self.n:
            blank = _BLANKS.match(self.text, self.pos)
            if blank:
                self.pos = blank.end()
                continue
            char = self.text[self.pos]
            if char == ")":
                self.pos += 1
                return
            if char == "\n" or char in ";&|<>(":
                self.pos += 1
                continue
            if char == "#":
                self.pos = _COMMENT_END.match(self.text, self.pos).end()  # type: ignore[union-attr]
                continue
            before = self.pos
            self.read_word(frame)
            if self.pos == before:
                self.pos += 1

    def redirect(self, frame: _Frame, match: re.Match[str]) -> None:
        start = self.pos
        op = match.group(2)
        self.pos = match.end()
        blank = _BLANKS.match(self.text, self.pos)
        if blank:
            self.pos = blank.end()
        target, raw = ("", "")
        if self.pos < self.n and self.text[self.pos] not in "\n;&|()<>":
            target, raw = self.read_word(frame)
        command = self.command_for(frame, start)
        command.redirects.append(_Redirect(match.group(1) + op, target, self.line_of(start)))
        if op in ("<<", "<<-") and target:
            quoted = raw != target or any(q in raw for q in "'\"\\")
            frame.heredocs.append((command, target, op == "<<-", quoted))
        elif op == "<<<":
            command.stdin_text = target

    def heredoc_bodies(self, frame: _Frame) -> None:
        pending, frame.heredocs = frame.heredocs, []
        for command, delimiter, strip, quoted in pending:
            end = re.compile(r"^" + (r"\t*" if strip else r"[ \t]*") + re.escape(delimiter) + r"[ \t\r]*$",
                             re.M).search(self.text, self.pos)
            body_start = self.pos
            body_end = end.start() if end else self.n
            self.pos = min(self.n, end.end() + 1) if end else self.n
            body = self.text[body_start:body_end]
            command.stdin_text = body
            line = self.line_of(body_start)
            if not quoted:
                for match in _BODY_EXPANSION.finditer(body):
                    self.sink.expansions.append(_Expansion(
                        match.group(1), match.group(2) or "", "", line + body.count("\n", 0, match.start()),
                        command.function, command.arm, self.sink.next_seq()))
            target = _heredoc_reader(command.words)
            if target is not None and self.depth < _MAX_DEPTH:
                nested = _Lexer(body, self.sink, line_base=line, depth=self.depth,
                                remote=self.remote or target)
                nested.run(_Frame(command.function, command.arm))

    # -- one word -------------------------------------------------------------------------------------

    def read_word(self, frame: _Frame) -> tuple[str, str]:
        """(the word with quotes removed and expansions as written, the word as written)."""
        text, n = self.text, self.n
        start = self.pos
        parts: list[str] = []
        while self.pos < n:
            plain = _PLAIN.match(text, self.pos)
            if plain:
                parts.append(plain.group(0))
                self.pos = plain.end()
                continue
            char = text[self.pos]
            if char == "'":
                end = text.find("'", self.pos + 1)
                end = n if end < 0 else end
                parts.append(text[self.pos + 1:end])
                self.pos = end + 1
            elif char == '"':
                self.pos += 1
                self.read_double(frame, parts)
            elif char == "\\":
                if text.startswith("\n", self.pos + 1):
                    self.pos += 2
                else:
                    parts.append(text[self.pos + 1:self.pos + 2])
                    self.pos += 2
            elif char == "$":
                self.read_dollar(frame, parts, quoted=False)
            elif char == "`":
                self.read_backtick(frame, parts)
            elif char in "<>" and text.startswith("(", self.pos + 1) and self.pos == start:
                self.substitution(frame, parts, self.pos + 2)
            else:
                break
        self.pos = min(self.pos, n)
        return "".join(parts), text[start:self.pos]

    def read_double(self, frame: _Frame, parts: list[str]) -> None:
        text, n = self.text, self.n
        while self.pos < n:
            plain = _DQ_PLAIN.match(text, self.pos)
            if plain:
                parts.append(plain.group(0))
                self.pos = plain.end()
                continue
            char = text[self.pos]
            if char == '"':
                self.pos += 1
                return
            if char == "\\":
                following = text[self.pos + 1:self.pos + 2]
                if following == "\n":
                    pass
                elif following in ('$', '`', '"', "\\"):
                    parts.append(following)
                else:
                    parts.append("\\" + following)
                self.pos += 2
            elif char == "$":
                self.read_dollar(frame, parts, quoted=True)
            else:
                self.read_backtick(frame, parts)

    def read_dollar(self, frame: _Frame, parts: list[str], *, quoted: bool) -> None:
        text = self.text
        start = self.pos
        following = text[start + 1:start + 2]
        if following == "(":
            if text.startswith("((", start + 1):
                self.arithmetic(frame, start + 3)
            else:
                self.substitution(frame, parts, start + 2)
                return
            parts.append(text[start:self.pos])
            return
        if following == "{":
            self.read_brace(frame, start, quoted=quoted)
            parts.append(text[start:self.pos])
            return
        if following == "'" and not quoted:
            match = _ANSI_C.match(text, start)
            assert match is not None
            parts.append(match.group(1).replace("\\'", "'").replace("\\n", "\n").replace("\\t", "\t"))
            self.pos = match.end()
            return
        if following == '"' and not quoted:
            self.pos = start + 2
            self.read_double(frame, parts)
            return
        param = _SIMPLE_PARAM.match(text, start + 1)
        if param is None:
            parts.append("$")
            self.pos = start + 1
            return
        self.pos = param.end()
        self.expansion(frame, param.group(0), "", "", start)
        parts.append(text[start:self.pos])

    def expansion(self, frame: _Frame, name: str, op: str, arg: str, pos: int) -> None:
        self.sink.expansions.append(_Expansion(name, op, arg, self.line_of(pos),
                                               self.current_function(frame), self.current_arm(frame),
                                               self.sink.next_seq()))

    def read_brace(self, frame: _Frame, start: int, *, quoted: bool) -> None:
        """``${...}`` up to its ``}`` (a bare ``{`` does not nest, as in bash; ``'`` quotes only
        outside double quotes)."""
        text, n = self.text, self.n
        param = _BRACE_PARAM.match(text, start + 2)
        self.pos = param.end() if param else start + 2
        arg_start = self.pos
        scratch: list[str] = []
        while self.pos < n:
            plain = _BRACE_PLAIN.match(text, self.pos)
            if plain:
                self.pos = plain.end()
                continue
            char = text[self.pos]
            if char == "}":
                self.pos += 1
                break
            if char == "'" and quoted:
                self.pos += 1
            elif char == "'":
                end = text.find("'", self.pos + 1)
                self.pos = n if end < 0 else end + 1
            elif char == '"':
                self.pos += 1
                self.read_double(frame, scratch)
            elif char == "\\":
                self.pos += 2
            elif char == "$":
                self.read_dollar(frame, scratch, quoted=True)
            else:
                self.read_backtick(frame, scratch)
        self.pos = min(self.pos, n)
        if param:
            name = param.group(2)
            op = param.group(4) or ""
            arg_end = self.pos - 1 if self.pos > arg_start and text[self.pos - 1] == "}" else self.pos
            self.expansion(frame, name, op, text[arg_start:arg_end], start)

    def arithmetic(self, frame: _Frame, body_start: int) -> None:
        """``$(( ))`` / ``(( ))``: skip to the closing ``))``, noting the names read and assigned."""
        depth = 2
        end = self.n
        for match in _PARENS.finditer(self.text, body_start):
            depth += 1 if match.group(0) == "(" else -1
            if depth == 0:
                end = match.end()
                break
        body = self.text[body_start:max(body_start, end - 2)]
        line = self.line_of(body_start)
        for match in _BODY_EXPANSION.finditer(body):
            self.sink.expansions.append(_Expansion(match.group(1), "", "", line, self.current_function(frame),
                                                   self.current_arm(frame), self.sink.next_seq()))
        for match in _ARITH_ASSIGN.finditer(body):
            self.sink.assigned.setdefault(match.group(1), (line, self.sink.next_seq()))
        self.pos = end

    def substitution(self, frame: _Frame, parts: list[str], body_start: int) -> None:
        start = self.pos
        if self.depth >= _MAX_DEPTH:
            depth = 1
            end = self.n
            for match in _PARENS.finditer(self.text, body_start):
                depth += 1 if match.group(0) == "(" else -1
                if depth == 0:
                    end = match.end()
                    break
            self.pos = end
        else:
            self.pos = body_start
            self.run(_Frame(self.current_function(frame), self.current_arm(frame)), stop=")")
        parts.append(self.text[start:self.pos])

    def read_backtick(self, frame: _Frame, parts: list[str]) -> None:
        start = self.pos
        match = _BACKTICK_BODY.match(self.text, start + 1)
        assert match is not None
        end = match.end()
        self.pos = min(self.n, end + 1)
        parts.append(self.text[start:self.pos])
        if self.depth < _MAX_DEPTH:
            inner = re.sub(r"\\([`$\\])", r"\1", match.group(0))
            nested = _Lexer(inner, self.sink, line_base=self.line_of(start + 1), depth=self.depth,
                            remote=self.remote)
            nested.run(_Frame(self.current_function(frame), self.current_arm(frame)))


def _program(words: list[str]) -> tuple[str | None, int]:
    """The program a command runs past ``sudo -u x``/``env``/``timeout 5``... and its index."""
    skip = False
    wrapper = ""
    for index, word in enumerate(words):
        if skip:
            skip = False
            continue
        name = word.rsplit("/", 1)[-1]
        if name in _PASS_THROUGH:
            wrapper = name
            skip = name == "timeout" and index + 1 < len(words) and not words[index + 1].startswith("-")
            continue
        if word.startswith("-"):
            skip = word in _WRAPPER_VALUE_OPTIONS.get(wrapper, ())
            continue
        if _ASSIGNMENT_WORD.match(word):
            continue
        if wrapper == "timeout" and re.fullmatch(r"[\d.]+[smhd]?", word):
            continue
        return name, index
    return None, len(words)


def _heredoc_reader(words: list[str]) -> bool | None:
    """Whether a heredoc fed to this command is run as shell: None (no), False (here), True
    (remotely: ``ssh``, ``docker exec``, ``kubectl exec``)."""
    name, index = _program(words)
    if name == "ssh":
        return True
    if name in _SHELL_NAMES:
        return False if "-c" not in words else None
    if name in ("docker", "kubectl", "podman", "oc") and "exec" in words:
        return True if any(w.rsplit("/", 1)[-1] in _SHELL_NAMES for w in words[index + 2:]) else None
    return None


def _parse(text: str) -> _Parsed:
    parsed = _Parsed()
    lexer = _Lexer(text, parsed)
    frame = _Frame(None, None)
    with contextlib.suppress(RecursionError):  # bounded by _MAX_DEPTH; kept so a scan never fails
        lexer.run(frame)
    parsed.commands.sort(key=lambda command: command.line)
    return parsed


def simple_commands(text: str) -> Iterator[tuple[int, list[str]]]:
    """Each simple command of a shell text as (line, words), quotes removed, expansions kept as
    written (``$VAR``), through pipelines, lists, subshells, ``$( )``, backticks, control
    structures, functions, case arms and heredoc bodies fed to ``sh``/``bash``/``ssh``.

    Assignments before the command (``FOO=1 cmd``) are left out of the words; a command made of
    assignments only is not yielded. ``line`` is 1-based, the line where the command starts."""
    for command in _parse(text).commands:
        if command.words:
            yield command.line, command.words


# -- the scanner ----------------------------------------------------------------------------------

_SHELL_VARIABLES = frozenset(
    ["HOME", "PATH", "PWD", "OLDPWD", "USER", "LOGNAME", "SHELL", "IFS", "RANDOM", "SRANDOM", "LINENO", "SECONDS", "BASH", "BASH_SOURCE", "BASH_VERSION", "BASH_VERSINFO", "BASH_REMATCH", "BASH_LINENO", "BASHPID", "BASH_ARGV", "BASH_ARGC", "BASH_COMMAND", "BASH_SUBSHELL", "BASHOPTS", "SHELLOPTS", "FUNCNAME", "PPID", "UID", "EUID", "GROUPS", "HOSTNAME", "HOSTTYPE", "OSTYPE", "MACHTYPE", "OPTARG", "OPTIND", "OPTERR", "TMPDIR", "TERM", "LANG", "LANGUAGE", "PS1", "PS2", "PS3", "PS4", "PIPESTATUS", "REPLY", "COLUMNS", "LINES", "SHLVL", "EPOCHSECONDS", "EPOCHREALTIME", "DIRSTACK", "HISTFILE", "HISTSIZE", "MAIL", "MAILPATH", "PROMPT_COMMAND", "TIMEFORMAT", "POSIXLY_CORRECT", "COMP_WORDS", "COMP_CWORD", "COMP_LINE", "COMPREPLY", "READLINE_LINE", "ZSH_VERSION", "KSH_VERSION"])
_DEFAULTING_OPS = frozenset({":-", "-", ":=", "=", ":+", "+"})
_REQUIRED_OPS = frozenset({":?", "?"})
_NOUNSET = re.compile(r"^[ \t]*set[ \t]+(?:-[a-zA-Z]*u|-o[ \t]+nounset)", re.M)
_ARG_COUNT_CHECK = re.compile(r"\$\{?#\}?\"?\s*-(lt|ne|le|eq)\s*\"?(\d+)")
_CHOICE = re.compile(r"[A-Za-z0-9][\w.:-]*")
_OPTION_PATTERN = re.compile(r"(--?[A-Za-z0-9][\w-]*)(=\*?)?")
_SUBJECT_VAR = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|1)\}?")
_DRY_RUN_NAMES = frozenset({"dry-run", "dryrun", "dry_run", "noop", "no-op", "check", "plan",
                            "simulate", "what-if", "whatif", "pretend", "no-act", "preview"})
_CONFIRM_NAMES = frozenset({"apply", "execute", "commit", "for-real", "no-dry-run", "confirm", "really"})
"""Flags that turn a preview-by-default script into a real run: the script has a dry run, without
a flag to ask for it."""
_DRY_RUN_HELP = re.compile(r"(?i)dry|simulat|what would|without (?:making|applying|changing)|no changes|noop")
_DRY_RUN_VARIABLE = re.compile(r"(?i)^(?:DRY_?RUN|NOOP|NO_OP|SIMULATE|WHAT_?IF)$")
_QUIET_TARGETS = ("/dev/null", "/dev/stderr", "/dev/stdout", "/dev/tty", "/dev/fd/", "/proc/self/fd/")
_WRITE_OPS = (">", ">>", ">|", "&>", "&>>", ">&")
_LICENSE = re.compile(r"(?i)copyright|licen[cs]e|spdx|all rights reserved|warrant|\(c\)|"
                      r"you may not use|distributed under|permissions and|apache|gnu|"
                      r"unless required by applicable law|you may obtain a copy|"
                      r"permission is hereby granted|above copyright notice|free software|"
                      r"as published by|merchantability|fitness for a particular purpose|"
                      r"you should have received")
_LICENSE_END = re.compile(r"(?i)limitations under the licen[cs]e|along with this program|"
                          r"in the software\.?$|spdx-license-identifier")
_SKIP_COMMENT = re.compile(r"(?i)^(?:shellcheck|-\*-|vim?:|usage\b|author\b|date\b|version\b|"
                           r"created\b|\$id|@|ex:|todo\b)|^[-=#*~_+ ]*$")
_DESCRIPTION_PREFIX = re.compile(r"(?i)^(?:description|desc|summary|purpose|synopsis)\s*:\s*")
_ECHO_PREFIX = re.compile(r"^\s*(?:echo|printf)\s+(?:-[en]+\s+)?")
_USAGE_FUNCTION = re.compile(r"(?i)usage|help")
_MAX_WARNINGS = 10
_SCRATCH_ALL_ARGS = frozenset({"rm", "rmdir", "unlink", "shred", "mkdir", "touch", "chmod", "chown",
                               "tee", "truncate"})
_SCRATCH_LAST_ARG = frozenset({"cp", "mv", "ln", "install", "rsync", "scp"})


_TEMP_PREFIX = re.compile(r"^(?:/tmp/|/var/tmp/|\$\{?TMPDIR\b)")


def _scratch_path(word: str) -> bool:
    """A path of the script's own: named after its process id (``/tmp/x.$$``), or a named entry
    under the temporary folder (not ``/tmp/*`` nor ``/tmp`` itself)."""
    if "$$" in word:
        return True
    return bool(_TEMP_PREFIX.match(word)) and not word.rstrip("/").endswith("*") \
        and word.rstrip("/") not in ("/tmp", "/var/tmp")


def _summary(text: str) -> str | None:
    lines = text.splitlines()
    in_license = False
    for index, line in enumerate(lines[:200]):
        stripped = line.strip()
        if index == 0 and stripped.startswith("#!"):
            continue
        if not stripped or re.match(r"set\s+[-+]", stripped):
            in_license = False
            continue
        if not stripped.startswith("#"):
            return None
        comment = stripped.lstrip("#").strip()
        if not comment:
            in_license = False
            continue
        if in_license or _LICENSE.search(comment):
            in_license = not _LICENSE_END.search(comment)
            continue
        if _SKIP_COMMENT.search(comment):
            continue
        comment = _DESCRIPTION_PREFIX.sub("", comment)
        return comment[:200] or None
    return None


def _usage_lines(parsed: _Parsed, text: str) -> list[str]:
    lines = text.splitlines()
    found: list[str] = []
    for name, (start, end) in parsed.functions.items():
        if _USAGE_FUNCTION.search(name):
            found.extend(lines[start - 1:end])
    for line in lines[:80]:
        if line.lstrip().startswith("#"):
            found.append(line.lstrip().lstrip("#"))
        elif line.strip():
            break
    return found


def _usage_help(usage: list[str], names: list[str]) -> str | None:
    for name in names:
        token = re.compile(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])")
        for line in usage:
            if not token.search(line):
                continue
            parts = re.split(r"\s{2,}|\t+", _ECHO_PREFIX.sub("", line).strip().strip("\"'").strip())
            if len(parts) >= 2 and token.search(parts[0]):
                return " ".join(parts[1:]).strip("\"' ") or None
            tail = re.search(re.escape(name) + r"(?:[ =]<?[A-Za-z_]+>?)?\s*[:)-]\s+(.+)", line)
            if tail:
                return tail.group(1).strip("\"' ") or None
    return None


def _variable_of(word: str) -> str | None:
    """``NAME`` for a word that is exactly ``$NAME`` or ``${NAME}`` (or ``$1``)."""
    match = _SUBJECT_VAR.fullmatch(word)
    return match.group(1) if match else None


def _literal(value: str) -> bool:
    return "$" not in value and "`" not in value


def _static(value: str) -> bool:
    """No command substitution: the value is known up to the variables it names."""
    return "`" not in value and "$(" not in value


class _Scan:
    def __init__(self, script: Script, text: str) -> None:
        self.script = script
        self.text = text
        self.lines = text.splitlines()
        self.parsed = _parse(text)
        self.arm_commands: dict[int, list[_Command]] = {}
        for command in self.parsed.commands:
            if command.arm is not None:
                self.arm_commands.setdefault(id(command.arm), []).append(command)
        self.arm_expansions: dict[int, list[_Expansion]] = {}
        for expansion in self.parsed.expansions:
            if expansion.arm is not None:
                self.arm_expansions.setdefault(id(expansion.arm), []).append(expansion)
        self.raw_values: dict[str, list[str]] = {}
        """name -> each value as written (expansions kept), to follow ``mktemp`` scratch paths."""
        self.scratch: set[str] = set()
        self.assignments: dict[str, list[tuple[int, str, str | None, int]]] = {}
        """name -> (line, value or "$" when it runs a command, function, seq) for each assignment."""

    def run(self) -> None:
        self.collect_assignments()
        self.script.summary = _summary(self.text)
        self.interface()
        self.environment()
        self.effects()
        self.exit_codes()
        self.dry_run()

    # -- assignments ------------------------------------------------------------------------------

    def assign(self, name: str, command: _Command | tuple[int, int], value: str = "$") -> None:
        if isinstance(command, _Command):
            entry = (command.line, value, command.function, command.seq)
        else:
            entry = (command[0], value, None, command[1])
        self.assignments.setdefault(name, []).append(entry)

    def collect_assignments(self) -> None:
        for name, where in self.parsed.assigned.items():
            self.assign(name, where)
        for command in self.parsed.commands:
            for name, value, raw in command.assignments:
                self.raw_values.setdefault(name, []).append(value)
                if re.search(r"\$\{?" + name + r"\b", raw):
                    continue  # FOO=${FOO:-default} reads the environment
                self.assign(name, command, value if _static(raw) else "$")
            words = command.words
            if not words:
                continue
            head = words[0]
            if head in ("local", "declare", "typeset", "export", "readonly"):
                for word in words[1:]:
                    if word.startswith("-"):
                        continue
                    name, eq, value = word.partition("=")
                    if not _NAME.fullmatch(name):
                        continue
                    if eq:
                        self.raw_values.setdefault(name, []).append(value)
                    if eq and not re.search(r"\$\{?" + name + r"\b", value):
                        self.assign(name, command, value if _static(value) else "$")
                    elif not eq and head in ("local", "declare", "typeset"):
                        self.assign(name, command)
            elif head in ("read", "mapfile", "readarray"):
                skip = False
                for word in words[1:]:
                    if skip:
                        skip = False
                        continue
                    if word in ("-p", "-d", "-n", "-N", "-t", "-u", "-i", "-C", "-c", "-O", "-s"):
                        skip = True
                        continue
                    if word == "-a":
                        continue
                    if _NAME.fullmatch(word):
                        self.assign(word, command)
            elif (head == "getopts" and len(words) >= 3) or (head == "printf" and len(words) >= 3 and words[1] == "-v"):
                self.assign(words[2], command)
            elif head == "let":
                for word in words[1:]:
                    match = _ARITH_ASSIGN.match(word)
                    if match:
                        self.assign(match.group(1), command)

    def scratch_variables(self) -> set[str]:
        """Variables holding the script's own ``mktemp`` paths, or paths under them."""
        scratch = {name for name, values in self.raw_values.items()
                   if any("mktemp" in value or _scratch_path(value) for value in values)}
        changed = bool(scratch)
        while changed:
            changed = False
            under = re.compile(r"^\$\{?(?:" + "|".join(map(re.escape, scratch)) + r")\b")
            for name, values in self.raw_values.items():
                if name not in scratch and values and all(under.match(v) for v in values):
                    scratch.add(name)
                    changed = True
        return scratch

    def is_scratch(self, word: str) -> bool:
        match = re.match(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", word)
        return (match is not None and match.group(1) in self.scratch) or _scratch_path(word)

    def own_scratch(self, words: list[str], depth: int = 0) -> bool:
        """``rm -rf "$tmpdir"``, ``trap 'rm -rf "$tmp"' EXIT``, ``cp x "$tmp/"``: work on the
        script's own temporary files, which is not an effect."""
        if depth > 2:
            return False
        if words[:1] == ["trap"] and len(words) > 1:
            inner = [w for _line, w in simple_commands(words[1])]
            return bool(inner) and all(self.own_scratch(w, depth + 1) or
                                       _commands.classify_argv(w, line=1) is None for w in inner)
        name, index = _program(words)
        args = [w for w in words[index + 1:] if not w.startswith("-")]
        if not args:
            return False
        if name in _SCRATCH_ALL_ARGS:
            return all(self.is_scratch(arg) for arg in args)
        return name in _SCRATCH_LAST_ARG and self.is_scratch(args[-1])

    def resolvable(self) -> dict[str, list[str]]:
        """Variables only ever assigned literals (a few at most): their values."""
        values: dict[str, list[str]] = {}
        for name, seen in self.assignments.items():
            literals = list(dict.fromkeys(value for _line, value, _function, _seq in seen))
            if "$" not in literals and len(literals) <= 4 and not looks_like_credential(name):
                values[name] = literals
        return values

    # -- interface --------------------------------------------------------------------------------

    def interface(self) -> None:
        usage = _usage_lines(self.parsed, self.text)
        flags: list[Flag] = []
        kind = "none"
        getopts = [c for c in self.parsed.commands if c.words[:1] == ["getopts"] and len(c.words) >= 3]
        option_cases: list[_Case] = []
        specs: set[tuple[str, str]] = set()
        for command in getopts:
            kind = "getopts"
            if (command.words[1], command.words[2]) not in specs:
                specs.add((command.words[1], command.words[2]))
                names = {flag.name for flag in flags}
                flags.extend(f for f in self.getopts_flags(command, usage) if f.name not in names)
        if getopts:
            variables = {c.words[2] for c in getopts}
            option_cases = [case for case in self.parsed.cases
                            if _variable_of(case.subject) in variables]
        else:
            by_name: dict[str, Flag] = {}
            for case in self.parsed.cases:
                if _SUBJECT_VAR.fullmatch(case.subject) and any(
                        _OPTION_PATTERN.fullmatch(p) for arm in case.arms for p in arm.patterns):
                    option_cases.append(case)
                    flags.extend(self.case_flags(case, usage, by_name))
            if flags:
                kind = "case"
        positionals = self.positional_flags(option_cases)
        if positionals:
            flags.extend(positionals)
            if kind == "none":
                kind = "argv"
        elif kind == "none" and any(e.name in ("@", "*", "#") and e.function is None
                                    for e in self.parsed.expansions):
            kind = "argv"
        self.script.interface.kind = kind  # type: ignore[assignment]
        self.script.interface.flags = flags

    def getopts_flags(self, command: _Command, usage: list[str]) -> list[Flag]:
        spec = command.words[1].lstrip(":")
        variable = command.words[2]
        arms: dict[str, _CaseArm] = {}
        for case in self.parsed.cases:
            match = _SUBJECT_VAR.fullmatch(case.subject)
            if match and match.group(1) == variable:
                for arm in case.arms:
                    for pattern in arm.patterns:
                        arms.setdefault(pattern.lstrip("-"), arm)
        flags: list[Flag] = []
        for index, letter in enumerate(spec):
            if letter == ":" or not letter.isalnum():
                continue
            takes_value = spec[index + 1:index + 2] == ":"
            found = arms.get(letter)
            name = f"-{letter}"
            dest = self.arm_dest(found) if found else None
            help_text = (found.comment if found else None) or self.comment_above(found) or _usage_help(usage, [name])
            flags.append(Flag(name=name, type="string" if takes_value else "boolean", help=help_text,
                              dest=dest, line=found.line if found else command.line))
        return flags

    def comment_above(self, arm: _CaseArm | None) -> str | None:
        if arm is None or arm.line < 2:
            return None
        above = self.lines[arm.line - 2].strip() if arm.line - 2 < len(self.lines) else ""
        return above.lstrip("#").strip() or None if above.startswith("#") else None

    def arm_dest(self, arm: _CaseArm) -> str | None:
        for command in self.arm_commands.get(id(arm), []):
            for name, _value, _raw in command.assignments:
                return name
        return None

    def case_flags(self, case: _Case, usage: list[str], by_name: dict[str, Flag]) -> list[Flag]:
        subject = _variable_of(case.subject)
        flags: list[Flag] = []
        for arm in case.arms:
            options = [m for m in (_OPTION_PATTERN.fullmatch(p) for p in arm.patterns) if m]
            if arm.patterns == ["*"] and subject is not None:
                positional = self.catch_all_positional(arm, subject, by_name)
                if positional is not None:
                    flags.append(positional)
                continue
            if not options:
                continue
            names = list(dict.fromkeys(m.group(1) for m in options))
            takes_value = any(m.group(2) for m in options) or self.arm_takes_value(arm, subject)
            existing = next((by_name[n] for n in names if n in by_name), None)
            if existing is not None:
                if takes_value:
                    existing.type = "string"
                for name in names:
                    if name != existing.name and name not in existing.aliases:
                        existing.aliases.append(name)
                continue
            names.sort(key=lambda n: not n.startswith("--"))
            dest = self.arm_dest(arm)
            flag = Flag(name=names[0], type="string" if takes_value else "boolean",
                        aliases=names[1:], dest=dest, line=arm.line,
                        help=arm.comment or self.comment_above(arm) or _usage_help(usage, names))
            if takes_value and dest and not looks_like_credential(dest):
                flag.default = self.initial_value(dest, case.line)
            flags.append(flag)
            for name in names:
                by_name[name] = flag
        return flags

    def catch_all_positional(self, arm: _CaseArm, subject: str, by_name: dict[str, Flag]) -> Flag | None:
        """``*) target="$1" ;;`` in an option loop: a positional named after its variable."""
        reference = re.compile(r"\"?\$\{?" + re.escape(subject) + r"\}?\"?")
        for command in self.arm_commands.get(id(arm), []):
            for name, _value, raw in command.assignments:
                if reference.fullmatch(raw) and name not in by_name:
                    flag = Flag(name=name, positional=True, dest=name, line=arm.line)
                    by_name[name] = flag
                    return flag
        return None

    def arm_takes_value(self, arm: _CaseArm, subject: str | None) -> bool:
        for expansion in self.arm_expansions.get(id(arm), []):
            if expansion.name == "2" or (expansion.name == subject and expansion.op in ("#", "##")):
                return True
        for command in self.arm_commands.get(id(arm), []):
            if command.words[:2] == ["shift", "2"]:
                return True
            if any(re.search(r"\$\{?2\b", value) for _n, _v, value in command.assignments):
                return True
        return False

    def initial_value(self, name: str, before: int) -> str | None:
        for line, value, function, _seq in self.assignments.get(name, []):
            if line < before and function is None and _literal(value):
                return value
        return None

    def argument_functions(self) -> set[str | None]:
        """The top level and the functions it calls with the script's arguments (``main "$@"``)."""
        called: set[str | None] = {None}
        for command in self.parsed.commands:
            if command.function is None and len(command.words) >= 2 and command.words[0] in \
                    self.parsed.functions and any(w in ("$@", "$*", "${@}") for w in command.words[1:]):
                called.add(command.words[0])
        return called

    def positional_flags(self, option_cases: list[_Case]) -> list[Flag]:
        argument_functions = self.argument_functions()
        excluded: set[int] = set()
        for case in option_cases:
            excluded.update(range(case.line, (case.end_line or case.line) + 1))
            for line in range(max(1, case.line - 3), case.line):
                if re.match(r"\s*(?:while|until|for)\b", self.lines[line - 1] if line <= len(self.lines) else ""):
                    excluded.update(range(line, case.line))
        reads: dict[int, Flag] = {}
        for expansion in self.parsed.expansions:
            if not expansion.name.isdigit() or expansion.name == "0" or \
                    expansion.function not in argument_functions:
                continue
            if expansion.line in excluded:
                continue
            number = int(expansion.name)
            flag = reads.get(number)
            if flag is None:
                flag = reads[number] = Flag(name=f"arg{number}", positional=True, line=expansion.line)
            if expansion.op in _REQUIRED_OPS:
                flag.required = True
            elif expansion.op in (":-", "-") and _literal(expansion.arg) and flag.default is None:
                flag.default = expansion.arg.strip("\"'")
        for command in self.parsed.commands:
            if command.function not in argument_functions or command.line in excluded:
                continue
            pairs = [(name, raw) for name, _value, raw in command.assignments]
            if command.words[:1] and command.words[0] in ("local", "declare", "readonly", "export"):
                pairs += [(w.partition("=")[0], w.partition("=")[2]) for w in command.words[1:] if "=" in w]
            for name, raw in pairs:
                match = re.fullmatch(r"\"?\$\{?([1-9])(?:[:}?\-=+][^\"]*)?\"?", raw)
                if match and int(match.group(1)) in reads and reads[int(match.group(1))].dest is None:
                    reads[int(match.group(1))].dest = name
        for case in self.parsed.cases:
            subject = re.fullmatch(r"\$\{?([1-9])\}?", case.subject)
            if subject and int(subject.group(1)) in reads and case not in option_cases:
                choices = [p for arm in case.arms for p in arm.patterns if _CHOICE.fullmatch(p)]
                flag = reads[int(subject.group(1))]
                if choices and flag.choices is None:
                    flag.type, flag.choices = "choice", list(dict.fromkeys(choices))
        count_check = _ARG_COUNT_CHECK.search(self.text)
        if count_check and reads:
            operator, number = count_check.group(1), int(count_check.group(2))
            needed = number + 1 if operator == "le" else (1 if operator == "eq" and number == 0 else number)
            for position, flag in reads.items():
                if position <= needed:
                    flag.required = True
        return [reads[n] for n in sorted(reads)]

    # -- environment ------------------------------------------------------------------------------

    def environment(self) -> None:
        nounset = _NOUNSET.search(self.text) is not None
        reads: dict[str, list[_Expansion]] = {}
        for expansion in self.parsed.expansions:
            name = expansion.name
            if not _NAME.fullmatch(name) or name in _SHELL_VARIABLES or name.startswith("LC_"):
                continue
            reads.setdefault(name, []).append(expansion)
        env: list[EnvVar] = []
        for name, seen in reads.items():
            assigned = self.assignments.get(name, [])
            if assigned:
                _line, _value, writer, first = min(assigned, key=lambda entry: entry[3])
                early = [e for e in seen if e.seq < first and e.function in (None, writer)]
                if not early:
                    continue
                seen = early
            required = any(e.op in _REQUIRED_OPS for e in seen) or (
                nounset and not assigned and not any(e.op in _DEFAULTING_OPS for e in seen))
            env.append(EnvVar(name=name, line=min(e.line for e in seen),
                              credential=looks_like_credential(name), required=required))
        env.sort(key=lambda var: var.line)
        self.script.env = env

    # -- effects ----------------------------------------------------------------------------------

    def warn(self, message: str) -> None:
        if len(self.script.warnings) < _MAX_WARNINGS and message not in self.script.warnings:
            self.script.warnings.append(message)

    def command_effect(self, command: _Command, values: dict[str, list[str]], single: dict[str, str],
                       base: Confidence) -> Effect | None:
        """The effect of one command, its variables resolved; a variable with several literal
        values is tried with each (the most destructive wins, at medium confidence)."""
        head = _SUBJECT_VAR.fullmatch(command.words[0])
        choices = values.get(head.group(1), []) if head else []
        found: list[Effect] = []
        for choice in choices if len(choices) > 1 else [None]:
            known = single if choice is None or head is None else {**single, head.group(1): choice}
            words, through_variable = self.resolve(command, known)
            if words and words[0].startswith("$"):
                self.warn(f"line {command.line}: a command run through an unresolved variable "
                          f"({words[0]})")
            elif words[:1] == ["eval"] and any("$" in w for w in words[1:]):
                self.warn(f"line {command.line}: eval of a string built at run time")
            confidence: Confidence = "medium" if through_variable or choice is not None else base
            effect = _commands.classify_argv(words, line=command.line, confidence=confidence)
            if effect is not None:
                found.append(effect)
        return max(found, key=lambda effect: effect.destructive) if found else None

    def resolve(self, command: _Command, values: dict[str, str]) -> tuple[list[str], bool]:
        words: list[str] = []
        through_variable = False
        for index, (word, raw) in enumerate(zip(command.words, command.raw, strict=False)):
            if "$" not in word:
                words.append(word)
                continue
            whole = _SUBJECT_VAR.fullmatch(word)
            if whole and whole.group(1) in values and not raw.startswith('"'):
                words.extend(values[whole.group(1)].split())
                through_variable = through_variable or index <= 1
                continue

            def substitute(match: re.Match[str]) -> str:
                name = match.group(1) or match.group(2)
                return values.get(name, match.group(0))

            resolved = re.sub(r"\$\{([A-Za-z_]\w*)\}|\$([A-Za-z_]\w*)", substitute, word)
            if resolved != word and index <= 1:
                through_variable = True
            words.append(resolved)
        return words, through_variable

    def effects(self) -> None:
        values = self.resolvable()
        single = {name: literals[0] for name, literals in values.items() if len(literals) == 1}
        self.scratch = self.scratch_variables()
        effects: list[Effect] = []
        written: set[str] = set()
        for command in self.parsed.commands:
            base: Confidence = "medium" if command.remote else "high"
            if command.words:
                effect = self.command_effect(command, values, single, base)
                if effect is not None and not self.own_scratch(command.words):
                    effect.via = command.function
                    effects.append(effect)
                program, _index = _program(command.words)
                if program in _SQL_CLIENTS:
                    effects.extend(self.sql_input(command, base))
                elif any(w.rsplit("/", 1)[-1] in _SQL_CLIENTS for w in command.words[1:]):
                    effects.extend(self.sql_input(command, "medium"))  # docker exec db psql <<SQL
            for redirect in command.redirects:
                effect = self.redirect_effect(command, redirect, written, base)
                if effect is not None:
                    effects.append(effect)
        self.script.effects = effects

    def sql_input(self, command: _Command, confidence: Confidence) -> list[Effect]:
        call = _commands.call_text(command.words)
        if command.stdin_text is not None:
            destructive = _commands.classify_sql(command.stdin_text)
            if destructive is not None:
                return [Effect("sql", destructive, f"{call} <<SQL", command.line, confidence,
                               via=command.function)]
            return []
        if any(r.op.endswith("<") and r.op not in ("<<", "<<-", "<<<") and r.target for r in command.redirects):
            return [Effect("sql", False, f"{call} < file", command.line, "low", via=command.function)]
        return []

    def redirect_effect(self, command: _Command, redirect: _Redirect, written: set[str],
                        confidence: Confidence) -> Effect | None:
        op = redirect.op.lstrip("0123456789")
        target = redirect.target
        if op not in _WRITE_OPS or not target or target.startswith((*_QUIET_TARGETS, ">(", "<(")):
            return None
        if op == ">&" and (target.isdigit() or target == "-"):
            return None
        if target in written or self.is_scratch(target):
            return None
        written.add(target)
        call = _commands.call_text([*command.words, f"{op} {target}"])
        return Effect("file-write", False, call, redirect.line, confidence, via=command.function)

    # -- exits and dry run ------------------------------------------------------------------------

    def exit_codes(self) -> None:
        codes: set[int] = set()
        for command in self.parsed.commands:
            if command.words[:1] == ["exit"] and len(command.words) >= 2 and not command.remote:
                value = command.words[1]
                if re.fullmatch(r"-?\d+", value):
                    codes.add(int(value) % 256)
        self.script.exit_codes = sorted(codes)

    def dry_run(self) -> None:
        for flag in self.script.interface.flags:
            names = [flag.name, *flag.aliases]
            for name in names:
                bare = name.lstrip("-").lower()
                dest_hint = flag.dest is not None and _DRY_RUN_VARIABLE.match(flag.dest)
                if bare in _DRY_RUN_NAMES or (flag.type == "boolean" and (
                        dest_hint or (len(bare) == 1 and flag.help and _DRY_RUN_HELP.search(flag.help)))):
                    self.script.has_dry_run = True
                    self.script.dry_run_flag = flag.name
                    return
        confirming = any(name.lstrip("-").lower() in _CONFIRM_NAMES
                         for flag in self.script.interface.flags for name in (flag.name, *flag.aliases))
        if confirming or any(_DRY_RUN_VARIABLE.match(var.name) for var in self.script.env):
            self.script.has_dry_run = True




def scan_shell(script: Script, text: str) -> None:
    """Fill ``script`` (interface, env, effects, exit_codes, has_dry_run, dry_run_flag, summary,
    warnings) from a shell script's text.

    Decisions: ``> file`` is a file-write, not destructive (a script truncating its own output or
    log is normal; one effect per target); ``exit`` with no number and ``exit $?`` add no code; a
    variable read before the script assigns it, or assigned only from itself
    (``FOO=${FOO:-x}``), is an environment read; ``${VAR:?}``, or a plain read under ``set -u``,
    makes it required; a ``DRY_RUN`` environment variable sets ``has_dry_run`` without a flag."""
    _Scan(script, text).run()
