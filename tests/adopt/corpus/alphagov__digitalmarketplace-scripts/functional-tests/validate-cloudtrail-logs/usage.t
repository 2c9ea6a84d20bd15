
  $ . $TESTDIR/setup.sh

Usage:

  $ ./scripts/validate-cloudtrail-logs.sh
  error: 
  Usage: validate-cloudtrail-logs.sh [options] ACCOUNT START_FROM [UP_TO]
  [64]
