#!/bin/sh
set -e

exec flagsmith "$@"
