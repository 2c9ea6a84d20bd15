"""The POSIX shell tokeniser: simple commands of a shell text, read without running it.

Why a hand-written tokeniser: ``shlex`` splits words and quotes but knows nothing of operators
beyond single punctuation characters, ``$( )``/backtick nesting, heredocs, keywords, case arms or
line numbers; the shell parsers on PyPI (bashlex and friends) raise on much real-world shell and
are slow over thousands of scripts. :class:`_Lexer` is one left-to-right pass over the text with
module-level regexes for every run of ordinary characters, recursing only into ``$( )``,
backticks and heredoc bodies fed to a shell, so its cost is linear in the text; it never raises.

    _Lexer            text -> Command (words, assignments, redirections, function, case arm),
                      Case/CaseArm, parameter expansions, names assigned by for/arithmetic
    parse_shell       the whole text -> Parsed (what :mod:`shell_scan` reads)
    simple_commands   the public view: (line, words) of each simple command
"""

from __future__ import annotations

import bisect
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

__all__ = ["ARITH_ASSIGN", "NAME", "Case", "CaseArm", "Command", "Expansion", "Parsed", "Redirect",
           "command_program", "parse_shell", "simple_commands"]

_MAX_DEPTH = 60
_BLANKS = re.compile(r"(?:[ \t\r\f\v]+|\\\r?\n)+")
_PLAIN = re.compile(r"[^\s;&|()<>'\"`\\$]+")
_DQ_PLAIN = re.compile(r'[^"\\$`]+')
_BRACE_PLAIN = re.compile(r"[^}'\"\\$`]+")
_OPERATOR = re.compile(r";;&|;;|;&|;|&&|\|\||\|&|\||&")
_REDIRECT = re.compile(r"(\d*)(&>>|&>|<<<|<<-|<<|<>|<&|>&|>>|>\||<|>)")
_COMMENT_END = re.compile(r"[^\n]*")
NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_SIMPLE_PARAM = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|[0-9]|[@*#?$!-]")
_BRACE_PARAM = re.compile(r"([#!]?)([A-Za-z_][A-Za-z0-9_]*|[0-9]+|[@*#?$!-])(\[[^\]]*\])?"
                          r"(:[-=?+]|[-=?+]|##|#|%%|%|//|/#|/%|/|:|\^\^|\^|,,|,|@)?")
_ANSI_C = re.compile(r"\$'((?:[^'\\]|\\.)*)'?", re.S)
_BACKTICK_BODY = re.compile(r"(?:[^`\\]|\\.)*", re.S)
_DECLARES = frozenset({"export", "declare", "local", "readonly", "typeset"})
_ASSIGNMENT_WORD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?\+?=")
ARITH_ASSIGN = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\s*(?:\+\+|--|(?:[-+*/%&|^]|<<|>>)?=(?!=))")
_BODY_EXPANSION = re.compile(r"\$\{?([A-Za-z_][A-Za-z0-9_]*|[0-9])(:?[-=?+])?")
_PARENS = re.compile(r"[()]")
_EMPTY_PARENS = re.compile(r"[ \t]*\([ \t]*\)")
_KEYWORDS_SKIP = frozenset({"if", "then", "else", "elif", "do", "while", "until", "!", "fi", "done"})
_SHELL_NAMES = frozenset({"sh", "bash", "dash", "zsh", "ksh", "ash"})
_WRAPPER_VALUE_OPTIONS = {"sudo": frozenset({"-u", "-g", "-p", "-C", "-h", "-r", "-t", "-U", "-D"}),
                          "doas": frozenset({"-u", "-C"}), "nice": frozenset({"-n"}),
                          "timeout": frozenset({"-s", "-k", "--signal", "--kill-after"}),
                          "env": frozenset({"-u", "-C", "-S"})}
_PASS_THROUGH = frozenset({"sudo", "env", "nohup", "exec", "command", "time", "doas", "nice",
                           "timeout", "stdbuf"})


@dataclass(slots=True)
class Redirect:
    op: str
    target: str
    line: int


@dataclass(slots=True, eq=False)
class CaseArm:
    subject: str
    patterns: list[str]
    line: int
    end_line: int = 0
    comment: str | None = None


@dataclass(slots=True, eq=False)
class Case:
    subject: str
    line: int
    end_line: int = 0
    arms: list[CaseArm] = field(default_factory=list)


@dataclass(slots=True, eq=False)
class Command:
    line: int
    words: list[str] = field(default_factory=list)
    raw: list[str] = field(default_factory=list)
    assignments: list[tuple[str, str, str]] = field(default_factory=list)
    """(name, value with quotes removed, value as written)."""
    redirects: list[Redirect] = field(default_factory=list)
    function: str | None = None
    arm: CaseArm | None = None
    remote: bool = False
    stdin_text: str | None = None
    seq: int = 0
    """The order in which the lexer met it (reads and assignments are compared by it)."""
    piped: bool = False
    """Its input is the output of the command before it (``a | b``: ``b``)."""


@dataclass(slots=True)
class Expansion:
    name: str
    op: str
    arg: str
    line: int
    function: str | None
    arm: CaseArm | None
    seq: int = 0


@dataclass(slots=True)
class Parsed:
    commands: list[Command] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    expansions: list[Expansion] = field(default_factory=list)
    assigned: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Names assigned outside simple commands (for loops, arithmetic): (first line, seq)."""
    appended: set[str] = field(default_factory=set)
    """Names added to with ``+=`` (``opts+=' --delete'``)."""
    for_items: dict[str, list[str]] = field(default_factory=dict)
    """A ``for NAME in WORDS`` loop's words, by NAME (every loop of that name)."""
    functions: dict[str, tuple[int, int]] = field(default_factory=dict)
    sequence: int = 0

    def next_seq(self) -> int:
        self.sequence += 1
        return self.sequence


@dataclass(slots=True, eq=False)
class _CaseState:
    case: Case
    mode: str  # "subject", "in", "pattern", "body"
    patterns: list[str] = field(default_factory=list)
    arm: CaseArm | None = None


@dataclass(slots=True, eq=False)
class _Frame:
    """The state of one command list (the script, or the inside of one ``$( )``)."""

    function: str | None
    arm: CaseArm | None
    command: Command | None = None
    heredocs: list[tuple[Command, str, bool, bool]] = field(default_factory=list)
    cases: list[_CaseState] = field(default_factory=list)
    blocks: list[tuple[str, str | None, int]] = field(default_factory=list)
    pending_function: str | None = None
    for_mode: int = 0
    for_name: str = ""
    case_mode: bool = False
    function_keyword: bool = False
    test_mode: bool = False
    skip_command: bool = False
    piped: bool = False  # the next command reads a pipe



class _Lexer:
    def __init__(self, text: str, sink: Parsed, *, line_base: int = 1, depth: int = 0,
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

    def current_arm(self, frame: _Frame) -> CaseArm | None:
        for state in reversed(frame.cases):
            if state.mode == "body":
                return state.arm
        return frame.arm

    def operator(self, frame: _Frame, op: str) -> None:
        self.end_command(frame)
        frame.piped = op in ("|", "|&")
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
            arm = CaseArm(state.case.subject, state.patterns, line,
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

    def command_for(self, frame: _Frame, pos: int) -> Command:
        if frame.command is None:
            frame.command = Command(self.line_of(pos), function=self.current_function(frame),
                                     arm=self.current_arm(frame), remote=self.remote,
                                     seq=self.sink.next_seq(), piped=frame.piped)
            frame.piped = False
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
            if assignment.group(0).endswith("+="):
                self.sink.appended.add(assignment.group(1))
            return
        if raw == "builtin" and not command.words:
            return  # ``builtin getopts "distv" opt``: the builtin itself runs
        command.words.append(word)
        command.raw.append(raw)
        if command.words[0] in _DECLARES and raw.endswith("=") and self.text.startswith("(", self.pos) \
                and assignment and assignment.end() == len(raw):
            # ``export POLICY=(delete delete compact)``, ``local -a dirs=(a b)``: an array's
            # values, not a subshell running ``delete``; the word holds them (``args=$@`` for
            # ``local args=("$@")``, a function's arguments kept to be run later)
            command.words[-1] = word + " ".join(self.array_literal(frame))

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
            frame.cases.append(_CaseState(Case("", self.line_of(start)), "subject"))
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
            if NAME.fullmatch(word):
                self.sink.assigned.setdefault(word, (self.line_of(start), self.sink.next_seq()))
                frame.for_name = word
            frame.for_mode = 2
        elif frame.for_mode == 2:
            frame.for_mode = 3 if raw == "in" else 0
            if raw == "do":
                frame.for_mode = 0
        elif frame.for_mode == 3 and frame.for_name and raw != "do":
            self.sink.for_items.setdefault(frame.for_name, []).append(word)

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

    def array_literal(self, frame: _Frame) -> list[str]:
        """The values of ``(a "b c" $d)``, read up to its closing parenthesis."""
        values: list[str] = []
        self.pos += 1
        while self.pos < self.n:
            blank = _BLANKS.match(self.text, self.pos)
            if blank:
                self.pos = blank.end()
                continue
            char = self.text[self.pos]
            if char == ")":
                self.pos += 1
                return values
            if char == "\n" or char in ";&|<>(":
                self.pos += 1
                continue
            if char == "#":
                self.pos = _COMMENT_END.match(self.text, self.pos).end()  # type: ignore[union-attr]
                continue
            before = self.pos
            values.append(self.read_word(frame)[0])
            if self.pos == before:
                self.pos += 1
        return values

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
        command.redirects.append(Redirect(match.group(1) + op, target, self.line_of(start)))
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
                    self.sink.expansions.append(Expansion(
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
            if text.startswith("((", start + 1) and self.is_arithmetic(start + 3):
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
        self.sink.expansions.append(Expansion(name, op, arg, self.line_of(pos),
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

    def is_arithmetic(self, body_start: int) -> bool:
        """``$((...))`` is arithmetic when its two closing parentheses come together; else, as
        for bash, a command substitution of a subshell: ``$((kubectl drain $1) 2>&1)``."""
        depth = 2
        for match in _PARENS.finditer(self.text, body_start):
            depth += 1 if match.group(0) == "(" else -1
            if depth == 1:
                return self.text.startswith(")", match.end())
        return True

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
            self.sink.expansions.append(Expansion(match.group(1), "", "", line, self.current_function(frame),
                                                   self.current_arm(frame), self.sink.next_seq()))
        for match in ARITH_ASSIGN.finditer(body):
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


def command_program(words: list[str]) -> tuple[str | None, int]:
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
    name, index = command_program(words)
    if name == "ssh":
        return True
    if name in _SHELL_NAMES:
        return False if "-c" not in words else None
    if name in ("docker", "kubectl", "podman", "oc") and "exec" in words:
        return True if any(w.rsplit("/", 1)[-1] in _SHELL_NAMES for w in words[index + 2:]) else None
    return None


def parse_shell(text: str) -> Parsed:
    parsed = Parsed()
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
    for command in parse_shell(text).commands:
        if command.words:
            yield command.line, command.words


# -- the scanner ----------------------------------------------------------------------------------
