#!/usr/bin/env bash

W_DURATION_SECS={$W_DURATION_SECS:-120}

sleep $W_DURATION_SECS
