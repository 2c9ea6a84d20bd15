#!/usr/bin/env bash

shellcheck ../*/*.sh && echo "✓ OK"
