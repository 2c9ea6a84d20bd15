"""Adopting legacy scripts: ``opsctl inventory scan`` reads a folder of Python and shell scripts
without running them (interface, environment, side effects, exit codes, callers, owners) and
ranks them by blast radius; ``opsctl wrap`` puts one behind a contract.

    discover   which files are scripts, which are libraries, vendored, tests or unreadable
    python_scan   the AST of a Python script: flags, env, effects (one level into helpers), exits
    python_local       the script's own modules followed: their effects, interfaces, delegated methods
    python_interface   the flags and subcommands of a Python script (argparse, click, typer...)
    docopt_usage       the flags a docopt usage text declares (Python docopt, shell docopts)
    python_index       parse() and the one walk over a module's AST the readers share (ModuleIndex)
    python_effects     the side effects of a module's calls (EffectFinder and its rule tables)
    python_commands    command lines resolved statically (Resolver), wrappers' call sites, call text
    shell_lexer   a POSIX shell tokeniser: the simple commands, case arms and expansions of a text
    shell_scan    a shell script: $VARS, commands and their effects, exits, dry run
    shell_interface   a shell script's getopts/case options and positional arguments
    commands   what a command line does (rm -rf, kubectl delete, terraform destroy...)
    command_rules   the rule of each executable (RULES) and the host tools' rules
    service_rules   rules of database, HTTP and platform clients (psql, curl, kubectl, terraform...)
    command_args    the Verdict a rule returns and the argument readers the rules share
    callers    who runs each script: find_callers, which reader reads which file
    caller_refs     the index of scripts, the shell-like scanner of references, what readers share
    callers_ci      CI workflows (GitHub, GitLab, other CI, Jenkins), pre-commit, compose, CronJobs
    callers_build   Makefiles, justfiles, tox, Procfile, cron, systemd, Dockerfiles, Python, entry points
    history    owners and churn from git
    tier       the promotion tier and its reasons
    scan       all of the above over a tree -> Inventory
    parallel   the scan's two long loops (scripts, caller files) on forked worker processes
    report     the table and the Markdown report
    wrap       a generated automation module around one script
"""
