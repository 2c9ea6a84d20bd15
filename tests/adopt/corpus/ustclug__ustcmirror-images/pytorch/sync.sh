#!/bin/bash

cd "$TO"
exec python3 /sync.py
