"""Python 2 sources rewritten for the scan (opsctl.adopt.python2): each Python 2 statement the
parser refuses becomes its Python 3 form on the same line, so line numbers stay the file's."""

from __future__ import annotations

import ast

import pytest

from opsctl.adopt.python2 import convert


@pytest.mark.parametrize(("source", "converted"), [
    ("import os\n\nprint 'hello'\n", "import os\n\nprint( 'hello')\n"),
    ("print >>sys.stderr, 'x'\nprint\n", "print( sys.stderr, 'x')\nprint()\n"),
    ("print 'a' % (b,\n    c)\n", "print( 'a' % (b,\n    c))\n"),
    ("if x: print 'a'; print 'b'\n", "if x: print( 'a'); print( 'b')\n"),
    ("print x,  # no newline\n", "print( x,  )# no newline\n"),
    ("exec 'x = 1' in ns\n", "exec( 'x = 1' in ns)\n"),
    ("try:\n    pass\nexcept (OSError, IOError), e:\n    pass\n",
     "try:\n    pass\nexcept (OSError, IOError) as e:\n    pass\n"),
    ("try:\n    os.mkdir(p, 0700)\nexcept OSError, (n, s):\n    pass\n",
     "try:\n    os.mkdir(p, 0o700)\nexcept OSError as _error:\n    pass\n"),
    ("raise ValueError, 'bad %s' % x\n", "raise ValueError( 'bad %s' % x)\n"),
    ("x = `y`\n", "x = repr(y)\n"),
    ("if a <> b:\n    pass\n", "if a != b:\n    pass\n"),
    ("os.chmod(p, 0755)\nn = 10L\n", "os.chmod(p, 0o755)\nn = 10\n"),
    ("s = ur'\\d+'\n", "s = r'\\d+'\n"),
    # a block indented with tabs and spaces, as Python 2 read it (tabs to the next 8)
    ("def f():\n\tif x:\n\t    print x\n", "def f():\n        if x:\n            print( x)\n"),
], ids=["print", "print-chevron-and-alone", "print-over-two-lines", "two-on-one-line",
        "trailing-comma-and-comment", "exec-in", "except-tuple-comma", "except-unpacking", "raise-comma", "backticks",
        "not-equal", "octal-and-long", "ur-prefix", "mixed-indentation"])
def test_python2_statements_are_rewritten_on_their_own_lines(source: str, converted: str) -> None:
    result = convert(source)
    assert result == converted
    assert result.count("\n") == source.count("\n")
    ast.parse(result)


@pytest.mark.parametrize("source", [
    "print('already Python 3')\n",           # nothing to rewrite
    "print 'x'\ndef (\n",                     # Python 2 that is broken besides
    "print = log\nprint.debug('x')\n",        # a name, not the statement
    "x = (\n",                                # not Python at all
], ids=["python3", "broken-python2", "print-as-a-name", "unclosed"])
def test_nothing_is_returned_unless_a_rewrite_makes_it_parse(source: str) -> None:
    assert convert(source) is None
