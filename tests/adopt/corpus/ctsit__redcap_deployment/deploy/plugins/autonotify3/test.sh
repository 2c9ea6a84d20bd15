#!/bin/sh
set -e
# Run tests if any
