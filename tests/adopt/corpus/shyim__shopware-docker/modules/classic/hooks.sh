#!/usr/bin/env bash

checkParameter
fixHooks
