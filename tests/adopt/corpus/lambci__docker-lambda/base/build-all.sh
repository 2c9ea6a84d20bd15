#!/bin/bash
set -e

${PWD}/build-all-run.sh

${PWD}/build-all-build.sh
