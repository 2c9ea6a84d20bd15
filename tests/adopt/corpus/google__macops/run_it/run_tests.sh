#!/bin/bash

xctool -scheme run_it build test
