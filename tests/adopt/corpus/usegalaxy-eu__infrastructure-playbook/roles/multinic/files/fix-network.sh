#!/usr/bin/env bash
ip route del 10.5.68.0/24 2>>/dev/null || true
